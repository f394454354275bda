using Platform.Api.Features.Sharing;
using Platform.Api.Persistence;

namespace Platform.Api.Tenancy;

/// <summary>
/// The grantee path: SELECT only, bound to the owner and to the grant the request was admitted under. Every statement reads
/// the owner's rows through the grant view (<see cref="GrantedPlinths"/>), so what a grantee sees is decided in SQL: the
/// grant's resource kind, its filter, its term and its revocation. It offers no way to write.
/// </summary>
public sealed class GranteeDb(SystemDb db, TenantContext tenant, PlatformCalendar calendar)
{
    /// <summary>Follows a plinth id column: the owner's plinths that the request's grant shares today for the route's kind.</summary>
    public const string GrantedPlinths = $"""
        IN (SELECT gp.plinth_id FROM {SessionBinding.GrantView} gp
            WHERE gp.tenant_id = @TenantId AND gp.grant_id = @GrantId AND gp.grantee_tenant_id = @GranteeTenantId
              AND gp.resources LIKE @GrantedResource AND gp.valid_from <= @GrantDay
              AND (gp.valid_until IS NULL OR gp.valid_until >= @GrantDay))
        """;

    /// <summary>Whether the request reads as a grantee; the stores then take this path for their reads.</summary>
    public bool Admitted => tenant.Mode == AccessMode.Grantee;

    public Task<IReadOnlyList<T>> ListAsync<T>(string sql, object? param, CancellationToken ct) =>
        db.RunAsync(session => session.ListAsync<T>(sql, param, ct), Binding, transactional: false, ct);

    public Task<T?> FindAsync<T>(string sql, object? param, CancellationToken ct) =>
        db.RunAsync(session => session.QuerySingleOrDefaultAsync<T>(sql, param, ct), Binding, transactional: false, ct);

    SessionBinding Binding => tenant.Grant is { } grant
        ? new SessionBinding(tenant.Id, new GrantBinding(grant.GrantId, grant.Grantee.Id, EnumText<SharedResource>.ToText(grant.Resource), calendar.Today))
        : throw new InvalidOperationException("The grantee path is open to a grantee request only.");
}
