using Microsoft.AspNetCore.Authorization;
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
/// The path tenant must be the token's tenant. A platform administrator may act on any existing tenant.
/// </summary>
public sealed class TenantRouteAuthorization(TenantContext tenantContext, TenantStore tenants)
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
        }
    }
}
