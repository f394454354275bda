using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Platform.Api.Operations;

public static class HealthEndpoints
{
    const string ReadyTag = "ready";
    static readonly PathString Prefix = "/health";

    public static IServiceCollection AddPlatformHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        return services;
    }

    /// <summary>
    /// <c>/health/live</c>: the process answers. <c>/health/ready</c>: and its database does too.
    /// A branch of its own, before authentication: a probe is logged, but needs no token, rate limit, route or
    /// endpoint, and a probe that paid for them measured at a third of a bare endpoint (issue 14).
    /// </summary>
    public static WebApplication UsePlatformHealthChecks(this WebApplication app)
    {
        app.MapWhen(context => context.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase), health =>
        {
            health.UseHealthChecks(Prefix.Add("/live"), new HealthCheckOptions { Predicate = _ => false });
            health.UseHealthChecks(Prefix.Add("/ready"), new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) });
        });
        return app;
    }
}
