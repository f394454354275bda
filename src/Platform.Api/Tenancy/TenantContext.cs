using Platform.Api.Features.Sharing;

namespace Platform.Api.Tenancy;

public sealed record TenantRef(Guid Id, string Slug);

public enum AccessMode
{
    /// <summary>The acting tenant is the owner (or the platform administrator acting for it): read and write.</summary>
    Owner,

    /// <summary>The acting tenant holds an active grant of the owner: GET only, limited to the grant's resources and filter.</summary>
    Grantee,
}

/// <summary>The grant a grantee request was admitted under, and the kind of resource the route reads.</summary>
public sealed record GrantAccess(Guid GrantId, TenantRef Grantee, SharedResource Resource);

/// <summary>
/// Who the current <c>/v1/tenants/{tenant}/…</c> request acts for, set by <see cref="TenantRouteAuthorization"/> before any
/// handler runs: the owner of the data (the path's tenant) and the mode. Handlers read the tenant from here, never from the
/// route by hand.
/// </summary>
public sealed class TenantContext
{
    TenantRef? _owner;

    /// <summary>The owner of the data the route names.</summary>
    public TenantRef Current => _owner ?? throw new InvalidOperationException("This route has no authorised tenant.");

    public Guid Id => Current.Id;

    public AccessMode Mode { get; private set; }

    /// <summary>Set in <see cref="AccessMode.Grantee"/> mode only.</summary>
    public GrantAccess? Grant { get; private set; }

    /// <summary>The tenant whose token made the request: the owner itself, or the grantee.</summary>
    public TenantRef Acting => Grant?.Grantee ?? Current;

    internal void Set(TenantRef owner)
    {
        _owner = owner;
        Mode = AccessMode.Owner;
        Grant = null;
    }

    internal void SetGrantee(TenantRef owner, GrantAccess grant)
    {
        _owner = owner;
        Mode = AccessMode.Grantee;
        Grant = grant;
    }
}
