using System.Net;
using Microsoft.AspNetCore.Hosting;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Operations;

/// <summary>An instance of the API with a limit of five requests per minute per client.</summary>
public sealed class RateLimitedApp : PlatformApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimiting:PermitLimit", "5");
    }
}

public sealed class RateLimitingTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_client_over_its_limit_gets_429_with_retry_after_and_others_are_unaffected()
    {
        var token = await app.AccessTokenAsync(PlatformApp.AdminClientId, PlatformApp.AdminSecret);
        using var http = app.WithToken(token);

        var remaining = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            using var ok = await http.GetAsync("/v1/tenants", Ct);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal("5", ok.Headers.GetValues("RateLimit-Limit").Single());
            remaining.Add(ok.Headers.GetValues("RateLimit-Remaining").Single());
            Assert.InRange(int.Parse(ok.Headers.GetValues("RateLimit-Reset").Single(), System.Globalization.CultureInfo.InvariantCulture), 0, 60);
        }

        using var limited = await http.GetAsync("/v1/tenants", Ct);

        Assert.Equal(["4", "3", "2", "1", "0"], remaining);
        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests, "urn:plinth:problem:too-many-requests");
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 0, 60);

        using var health = await app.Anonymous().GetAsync("/health/live", Ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task A_clock_set_back_starts_a_new_window_instead_of_announcing_one_months_away()
    {
        await using var clocked = new ClockedApp();
        await clocked.InitializeAsync();
        using var http = clocked.Anonymous();
        clocked.MoveTo(new DateOnly(2026, 10, 1));
        (await http.GetAsync("/v1/tenants", Ct)).Dispose();

        clocked.MoveTo(new DateOnly(2026, 1, 1));
        using var afterwards = await http.GetAsync("/v1/tenants", Ct);

        var limit = int.Parse(afterwards.Headers.GetValues("RateLimit-Limit").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((limit - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), afterwards.Headers.GetValues("RateLimit-Remaining").Single());
        Assert.InRange(int.Parse(afterwards.Headers.GetValues("RateLimit-Reset").Single(), System.Globalization.CultureInfo.InvariantCulture), 0, 60);
    }
}
