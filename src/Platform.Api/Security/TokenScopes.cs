using System.Collections.Concurrent;

namespace Platform.Api.Security;

/// <summary>
/// The scopes of a token's space-separated <c>scope</c> claim, split once per distinct claim value: every request's
/// scope checks (FastEndpoints' <c>Scopes(...)</c> policies and <see cref="PlatformClaims.HasScope"/>) read the same few values.
/// </summary>
public static class TokenScopes
{
    /// <summary>Claim values beyond this many are split on every call; a deployment has a few scope sets per client.</summary>
    const int MaxCached = 1024;

    static readonly ConcurrentDictionary<string, IReadOnlyList<string>> Split = new(StringComparer.Ordinal);

    public static IReadOnlyList<string> Parse(string claim)
    {
        if (Split.TryGetValue(claim, out var scopes))
            return scopes;
        scopes = claim.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (Split.Count < MaxCached)
            Split.TryAdd(claim, scopes);
        return scopes;
    }
}
