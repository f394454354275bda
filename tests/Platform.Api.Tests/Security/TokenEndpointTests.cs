using System.Net.Http.Json;
using System.Text.Json;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;

namespace Platform.Api.Tests.Security;

public sealed class TokenEndpointTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task<string?> ErrorOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error").GetString();

    [Fact]
    public async Task The_bootstrap_admin_gets_a_signed_platform_admin_token()
    {
        using var response = await app.RequestTokenAsync(PlatformApp.AdminClientId, PlatformApp.AdminSecret);

        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.InRange(body.GetProperty("expires_in").GetInt32(), 60, 3600);

        var token = body.GetProperty("access_token").GetString()!;
        Assert.Equal(3, token.Split('.').Length); // a signed JWT, not an encrypted one
        var claims = Jwt.Payload(token);
        Assert.Equal(["platform:admin", "platform:operations"], claims.GetProperty("scope").GetString()!.Split(' ').Order());
        Assert.Equal("plinth-api", claims.GetProperty("aud").GetString());
        Assert.False(claims.TryGetProperty("tenant", out _));
    }

    [Fact]
    public async Task A_wrong_secret_or_unknown_client_is_an_invalid_client()
    {
        using var wrongSecret = await app.RequestTokenAsync(PlatformApp.AdminClientId, "not-the-secret");
        using var unknown = await app.RequestTokenAsync("nobody", "whatever");

        Assert.False(wrongSecret.IsSuccessStatusCode);
        Assert.Equal("invalid_client", await ErrorOf(wrongSecret));
        Assert.Equal("invalid_client", await ErrorOf(unknown));
    }

    [Fact]
    public async Task A_client_may_ask_for_fewer_scopes_but_not_for_more()
    {
        var tenant = await app.CreateTenantAsync();
        var (_, client) = await tenant.ClientAsync("plinths:read", "tenant:admin");

        var narrow = Jwt.Payload(await app.AccessTokenAsync(client.ClientId, client.ClientSecret, "plinths:read"));
        using var wider = await app.RequestTokenAsync(client.ClientId, client.ClientSecret, "plinths:read leases:write");

        Assert.Equal("plinths:read", narrow.GetProperty("scope").GetString());
        Assert.Equal("invalid_scope", await ErrorOf(wider));
    }

    [Fact]
    public async Task A_token_narrowed_to_fewer_scopes_is_refused_where_the_dropped_scope_is_needed()
    {
        var tenant = await app.CreateTenantAsync();
        var (_, client) = await tenant.ClientAsync("plinths:read", "tenant:admin");
        var narrow = app.SignIn(client.ClientId, client.ClientSecret, "plinths:read");

        await ThrowsProblemAsync(403, () => narrow.ApiClients.ListApiClientsAsync(tenant.Slug, cancellationToken: Ct));
    }

    [Fact]
    public async Task Only_the_client_credentials_grant_is_supported()
    {
        using var http = app.Anonymous();
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = "admin", ["password"] = "admin",
            ["client_id"] = PlatformApp.AdminClientId, ["client_secret"] = PlatformApp.AdminSecret,
        }), Ct);

        Assert.False(response.IsSuccessStatusCode);
        Assert.Equal("unsupported_grant_type", await ErrorOf(response));
    }

    [Fact]
    public async Task A_tampered_or_foreign_token_is_401()
    {
        var token = await app.AccessTokenAsync(PlatformApp.AdminClientId, PlatformApp.AdminSecret);
        var parts = token.Split('.');
        var tampered = $"{parts[0]}.{parts[1]}.{new string('A', parts[2].Length)}";

        using var http = app.WithToken(tampered);
        using var response = await http.GetAsync("/v1/tenants", Ct);

        await response.AssertProblemAsync(System.Net.HttpStatusCode.Unauthorized);
    }
}
