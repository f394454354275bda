using System.Text.Json;
using Platform.Api.Features.Audit;
using Platform.Api.Persistence;

namespace Platform.Api.Features.Sharing;

/// <summary>
/// The two statements that let a grantee in, on the system path because they run before any tenant path is bound: which
/// grant lets the acting tenant read a kind of the owner's data, and the owner's audit record of each grantee read.
/// </summary>
public sealed class GranteeAccessStore(SystemDb db, PlatformCalendar calendar, TimeProvider clock)
{
    sealed class GrantTermRow
    {
        public Guid Id { get; init; }
        public DateOnly ValidFrom { get; init; }
        public DateOnly? ValidUntil { get; init; }
    }

    const string UnrevokedGrantsSql = $"""
        SELECT id AS {nameof(GrantTermRow.Id)}, valid_from AS {nameof(GrantTermRow.ValidFrom)}, valid_until AS {nameof(GrantTermRow.ValidUntil)}
        FROM sharing_grants
        WHERE tenant_id = @OwnerTenantId AND grantee_tenant_id = @GranteeTenantId AND revoked_at IS NULL AND resources LIKE @Resource
        """;

    const string InsertReadSql = """
        INSERT INTO audit_events (id, tenant_id, entity_type, entity_id, action, client_id, occurred_at, changes)
        VALUES (@Id, @OwnerTenantId, @EntityType, @GrantId, @Action, @ClientId, @OccurredAt, @Changes)
        """;

    /// <summary>The grant of the owner to the grantee that shares <paramref name="resource"/> today; at most one can (no two active grants overlap).</summary>
    public async Task<Guid?> FindActiveGrantAsync(Guid ownerTenantId, Guid granteeTenantId, SharedResource resource, CancellationToken ct)
    {
        var grants = await db.RunAsync(session => session.ListAsync<GrantTermRow>(UnrevokedGrantsSql, new
        {
            OwnerTenantId = ownerTenantId,
            GranteeTenantId = granteeTenantId,
            Resource = $"% {EnumText<SharedResource>.ToText(resource)} %",
        }, ct), ct);
        var today = calendar.Today;
        return grants.FirstOrDefault(g => SharingGrantRules.StatusOn(new GrantTerm(g.ValidFrom, g.ValidUntil, Revoked: false), today) == SharingGrantStatus.Active)?.Id;
    }

    /// <summary>Writes into the owner's audit trail that the grantee's client read <paramref name="resource"/> under the grant.</summary>
    public Task RecordReadAsync(Guid ownerTenantId, Guid grantId, string granteeSlug, string clientId, string resource, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        AuditChange[] changes = [new() { Field = "grantee", New = granteeSlug }, new() { Field = "resource", New = resource }];
        return db.TransactAsync(session => session.ExecuteAsync(InsertReadSql, new
        {
            Id = Ids.New(now),
            OwnerTenantId = ownerTenantId,
            EntityType = EnumText<AuditEntityType>.ToText(AuditEntityType.SharingGrant),
            GrantId = grantId,
            Action = EnumText<AuditAction>.ToText(AuditAction.ReadByGrantee),
            ClientId = clientId,
            OccurredAt = now,
            Changes = JsonSerializer.Serialize(changes, ApiJson.Options),
        }, ct), ct);
    }
}
