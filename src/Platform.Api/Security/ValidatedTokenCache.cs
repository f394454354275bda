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

    /// <summary>The validated token, if <paramref name="token"/> was validated and has not expired at <paramref name="now"/>.</summary>
    public bool TryGet(ReadOnlySpan<char> token, DateTimeOffset now, [NotNullWhen(true)] out ValidatedToken? validated)
    {
        if (_entries.TryGetValue(KeyOf(token), out validated) && validated is not null && now.UtcDateTime < validated.Expires)
            return true;

        validated = null;
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
        var validated = new ValidatedToken(securityToken, identity, expires);
        if (validated.ClientId is { } clientId)
            entry.AddExpirationToken(new CancellationChangeToken(EvictionOf(clientId)));
        entry.Value = validated;
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

    static string KeyOf(ReadOnlySpan<char> token)
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

}

/// <summary>A token whose signature, issuer, audience and lifetime were checked, and the identity it proves.</summary>
public sealed record ValidatedToken(SecurityToken Token, ClaimsIdentity Identity, DateTime Expires)
{
    /// <summary>The client the token was issued to.</summary>
    public string? ClientId { get; } = new ClaimsPrincipal(Identity).ClientIdOf();

    /// <summary>A principal of its own: handlers after authentication may add claims to its identity.</summary>
    public ClaimsPrincipal NewPrincipal() => new(Identity.Clone());

    /// <summary>The result <see cref="Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler"/> gave, with an identity of its own.</summary>
    public TokenValidationResult NewResult() => new()
    {
        IsValid = true,
        SecurityToken = Token,
        ClaimsIdentity = Identity.Clone(),
        Issuer = Token.Issuer,
    };
}
