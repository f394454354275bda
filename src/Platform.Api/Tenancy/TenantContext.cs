namespace Platform.Api.Tenancy;

public sealed record TenantRef(Guid Id, string Slug);

/// <summary>
/// The tenant of the current <c>/v1/tenants/{tenant}/…</c> request, set by <see cref="TenantRouteAuthorization"/>
/// before any handler runs. Handlers read the tenant from here, never from the route by hand.
/// </summary>
public sealed class TenantContext
{
    TenantRef? _current;

    public TenantRef Current => _current ?? throw new InvalidOperationException("This route has no authorised tenant.");

    public Guid Id => Current.Id;

    internal void Set(TenantRef tenant) => _current = tenant;
}
