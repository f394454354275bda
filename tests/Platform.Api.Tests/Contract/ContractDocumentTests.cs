using System.Net;
using System.Net.Http.Headers;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Contract;

/// <summary>/openapi/v1.json is built once and served as the same bytes, which a caller may keep and revalidate.</summary>
public sealed class ContractDocumentTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_contract_is_served_with_one_strong_etag_and_public_caching()
    {
        using var http = app.Anonymous();

        using var first = await http.GetAsync("/openapi/v1.json", Ct);
        using var second = await http.GetAsync("/openapi/v1.json", Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.Equal(etag, second.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(Ct), await second.Content.ReadAsByteArrayAsync(Ct));
        Assert.True(first.Headers.CacheControl is { Public: true, MaxAge.TotalSeconds: >= 60 }, $"Cache-Control: {first.Headers.CacheControl}");
    }

    [Fact]
    public async Task If_none_match_with_the_current_etag_answers_304_without_a_body()
    {
        using var http = app.Anonymous();
        using var first = await http.GetAsync("/openapi/v1.json", Ct);

        using var revalidation = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        revalidation.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"an-older-version\""));
        revalidation.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await http.SendAsync(revalidation, Ct);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(first.Headers.ETag, notModified.Headers.ETag);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task If_none_match_with_another_etag_answers_the_document()
    {
        using var http = app.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"an-older-version\""));

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("{", await response.Content.ReadAsStringAsync(Ct));
    }
}
