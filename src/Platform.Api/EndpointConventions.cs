using FastEndpoints;
using Platform.Api.Tenancy;

namespace Platform.Api;

/// <summary>What every endpoint gets without asking, applied once to each endpoint definition at start.</summary>
public static class EndpointConventions
{
    public static void Apply(EndpointDefinition endpoint)
    {
        if (endpoint.Routes.Any(r => r.Contains("{" + TenantRouteRequirement.RouteParameter + "}", StringComparison.Ordinal)))
            endpoint.Policy(p => p.AddRequirements(TenantRouteRequirement.Instance));
        if (endpoint.Routes.Any(r => ("/" + r.TrimStart('/')).StartsWith(Security.JurorKeyAuthentication.RoutePrefix, StringComparison.Ordinal)))
            endpoint.Policy(p => p.AddRequirements(JuryRouteRequirement.Instance));

        if (endpoint.Verbs.All(v => v is "GET" or "DELETE"))
            endpoint.Description(b => b.ClearDefaultAccepts());
    }
}
