namespace Platform.Api.Security;

public sealed class TokenServerOptions
{
    public const string Section = "TokenServer";

    /// <summary>Value of the <c>iss</c> claim. Set it to the public base URL when several instances share the work.</summary>
    public Uri Issuer { get; set; } = new("https://plinth-platform.local/");

    /// <summary>Value of the <c>aud</c> claim of every access token this server issues.</summary>
    public string Audience { get; set; } = "plinth-api";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// PFX file with the RSA signing certificate. Without it a key is generated at start, which suits one
    /// instance: its tokens stop validating after a restart. Several instances need the same certificate.
    /// </summary>
    public string? SigningCertificatePath { get; set; }

    public string? SigningCertificatePassword { get; set; }
}

public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    public string ClientId { get; set; } = "platform-admin";

    /// <summary>When empty on first start, a secret is generated and printed once to the console.</summary>
    public string? ClientSecret { get; set; }
}

/// <summary>An external OpenID Connect authority whose access tokens the API accepts besides its own.</summary>
public sealed class ExternalAuthorityOptions
{
    public const string Section = "Authentication:External";

    public string? Authority { get; set; }

    public string? Audience { get; set; }

    /// <summary>The claim holding the tenant slug in the external authority's tokens.</summary>
    public string TenantClaim { get; set; } = PlatformClaims.Tenant;

    public bool RequireHttpsMetadata { get; set; } = true;
}
