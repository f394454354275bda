using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Errors;

public sealed class ProblemResponseTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        using var response = await app.Admin.Http.GetAsync("/v1/nothing-here", Ct);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "urn:plinth:problem:not-found");
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem()
    {
        using var response = await app.Admin.Http.PutAsync("/v1/tenants", Json("{}"), Ct);

        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed, "urn:plinth:problem:method-not-allowed");
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_and_nothing_is_created()
    {
        using var response = await app.Admin.Http.PostAsync("/v1/tenants", Json("""{"slug":"broken-json","name":"""), Ct);

        var body = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "urn:plinth:problem:validation");
        Assert.Contains("not valid JSON", body.GetProperty("detail").GetString());
        using var lookup = await app.Admin.Http.GetAsync("/v1/tenants/broken-json", Ct);
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_problem()
    {
        using var content = new StringContent("slug=x", Encoding.UTF8, "text/plain");
        using var response = await app.Admin.Http.PostAsync("/v1/tenants", content, Ct);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "urn:plinth:problem:unsupported-media-type");
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_is_a_413_problem()
    {
        var padding = new string('x', 1024 * 1024 + 10);
        // Expect: 100-continue lets the server refuse before the body is sent, as a well-behaved client does;
        // without it the server may close the connection while the client is still writing.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/tenants") { Content = Json($$"""{"slug":"big","name":"{{padding}}"}""") };
        request.Headers.ExpectContinue = true;
        using var response = await app.Admin.Http.SendAsync(request, Ct);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "urn:plinth:problem:payload-too-large");
    }

    [Fact]
    public async Task A_body_that_does_not_declare_its_length_is_still_limited()
    {
        var payload = Encoding.UTF8.GetBytes($$"""{"slug":"big","name":"{{new string('x', 2 * 1024 * 1024)}}"}""");
        using var content = new StreamContent(new MemoryStream(payload));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/tenants") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.ExpectContinue = true;

        using var response = await app.Admin.Http.SendAsync(request, Ct);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Problems_carry_a_trace_id_and_no_internals()
    {
        using var response = await app.Admin.Http.PostAsync("/v1/tenants", Json("""{"slug": 12}"""), Ct);

        var body = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("traceId").GetString()));
        var text = body.ToString();
        Assert.DoesNotContain("System.", text);
        Assert.DoesNotContain("   at ", text);
    }
}
