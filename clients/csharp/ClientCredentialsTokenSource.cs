using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Plinth.Platform.Client;

/// <summary>
/// Gets OAuth 2.0 client-credentials tokens and keeps the current one until shortly before it expires.
/// Safe to share: concurrent callers wait for one token request instead of each sending their own.
/// </summary>
public sealed class ClientCredentialsTokenSource(HttpClient tokenHttp, PlatformClientOptions options, TimeProvider? clock = null) : IDisposable
{
    readonly TimeProvider _clock = clock ?? TimeProvider.System;
    readonly SemaphoreSlim _gate = new(1, 1);
    string? _token;
    DateTimeOffset _renewAt;

    /// <summary>The cached token, or a new one when there is none, it is about to expire, or <paramref name="staleToken"/> was rejected.</summary>
    public async ValueTask<string> GetTokenAsync(string? staleToken = null, CancellationToken cancellationToken = default)
    {
        if (IsUsable(_token, staleToken))
            return _token!;

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (IsUsable(_token, staleToken))
                return _token!;

            var (token, lifetime) = await RequestTokenAsync(cancellationToken).ConfigureAwait(false);
            _token = token;
            _renewAt = _clock.GetUtcNow() + lifetime - options.RefreshBeforeExpiry;
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    bool IsUsable(string? token, string? staleToken) =>
        token is not null && token != staleToken && _clock.GetUtcNow() < _renewAt;

    async Task<(string Token, TimeSpan Lifetime)> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (options.Scopes.Count > 0)
            form["scope"] = string.Join(' ', options.Scopes);

        using var request = new HttpRequestMessage(HttpMethod.Post, options.ResolveTokenEndpoint()) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(
            System.Text.Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(options.ClientId)}:{Uri.EscapeDataString(options.ClientSecret)}")));

        using var response = await tokenHttp.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new HttpRequestException($"The token endpoint answered {(int)response.StatusCode}: {body}", null, response.StatusCode);
        }

        var payload = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken).ConfigureAwait(false)
            ?? throw new HttpRequestException("The token endpoint answered without a body.");
        return (payload.AccessToken, TimeSpan.FromSeconds(payload.ExpiresIn));
    }

    public void Dispose() => _gate.Dispose();

    sealed class TokenResponse
    {
        [JsonPropertyName("access_token")]
        public string AccessToken { get; init; } = "";

        [JsonPropertyName("expires_in")]
        public int ExpiresIn { get; init; }
    }
}
