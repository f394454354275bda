using System.Net;
using System.Text;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Operations;

/// <summary>Headers every answer carries, whatever produced it, and no caching of what a credential was needed for.</summary>
public sealed class ResponseHygieneTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> AnonymousRequests => new()
    {
        { "GET", "/health/live" },
        { "GET", "/health/ready" },
        { "GET", "/openapi/v1.json" },
        { "GET", "/docs" },
        { "GET", "/no-such-route" },
        { "GET", "/v1/tenants" },
        { "DELETE", "/openapi/v1.json" },
        { "POST", "/connect/token" },
    };

    [Theory]
    [MemberData(nameof(AnonymousRequests))]
    public async Task Every_anonymous_answer_says_nosniff(string method, string path)
    {
        using var http = app.Anonymous();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Authenticated_answers_are_no_store_and_nosniff_whatever_their_status()
    {
        var tenant = await app.CreateTenantAsync();
        var api = await tenant.SignInAsync("plinths:read");
        using var invalid = new StringContent("{}", Encoding.UTF8, "application/json");

        using var ok = await api.Http.GetAsync($"/v1/tenants/{tenant.Slug}/plinths", Ct);
        using var notFound = await api.Http.GetAsync($"/v1/tenants/{tenant.Slug}/plinths/{Guid.NewGuid()}", Ct);
        using var forbidden = await api.Http.PostAsync($"/v1/tenants/{tenant.Slug}/plinths", invalid, Ct);
        using var badToken = await app.WithToken("not-a-token").GetAsync($"/v1/tenants/{tenant.Slug}/plinths", Ct);

        foreach (var (response, status) in new[] { (ok, HttpStatusCode.OK), (notFound, HttpStatusCode.NotFound), (forbidden, HttpStatusCode.Forbidden), (badToken, HttpStatusCode.Unauthorized) })
        {
            Assert.Equal(status, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{status}: Cache-Control {response.Headers.CacheControl}");
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        }
    }

    [Fact]
    public async Task The_reference_page_has_no_ai_agent_and_no_developer_toolbar()
    {
        using var http = app.Anonymous();

        var page = await http.GetStringAsync("/docs", Ct);

        Assert.Contains("\"showDeveloperTools\":\"never\"", page);
        Assert.Contains("\"agent\":{\"disabled\":true}", page);
        Assert.Contains("\"url\":\"openapi/v1.json\"", page);
    }
}
