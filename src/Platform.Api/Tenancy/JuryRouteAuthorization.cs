using Microsoft.AspNetCore.Authorization;
using Platform.Api.Security;

namespace Platform.Api.Tenancy;

/// <summary>Put on every route under <c>/v1/jury/</c>; a failure answers 404, never 403, as on a tenant route.</summary>
public sealed class JuryRouteRequirement : IAuthorizationRequirement
{
    public const string RouteParameter = "tenderId";

    public static readonly JuryRouteRequirement Instance = new();
}

/// <summary>
/// A juror's key opens its own tender's jury routes only (another tender answers 404). The juror then works in the landlord's
/// partition, so the request's tenant is the tender's owner and the jury's statements run on the owner path.
/// </summary>
public sealed class JuryRouteAuthorization(TenantContext tenantContext) : AuthorizationHandler<JuryRouteRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, JuryRouteRequirement requirement)
    {
        var user = context.User;
        if (context.Resource is HttpContext http
            && http.GetRouteValue(JuryRouteRequirement.RouteParameter) is string routeTender
            && string.Equals(routeTender, user.FindFirst(JurorKeyAuthentication.TenderIdClaim)?.Value, StringComparison.OrdinalIgnoreCase)
            && Guid.TryParse(user.FindFirst(JurorKeyAuthentication.OwnerIdClaim)?.Value, out var ownerId)
            && user.FindFirst(JurorKeyAuthentication.OwnerSlugClaim)?.Value is { } ownerSlug)
        {
            tenantContext.Set(new TenantRef(ownerId, ownerSlug));
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
