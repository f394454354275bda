using System.Net;
using Microsoft.AspNetCore.Hosting;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Security;

/// <summary>An instance of its own per test, so its failures lock nobody out of the shared one; 15 failures per address.</summary>
public sealed class ThrottledTokenApp : ClockedApp
{
    public const int PerAddress = 15;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("TokenServer:FailedAuthentications:PerAddress", PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class TokenEndpointThrottleTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task<ThrottledTokenApp> StartAsync()
    {
        var app = new ThrottledTokenApp();
        await app.InitializeAsync();
        return app;
    }

    static async Task AssertRefusedForAWhileAsync(HttpResponseMessage response)
    {
        await response.AssertProblemAsync(HttpStatusCode.TooManyRequests, "urn:plinth:problem:too-many-requests");
        Assert.InRange(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
    }

    [Fact]
    public async Task Ten_wrong_secrets_lock_the_client_id_out_even_with_the_right_secret_until_the_minute_has_passed()
    {
        await using var app = await StartAsync();
        var (_, staedion) = await (await app.CreateTenantAsync()).ClientAsync("plinths:read");

        for (var i = 0; i < 10; i++)
        {
            using var wrong = await app.RequestTokenAsync(PlatformApp.AdminClientId, $"guess-{i}");
            Assert.Contains(wrong.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized });
        }

        using var lockedOut = await app.RequestTokenAsync(PlatformApp.AdminClientId, PlatformApp.AdminSecret);
        using var otherClient = await app.RequestTokenAsync(staedion.ClientId, staedion.ClientSecret);
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        using var afterTheWindow = await app.RequestTokenAsync(PlatformApp.AdminClientId, PlatformApp.AdminSecret);

        await AssertRefusedForAWhileAsync(lockedOut);
        Assert.Equal(HttpStatusCode.OK, otherClient.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterTheWindow.StatusCode);
    }

    [Fact]
    public async Task Failures_from_one_address_over_many_client_ids_lock_that_address_out()
    {
        await using var app = await StartAsync();

        for (var i = 0; i < ThrottledTokenApp.PerAddress; i++)
        {
            using var unknown = await app.RequestTokenAsync($"nobody-{i}", "whatever");
            Assert.Contains(unknown.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized });
        }

        using var lockedOut = await app.RequestTokenAsync(PlatformApp.AdminClientId, PlatformApp.AdminSecret);
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        using var afterTheWindow = await app.RequestTokenAsync(PlatformApp.AdminClientId, PlatformApp.AdminSecret);

        await AssertRefusedForAWhileAsync(lockedOut);
        Assert.Equal(HttpStatusCode.OK, afterTheWindow.StatusCode);
    }
}
