namespace Platform.Api.Operations;

/// <summary>
/// Browsers may call the API from the origins listed in <c>Cors:AllowedOrigins</c> (none by default);
/// tokens travel in the Authorization header, never in cookies.
/// </summary>
public static class CorsSetup
{
    public static IServiceCollection AddPlatformCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .AllowAnyHeader()
            .AllowAnyMethod()
            .WithExposedHeaders("Location", "ETag", RateLimiting.LimitHeader, RateLimiting.RemainingHeader, RateLimiting.ResetHeader, "Retry-After")));
        return services;
    }
}
