using Microsoft.Data.Sqlite;
using Platform.Api.Persistence;

namespace Platform.Api.Tests.Persistence;

/// <summary>Reads never take update locks on SQL Server: a statement with the lock hint runs only inside a write transaction.</summary>
public sealed class ReadLockTests
{
    const string LockingSql = $"SELECT COUNT(*) + 1 FROM sqlite_master {SqlDialect.UpdateLock}";
    const string PlainSql = "SELECT 1";

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_locking_statement_outside_a_write_transaction_is_refused_and_runs_inside_one()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(Ct);
        var read = new DbSession(connection, null, new SqlServerDialect(), null);

        await Assert.ThrowsAsync<InvalidOperationException>(() => read.ExecuteScalarAsync<int>(LockingSql, null, Ct));
        Assert.Equal(1, await read.ExecuteScalarAsync<int>(PlainSql, null, Ct));

        await using var transaction = await connection.BeginTransactionAsync(Ct);
        var write = new DbSession(connection, transaction, new SqliteDialect(), null);
        Assert.Equal(1, await write.ExecuteScalarAsync<int>(LockingSql, null, Ct));
    }
}
