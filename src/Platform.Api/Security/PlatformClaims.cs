using System.Security.Claims;

namespace Platform.Api.Security;

/// <summary>Claim names of the access tokens this API issues and accepts.</summary>
public static class PlatformClaims
{
    public const string Tenant = "tenant";
    public const string TenantId = "tenant_id";
    public const string ClientId = "client_id";
    public const string Scope = "scope";

    public static string? TenantSlug(this ClaimsPrincipal user) => ValueOf(user, Tenant);

    public static string? ClientIdOf(this ClaimsPrincipal user) => ValueOf(user, ClientId) ?? ValueOf(user, "sub");

    // Several middlewares ask on every request; FindFirst(string) allocates a predicate per call.
    static string? ValueOf(ClaimsPrincipal user, string type)
    {
        foreach (var identity in user.Identities)
        {
            foreach (var claim in identity.Claims)
            {
                if (string.Equals(claim.Type, type, StringComparison.OrdinalIgnoreCase))
                    return claim.Value;
            }
        }

        return null;
    }

    public static bool HasScope(this ClaimsPrincipal user, string scope) =>
        user.FindAll(Scope).Any(c => TokenScopes.Parse(c.Value).Contains(scope, StringComparer.Ordinal));
}
