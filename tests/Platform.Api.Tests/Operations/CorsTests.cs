using System.Net;
using Microsoft.AspNetCore.Hosting;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Operations;

public sealed class CorsApp : PlatformApp
{
    public const string FrontEnd = "https://pitch.rochdale.example";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Cors:AllowedOrigins:0", FrontEnd);
    }
}

public sealed class CorsTests(CorsApp app) : IClassFixture<CorsApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/v1/tenants");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "authorization");
        return request;
    }

    [Fact]
    public async Task A_configured_front_end_may_call_the_api_from_a_browser()
    {
        using var http = app.Anonymous();
        using var request = Preflight(CorsApp.FrontEnd);

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(CorsApp.FrontEnd, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Any_other_origin_gets_no_cors_permission()
    {
        using var http = app.Anonymous();
        using var request = Preflight("https://evil.example");

        using var response = await http.SendAsync(request, Ct);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
