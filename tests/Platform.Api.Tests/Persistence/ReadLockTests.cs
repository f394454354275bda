using Platform.Api.Persistence;

namespace Platform.Api.Tests.Persistence;

/// <summary>Reads never take update locks on SQL Server: outside a write transaction a statement is sent without its lock hint.</summary>
public sealed class ReadLockTests
{
    const string LockingSql = $"SELECT id FROM plinths {SqlDialect.UpdateLock} WHERE tenant_id = @TenantId AND id = @Id";

    [Fact]
    public void A_locking_statement_is_sent_with_its_update_locks_only_inside_a_write_transaction()
    {
        var dialect = new SqlServerDialect();

        Assert.Contains("WITH (UPDLOCK, HOLDLOCK)", dialect.Render(LockingSql, inWriteTransaction: true));
        Assert.DoesNotContain("UPDLOCK", dialect.Render(LockingSql, inWriteTransaction: false));
        Assert.DoesNotContain(SqlDialect.UpdateLock, dialect.Render(LockingSql, inWriteTransaction: false));
    }
}
