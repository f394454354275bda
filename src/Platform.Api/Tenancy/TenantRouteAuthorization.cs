using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Platform.Api.Features.Sharing;
using Platform.Api.Features.Tenants;
using Platform.Api.Security;
using Platform.Api.Validation;

namespace Platform.Api.Tenancy;

/// <summary>Put on every route with a <c>{tenant}</c> segment; a failure answers 404, never 403.</summary>
public sealed class TenantRouteRequirement : IAuthorizationRequirement
{
    public const string RouteParameter = "tenant";

    public static readonly TenantRouteRequirement Instance = new();
}

/// <summary>
/// Resolves who the request acts for. Owner: the path tenant is the token's tenant (or a platform administrator names any
/// existing tenant). Grantee: another tenant, on a GET the route marks <see cref="GranteeReadable"/>, with the route's read
/// scope and an active grant of the owner that shares the route's kind; the read is recorded in the owner's audit trail.
/// Anything else is no access, which answers 404.
/// </summary>
public sealed class TenantRouteAuthorization(TenantContext tenantContext, TenantStore tenants, GranteeAccessStore grantees)
    : AuthorizationHandler<TenantRouteRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, TenantRouteRequirement requirement)
    {
        // A path that cannot name a tenant names none; so the slug a handler writes into Location is always a valid one.
        if (context.Resource is not HttpContext http || http.GetRouteValue(TenantRouteRequirement.RouteParameter) is not string slug
            || !DutchCodes.Slug().IsMatch(slug))
            return;

        var user = context.User;
        var ownTenant = string.Equals(user.TenantSlug(), slug, StringComparison.Ordinal);
        if (ownTenant && Guid.TryParse(user.FindFirst(PlatformClaims.TenantId)?.Value, out var tenantId))
        {
            tenantContext.Set(new TenantRef(tenantId, slug));
            context.Succeed(requirement);
            return;
        }

        // Tokens of an external authority carry only the slug; administrators name any tenant.
        if ((ownTenant || user.HasScope(ApiScopes.PlatformAdmin)) && await tenants.FindBySlugAsync(slug, http.RequestAborted) is { } tenant)
        {
            tenantContext.Set(new TenantRef(tenant.Id, tenant.Slug));
            context.Succeed(requirement);
            return;
        }

        if (await GranteeAccessAsync(http, user, slug) is { } access)
        {
            tenantContext.SetGrantee(access.Owner, access.Grant);
            context.Succeed(requirement);
        }
    }

    async Task<(TenantRef Owner, GrantAccess Grant)?> GranteeAccessAsync(HttpContext http, ClaimsPrincipal user, string ownerSlug)
    {
        var ct = http.RequestAborted;
        if (!HttpMethods.IsGet(http.Request.Method) || http.GetEndpoint()?.Metadata.GetMetadata<GranteeReadable>() is not { } readable
            || !user.HasScope(readable.ReadScope) || user.TenantSlug() is not { } actingSlug
            || await ActingTenantAsync(user, actingSlug, ct) is not { } acting
            || await tenants.FindBySlugAsync(ownerSlug, ct) is not { } owner
            || await grantees.FindActiveGrantAsync(owner.Id, acting.Id, readable.Resource, ct) is not { } grantId)
            return null;

        await grantees.RecordReadAsync(owner.Id, grantId, acting.Slug, user.ClientIdOf() ?? "unknown", http.Request.Path, ct);
        return (new TenantRef(owner.Id, owner.Slug), new GrantAccess(grantId, acting, readable.Resource));
    }

    async Task<TenantRef?> ActingTenantAsync(ClaimsPrincipal user, string actingSlug, CancellationToken ct) =>
        Guid.TryParse(user.FindFirst(PlatformClaims.TenantId)?.Value, out var id) ? new TenantRef(id, actingSlug)
        : await tenants.FindBySlugAsync(actingSlug, ct) is { } tenant ? new TenantRef(tenant.Id, tenant.Slug)
        : null;
}
