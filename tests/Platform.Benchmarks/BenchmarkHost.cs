using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Platform.Api;

namespace Platform.Benchmarks;

/// <summary>The API in this process (Release) over a seeded SQLite file, with warnings-only logging and no effective rate limit.</summary>
public static class BenchmarkHost
{
    public static WebApplicationFactory<PlatformCalendar> Over(string file, string adminSecret) =>
        new WebApplicationFactory<PlatformCalendar>().WithWebHostBuilder(host =>
        {
            host.UseSolutionRelativeContentRoot("src/Platform.Api");
            host.UseEnvironment("Benchmark");
            host.UseSetting("Database:Provider", "Sqlite");
            host.UseSetting("Database:ConnectionString", $"Data Source={file}");
            host.UseSetting("Bootstrap:ClientId", "platform-admin");
            host.UseSetting("Bootstrap:ClientSecret", adminSecret);
            host.UseSetting("RateLimiting:PermitLimit", "1000000");
            host.UseSetting("Logging:LogLevel:Default", "Warning");
            host.UseSetting("Platform:TimeZone", "Europe/Amsterdam");
        });
}
