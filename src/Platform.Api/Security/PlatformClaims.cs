using System.Security.Claims;

namespace Platform.Api.Security;

/// <summary>Claim names of the access tokens this API issues and accepts.</summary>
public static class PlatformClaims
{
    public const string Tenant = "tenant";
    public const string TenantId = "tenant_id";
    public const string ClientId = "client_id";
    public const string Scope = "scope";

    public static string? TenantSlug(this ClaimsPrincipal user) => user.FindFirst(Tenant)?.Value;

    public static string? ClientIdOf(this ClaimsPrincipal user) => user.FindFirst(ClientId)?.Value ?? user.FindFirst("sub")?.Value;

    public static bool HasScope(this ClaimsPrincipal user, string scope) =>
        user.FindAll(Scope).Any(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal));
}
