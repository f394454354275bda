using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.Api.Security;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Security;

public sealed class ValidatedTokenCacheTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    ValidatedTokenCache Cache => app.Services.GetRequiredService<ValidatedTokenCache>();

    [Fact]
    public async Task A_revoked_clients_cached_token_is_evicted_and_refused_at_once()
    {
        var tenant = await app.CreateTenantAsync();
        var (_, client) = await tenant.ClientAsync("plinths:read");
        var token = await app.AccessTokenAsync(client.ClientId, client.ClientSecret);
        using var http = app.WithToken(token);
        using (var first = await http.GetAsync($"/v1/tenants/{tenant.Slug}", Ct))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(Cache.TryGet(token, DateTimeOffset.UtcNow, out _));

        await app.Admin.ApiClients.RevokeApiClientAsync(tenant.Slug, client.ClientId, Ct);

        Assert.False(Cache.TryGet(token, DateTimeOffset.UtcNow, out _));
        using var afterRevocation = await http.GetAsync($"/v1/tenants/{tenant.Slug}", Ct);
        await afterRevocation.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_still_cached_after_its_client_was_revoked_is_refused()
    {
        var tenant = await app.CreateTenantAsync();
        var (_, client) = await tenant.ClientAsync("plinths:read");
        var token = await app.AccessTokenAsync(client.ClientId, client.ClientSecret);
        await app.Admin.ApiClients.RevokeApiClientAsync(tenant.Slug, client.ClientId, Ct);

        // As a validation that was under way while the client was revoked would put it back.
        Cache.Add(token, Validated(token), DateTimeOffset.UtcNow);
        Assert.True(Cache.TryGet(token, DateTimeOffset.UtcNow, out _));

        using var http = app.WithToken(token);
        using var response = await http.GetAsync($"/v1/tenants/{tenant.Slug}", Ct);
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_cached_token_is_not_handed_to_the_bearer_handler_again()
    {
        await using var counting = new BearerCountingApp();
        await counting.InitializeAsync();
        var tenant = await counting.CreateTenantAsync();
        var (_, client) = await tenant.ClientAsync("plinths:read");
        var token = await counting.AccessTokenAsync(client.ClientId, client.ClientSecret);
        using var http = counting.WithToken(token);
        using (var first = await http.GetAsync($"/v1/tenants/{tenant.Slug}", Ct))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var handled = counting.TokensHandled;

        for (var i = 0; i < 3; i++)
        {
            using var again = await http.GetAsync($"/v1/tenants/{tenant.Slug}", Ct);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        Assert.True(handled > 0);
        Assert.Equal(handled, counting.TokensHandled);
    }

    [Fact]
    public async Task A_token_with_a_changed_signature_or_payload_is_never_a_cache_hit()
    {
        var staedion = await app.CreateTenantAsync();
        var rochdale = await app.CreateTenantAsync();
        var (_, client) = await staedion.ClientAsync("plinths:read");
        var token = await app.AccessTokenAsync(client.ClientId, client.ClientSecret);
        using (var http = app.WithToken(token))
        using (var valid = await http.GetAsync($"/v1/tenants/{staedion.Slug}", Ct))
            Assert.Equal(HttpStatusCode.OK, valid.StatusCode);

        var parts = token.Split('.');
        var signature = parts[2].ToCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';
        var payload = JsonNode.Parse(WebEncoders.Base64UrlDecode(parts[1]))!;
        payload["tenant"] = rochdale.Slug;
        payload["tenant_id"] = rochdale.Tenant.Id.ToString();
        string[] tampered =
        [
            $"{parts[0]}.{parts[1]}.{new string(signature)}",
            $"{parts[0]}.{WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}",
        ];

        foreach (var (forged, path) in tampered.Zip([staedion.Slug, rochdale.Slug]))
        {
            using var http = app.WithToken(forged);
            using var response = await http.GetAsync($"/v1/tenants/{path}", Ct);
            await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
            Assert.False(Cache.TryGet(forged, DateTimeOffset.UtcNow, out _));
        }
    }

    [Fact]
    public async Task An_expired_token_is_not_served_from_the_cache()
    {
        await using var clocked = new TokenClockedApp();
        await clocked.InitializeAsync();
        var tenant = await clocked.CreateTenantAsync();
        var (_, client) = await tenant.ClientAsync("plinths:read");
        var token = await clocked.AccessTokenAsync(client.ClientId, client.ClientSecret);
        using var http = clocked.WithToken(token);
        using (var fresh = await http.GetAsync($"/v1/tenants/{tenant.Slug}", Ct))
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        var cache = clocked.Services.GetRequiredService<ValidatedTokenCache>();
        Assert.True(cache.TryGet(token, clocked.TokenClock.GetUtcNow(), out _));

        var expires = DateTimeOffset.FromUnixTimeSeconds(Jwt.Payload(token).GetProperty("exp").GetInt64());
        clocked.TokenClock.SetUtcNow(expires + TimeSpan.FromMinutes(1));

        Assert.False(cache.TryGet(token, clocked.TokenClock.GetUtcNow(), out _));
        using var expired = await http.GetAsync($"/v1/tenants/{tenant.Slug}", Ct);
        await expired.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public void The_cache_holds_at_most_its_capacity()
    {
        using var cache = new ValidatedTokenCache();
        var now = DateTimeOffset.UtcNow;

        for (var i = 0; i < ValidatedTokenCache.Capacity + 500; i++)
            cache.Add(UnsignedToken(i, now.AddHours(1)), Validated(UnsignedToken(i, now.AddHours(1))), now);

        Assert.InRange(cache.Count, ValidatedTokenCache.Capacity / 2, ValidatedTokenCache.Capacity);
    }

    [Fact]
    public void An_entry_is_served_until_the_token_expires_and_not_after()
    {
        using var cache = new ValidatedTokenCache();
        var now = DateTimeOffset.UtcNow;
        var token = UnsignedToken(1, now.AddMinutes(5));

        cache.Add(token, Validated(token), now);

        Assert.True(cache.TryGet(token, now.AddMinutes(4), out var hit));
        Assert.Equal("client-1", hit.Identity.FindFirst(PlatformClaims.ClientId)?.Value);
        Assert.False(cache.TryGet(token, now.AddMinutes(5), out _));
    }

    static string UnsignedToken(int client, DateTimeOffset expires)
    {
        static string Segment(object value) => WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(value));
        return $"{Segment(new { alg = "none", typ = "at+jwt" })}.{Segment(new { client_id = $"client-{client}", exp = expires.ToUnixTimeSeconds() })}.";
    }

    static TokenValidationResult Validated(string token)
    {
        var jwt = new JsonWebToken(token);
        return new TokenValidationResult
        {
            IsValid = true,
            SecurityToken = jwt,
            ClaimsIdentity = new System.Security.Claims.ClaimsIdentity(jwt.Claims, "test"),
        };
    }
}
