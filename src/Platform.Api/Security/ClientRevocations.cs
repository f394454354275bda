using Microsoft.Extensions.Caching.Memory;
using Platform.Api.Features.ApiClients;

namespace Platform.Api.Security;

/// <summary>
/// Answers whether a token's client is still active. Revocation on this instance takes effect at once;
/// other instances notice within <see cref="CacheFor"/>.
/// </summary>
public sealed class ClientRevocations(ApiClientStore clients, IMemoryCache cache, ValidatedTokenCache validatedTokens)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public async Task<bool> IsActiveAsync(string clientId, CancellationToken ct)
    {
        var key = CacheKey(clientId);
        if (cache.TryGetValue(key, out bool active))
            return active;

        var client = await clients.FindAsync(clientId, ct);
        active = client is { RevokedAt: null };
        cache.Set(key, active, CacheFor);
        return active;
    }

    public void Revoked(string clientId)
    {
        cache.Set(CacheKey(clientId), false, CacheFor);
        validatedTokens.Evict(clientId);
    }

    static string CacheKey(string clientId) => $"client-active:{clientId}";
}
