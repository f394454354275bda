using Platform.Api.Concurrency;
using Platform.Api.Features.Audit;
using Platform.Api.Features.Tenders;
using Platform.Api.Persistence;
using Platform.Api.Security;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Jurors;

public sealed record JurorRow
{
    public Guid Id { get; init; }
    public Guid TenderId { get; init; }
    public required string Name { get; init; }
    public required string Role { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public int Version { get; init; }
}

/// <summary>A landlord's jurors of its tenders, on the owner path; their keys are stored as hashes only.</summary>
public sealed class JurorStore(TenantDb db, AuditLog audit, TimeProvider clock)
{
    public const string JuryClosed = "tender-jury-closed";
    public const string AlreadyRevoked = "juror-revoked";

    const string Columns = $"""
        j.id AS {nameof(JurorRow.Id)}, j.tender_id AS {nameof(JurorRow.TenderId)}, j.name AS {nameof(JurorRow.Name)}, j.role AS {nameof(JurorRow.Role)},
        j.created_at AS {nameof(JurorRow.CreatedAt)}, j.revoked_at AS {nameof(JurorRow.RevokedAt)}, j.version AS {nameof(JurorRow.Version)}
        """;

    const string FindSql = $"SELECT {Columns} FROM tender_jurors j WHERE j.tenant_id = @TenantId AND j.tender_id = @TenderId AND j.id = @Id";

    const string FindForUpdateSql = $"""
        SELECT {Columns} FROM tender_jurors j {SqlDialect.UpdateLock}
        WHERE j.tenant_id = @TenantId AND j.tender_id = @TenderId AND j.id = @Id
        """;

    const string ListSql = $"""
        SELECT {Columns} FROM tender_jurors j
        WHERE j.tenant_id = @TenantId AND j.tender_id = @TenderId AND j.id > @After
        ORDER BY j.id {SqlDialect.Limit}
        """;

    const string TenderSql = $"""
        SELECT status AS {nameof(TenderStage.Status)}, opens_at AS {nameof(TenderStage.OpensAt)}
        FROM tenders WHERE tenant_id = @TenantId AND id = @TenderId
        """;

    const string TenderForUpdateSql = $"""
        SELECT status AS {nameof(TenderStage.Status)}, opens_at AS {nameof(TenderStage.OpensAt)}
        FROM tenders {SqlDialect.UpdateLock} WHERE tenant_id = @TenantId AND id = @TenderId
        """;

    const string InsertSql = """
        INSERT INTO tender_jurors (id, tenant_id, tender_id, name, role, key_hash, created_at, revoked_at, version)
        VALUES (@Id, @TenantId, @TenderId, @Name, @Role, @KeyHash, @CreatedAt, NULL, 1)
        """;

    const string RevokeSql = """
        UPDATE tender_jurors SET revoked_at = @Now, version = version + 1
        WHERE tenant_id = @TenantId AND tender_id = @TenderId AND id = @Id AND revoked_at IS NULL
        """;

    DateTimeOffset Now => clock.GetUtcNow();

    public Task<bool> TenderExistsAsync(Guid tenderId, CancellationToken ct) =>
        db.RunAsync(async session => await session.QuerySingleOrDefaultAsync<TenderStage>(TenderSql, new { TenderId = tenderId }, ct) is not null, ct);

    public Task<JurorRow?> FindAsync(Guid tenderId, Guid id, CancellationToken ct) =>
        db.RunAsync(session => session.QuerySingleOrDefaultAsync<JurorRow>(FindSql, new { TenderId = tenderId, Id = id }, ct), ct);

    public Task<IReadOnlyList<JurorRow>> ListAsync(Guid tenderId, Guid after, int limit, CancellationToken ct) =>
        db.RunAsync(session => session.ListAsync<JurorRow>(ListSql, new { TenderId = tenderId, After = after, Limit = limit }, ct), ct);

    /// <summary>Appoints a juror and returns it with its key, which exists only in this answer.</summary>
    public Task<WriteOutcome<(JurorRow Juror, string Key)>> AppointAsync(Guid tenderId, string name, JurorRole role, CancellationToken ct) =>
        db.TransactAsync(async session =>
        {
            var tender = await session.QuerySingleOrDefaultAsync<TenderStage>(TenderForUpdateSql, new { TenderId = tenderId }, ct);
            if (tender is null)
                return WriteOutcome<(JurorRow, string)>.NotFound;
            var now = Now;
            var status = tender.StatusAt(now);
            if (!TenderRules.JuryMaySit(status))
                return WriteOutcome<(JurorRow, string)>.Conflict(JuryClosed,
                    $"A tender that is {EnumText<TenderStatus>.ToText(status)} has no jury any more: jurors are appointed until the award or the cancellation.");

            var key = ClientSecrets.Generate();
            var juror = new JurorRow { Id = Ids.New(now), TenderId = tenderId, Name = name, Role = EnumText<JurorRole>.ToText(role), CreatedAt = now, Version = 1 };
            await session.ExecuteAsync(InsertSql, new { juror.Id, juror.TenderId, juror.Name, juror.Role, KeyHash = ClientSecrets.Hash(key), juror.CreatedAt }, ct);
            await audit.RecordAsync(session, AuditEntityType.Juror, juror.Id, AuditAction.Created, null, JurorResponse.From(juror), ct);
            return WriteOutcome<(JurorRow, string)>.Done((juror, key));
        }, ct);

    public Task<WriteOutcome<JurorRow>> RevokeAsync(Guid tenderId, Guid id, CancellationToken ct) =>
        db.TransactAsync(async session =>
        {
            var current = await session.QuerySingleOrDefaultAsync<JurorRow>(FindForUpdateSql, new { TenderId = tenderId, Id = id }, ct);
            if (current is null)
                return WriteOutcome<JurorRow>.NotFound;
            if (current.RevokedAt is not null)
                return WriteOutcome<JurorRow>.Conflict(AlreadyRevoked, $"The juror was revoked at {current.RevokedAt:O}.");

            var revoked = current with { RevokedAt = Now, Version = current.Version + 1 };
            await session.ExecuteAsync(RevokeSql, new { TenderId = tenderId, Id = id, Now = revoked.RevokedAt }, ct);
            await audit.RecordAsync(session, AuditEntityType.Juror, id, AuditAction.Revoked, JurorResponse.From(current), JurorResponse.From(revoked), ct);
            return WriteOutcome<JurorRow>.Done(revoked);
        }, ct);

    sealed class TenderStage
    {
        public required string Status { get; init; }
        public DateTimeOffset OpensAt { get; init; }

        public TenderStatus StatusAt(DateTimeOffset now) => TenderRules.StatusAt(EnumText<TenderStatus>.Parse(Status), OpensAt, now);
    }
}
