using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Plinth.Platform.Client;

namespace Platform.Api.Tests.Client;

/// <summary>The token handler partners get with the C# client, against stub token and API endpoints.</summary>
public sealed class ClientCredentialsHandlerTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));
    readonly TokenEndpointStub _tokenEndpoint = new();

    HttpClient ClientFor(ApiStub api, Action<PlatformClientOptions>? configure = null)
    {
        var options = new PlatformClientOptions { BaseAddress = new Uri("https://api.test/"), ClientId = "staedion-erp", ClientSecret = "s3cret/+=" };
        configure?.Invoke(options);
        var tokens = new ClientCredentialsTokenSource(new HttpClient(_tokenEndpoint), options, _clock);
        return new HttpClient(new ClientCredentialsHandler(tokens) { InnerHandler = api }) { BaseAddress = options.BaseAddress };
    }

    [Fact]
    public async Task One_token_serves_many_requests()
    {
        var api = new ApiStub(_ => HttpStatusCode.OK);
        using var http = ClientFor(api);

        for (var i = 0; i < 5; i++)
            (await http.GetAsync("v1/tenants/staedion", Ct)).EnsureSuccessStatusCode();

        Assert.Equal(1, _tokenEndpoint.Requests);
        Assert.All(api.Tokens, t => Assert.Equal("token-1", t));
    }

    [Fact]
    public async Task The_token_is_renewed_shortly_before_it_expires()
    {
        _tokenEndpoint.ExpiresInSeconds = 3600;
        var api = new ApiStub(_ => HttpStatusCode.OK);
        using var http = ClientFor(api, o => o.RefreshBeforeExpiry = TimeSpan.FromSeconds(60));

        await http.GetAsync("v1/a", Ct);
        _clock.Advance(TimeSpan.FromSeconds(3539));
        await http.GetAsync("v1/b", Ct);
        _clock.Advance(TimeSpan.FromSeconds(2));
        await http.GetAsync("v1/c", Ct);

        Assert.Equal(["token-1", "token-1", "token-2"], api.Tokens);
        Assert.Equal(2, _tokenEndpoint.Requests);
    }

    [Fact]
    public async Task A_401_gets_a_new_token_and_one_retry_with_the_same_body()
    {
        var api = new ApiStub(r => r.Headers.Authorization?.Parameter == "token-1" ? HttpStatusCode.Unauthorized : HttpStatusCode.Created);
        using var http = ClientFor(api);

        using var response = await http.PostAsync("v1/tenants", new StringContent("""{"slug":"staedion"}""", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["token-1", "token-2"], api.Tokens);
        Assert.Equal(["""{"slug":"staedion"}""", """{"slug":"staedion"}"""], api.Bodies);
    }

    [Fact]
    public async Task A_second_401_is_returned_to_the_caller_without_more_retries()
    {
        var api = new ApiStub(_ => HttpStatusCode.Unauthorized);
        using var http = ClientFor(api);

        using var response = await http.GetAsync("v1/tenants", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(2, api.Tokens.Count);
        Assert.Equal(2, _tokenEndpoint.Requests);
    }

    [Fact]
    public async Task Concurrent_requests_share_one_token_request()
    {
        var api = new ApiStub(_ => HttpStatusCode.OK);
        using var http = ClientFor(api);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => http.GetAsync($"v1/{i}", Ct)));

        Assert.Equal(1, _tokenEndpoint.Requests);
    }

    [Fact]
    public async Task Credentials_go_in_a_basic_header_and_scopes_in_the_form()
    {
        using var http = ClientFor(new ApiStub(_ => HttpStatusCode.OK), o => o.Scopes = ["plinths:read", "leases:read"]);

        await http.GetAsync("v1/x", Ct);

        var basic = Encoding.UTF8.GetString(Convert.FromBase64String(_tokenEndpoint.LastAuthorization!.Parameter!));
        Assert.Equal("Basic", _tokenEndpoint.LastAuthorization.Scheme);
        Assert.Equal($"staedion-erp:{Uri.EscapeDataString("s3cret/+=")}", basic);
        Assert.Contains("grant_type=client_credentials", _tokenEndpoint.LastForm);
        Assert.Contains("scope=plinths%3Aread+leases%3Aread", _tokenEndpoint.LastForm);
        Assert.Equal(new Uri("https://api.test/connect/token"), _tokenEndpoint.LastUri);
    }

    [Fact]
    public async Task A_refused_token_request_surfaces_as_an_error()
    {
        _tokenEndpoint.Status = HttpStatusCode.BadRequest;
        using var http = ClientFor(new ApiStub(_ => HttpStatusCode.OK));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("v1/x", Ct));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    sealed class TokenEndpointStub : HttpMessageHandler
    {
        int _requests;

        public int Requests => _requests;
        public int ExpiresInSeconds { get; set; } = 3600;
        public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;
        public System.Net.Http.Headers.AuthenticationHeaderValue? LastAuthorization { get; private set; }
        public string LastForm { get; private set; } = "";
        public Uri? LastUri { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(10, cancellationToken); // long enough for concurrent callers to pile up
            var number = Interlocked.Increment(ref _requests);
            LastAuthorization = request.Headers.Authorization;
            LastForm = await request.Content!.ReadAsStringAsync(cancellationToken);
            LastUri = request.RequestUri;
            if (Status != HttpStatusCode.OK)
                return new HttpResponseMessage(Status) { Content = new StringContent("""{"error":"invalid_client"}""") };
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent($$"""{"access_token":"token-{{number}}","token_type":"Bearer","expires_in":{{ExpiresInSeconds}}}""", Encoding.UTF8, "application/json"),
            };
        }
    }

    sealed class ApiStub(Func<HttpRequestMessage, HttpStatusCode> respond) : HttpMessageHandler
    {
        public List<string?> Tokens { get; } = [];
        public List<string> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Tokens)
                Tokens.Add(request.Headers.Authorization?.Parameter);
            if (request.Content is not null)
                Bodies.Add(await request.Content.ReadAsStringAsync(cancellationToken));
            return new HttpResponseMessage(respond(request));
        }
    }
}
