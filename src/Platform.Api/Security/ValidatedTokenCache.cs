using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Api.Security;

/// <summary>
/// Access tokens whose signature, issuer, audience and lifetime were checked, so a token is checked once and not on
/// every request. Keyed by the SHA-256 of the token (the token itself is never kept as a key), bounded to
/// <see cref="Capacity"/> entries, each served only until the token's <c>exp</c>. Revoking a client evicts its
/// tokens here at once; whether a client is still active is asked on every request anyway (<see cref="ClientRevocations"/>).
/// </summary>
public sealed class ValidatedTokenCache : IDisposable
{
    public const int Capacity = 10_000;

    readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = Capacity });
    readonly ConcurrentDictionary<string, CancellationTokenSource> _evictions = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    /// <summary>A fresh copy of the validation result of <paramref name="token"/>, if it was validated and has not expired at <paramref name="now"/>.</summary>
    public bool TryGet(string token, DateTimeOffset now, [NotNullWhen(true)] out TokenValidationResult? result)
    {
        if (_entries.TryGetValue(KeyOf(token), out ValidatedToken? entry) && entry is not null && now.UtcDateTime < entry.Expires)
        {
            // Each request gets its own identity: handlers after authentication may add claims to it.
            result = new TokenValidationResult
            {
                IsValid = true,
                SecurityToken = entry.Token,
                ClaimsIdentity = entry.Identity.Clone(),
                Issuer = entry.Token.Issuer,
            };
            return true;
        }

        result = null;
        return false;
    }

    /// <summary>Keeps a valid result until the token expires (on the validator's clock, <paramref name="now"/>), at most.</summary>
    public void Add(string token, TokenValidationResult result, DateTimeOffset now)
    {
        if (!result.IsValid || result.SecurityToken is not { } securityToken || result.ClaimsIdentity is not { } identity)
            return;
        var expires = securityToken.ValidTo;
        if (expires <= now.UtcDateTime)
            return;

        using var entry = _entries.CreateEntry(KeyOf(token));
        entry.Size = 1;
        entry.AbsoluteExpirationRelativeToNow = expires - now.UtcDateTime;
        if (new ClaimsPrincipal(identity).ClientIdOf() is { } clientId)
            entry.AddExpirationToken(new CancellationChangeToken(EvictionOf(clientId)));
        entry.Value = new ValidatedToken(securityToken, identity, expires);
    }

    /// <summary>Drops every cached token of the client, at once.</summary>
    public void Evict(string clientId)
    {
        if (_evictions.TryRemove(clientId, out var eviction))
        {
            eviction.Cancel();
            eviction.Dispose();
        }
    }

    public void Dispose()
    {
        _entries.Dispose();
        foreach (var eviction in _evictions.Values)
            eviction.Dispose();
    }

    CancellationToken EvictionOf(string clientId) => _evictions.GetOrAdd(clientId, _ => new CancellationTokenSource()).Token;

    static string KeyOf(string token)
    {
        var length = Encoding.UTF8.GetMaxByteCount(token.Length);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(rented.AsSpan(0, Encoding.UTF8.GetBytes(token, rented)), hash);
            return Convert.ToHexString(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    sealed record ValidatedToken(SecurityToken Token, ClaimsIdentity Identity, DateTime Expires);
}
