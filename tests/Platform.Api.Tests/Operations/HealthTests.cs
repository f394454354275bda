using System.Net;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Operations;

public sealed class HealthTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_healthy_without_a_token(string path)
    {
        using var http = app.Anonymous();

        using var response = await http.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_reference_page_and_the_contract_are_public()
    {
        using var http = app.Anonymous();

        using var docs = await http.GetAsync("/docs", Ct);
        using var contract = await http.GetAsync("/openapi/v1.json", Ct);

        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("text/html", docs.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, contract.StatusCode);
    }
}
