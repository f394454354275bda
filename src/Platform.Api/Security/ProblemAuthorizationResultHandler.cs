using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Platform.Api.Errors;
using Platform.Api.Tenancy;

namespace Platform.Api.Security;

/// <summary>
/// A route of another tenant (or a jury route of another tender) answers exactly as a route that does not exist: 404, whatever else failed.
/// Missing tokens (401) and missing scopes (403) keep the default behaviour, and the status code pages
/// turn their empty bodies into problem+json.
/// </summary>
public sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailedRequirements.Any(r => r is TenantRouteRequirement or JuryRouteRequirement) == true)
        {
            await Problems.NotFound().ExecuteAsync(context);
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
