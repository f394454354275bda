using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Platform.Api.Security;

/// <summary>
/// Bearer tokens from the embedded token server, and optionally from one external OIDC authority.
/// Both are validated as plain signed JWTs, so the claims look the same to the rest of the API.
/// </summary>
public static class Authentication
{
    public const string Scheme = "Bearer";
    public const string EmbeddedScheme = "EmbeddedTokenServer";
    const string ExternalScheme = "ExternalAuthority";

    public static IServiceCollection AddPlatformAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var external = configuration.GetSection(ExternalAuthorityOptions.Section).Get<ExternalAuthorityOptions>() ?? new();
        var useExternal = external.Authority is { Length: > 0 };

        var authentication = services.AddAuthentication(Scheme);
        authentication.AddJwtBearer(EmbeddedScheme, options =>
        {
            // Token lifetimes run on the real clock; the domain's TimeProvider may be moved (tests, simulations).
            options.TimeProvider = TimeProvider.System;
            options.MapInboundClaims = false;
            // Nothing reads the raw token back from the authentication properties; storing it costs every request.
            options.SaveToken = false;
            options.Events = new JwtBearerEvents { OnTokenValidated = RejectRevokedClients };
        });
        services.AddSingleton<ValidatedTokenCache>();
        services.AddOptions<JwtBearerOptions>(EmbeddedScheme)
            .Configure<IOptions<OpenIddictServerOptions>, IOptions<TokenServerOptions>, ValidatedTokenCache>((options, server, settings, cache) =>
            {
                // The lifetime check and the cache read the scheme's TimeProvider when they run, so both see one clock.
                DateTimeOffset Now() => (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
                options.TokenHandlers.Clear();
                options.TokenHandlers.Add(new CachingTokenHandler(new JsonWebTokenHandler { MapInboundClaims = false }, cache, Now));
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    LifetimeValidator = (notBefore, expires, _, parameters) => LifetimeCovers(notBefore, expires, Now(), parameters.ClockSkew),
                    ValidIssuer = settings.Value.Issuer.AbsoluteUri,
                    ValidAudience = settings.Value.Audience,
                    IssuerSigningKeys = server.Value.SigningCredentials.Select(c => c.Key).ToList(),
                    NameClaimType = "name",
                    ClockSkew = TimeSpan.FromSeconds(30),
                    ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                    ValidTypes = ["at+jwt"],
                };
            });

        if (useExternal)
        {
            authentication.AddJwtBearer(ExternalScheme, options =>
            {
                options.TimeProvider = TimeProvider.System;
                options.Authority = external.Authority;
                options.Audience = external.Audience;
                options.RequireHttpsMetadata = external.RequireHttpsMetadata;
                options.MapInboundClaims = false;
                options.Events = new JwtBearerEvents { OnTokenValidated = context => MapExternalClaims(context, external) };
            });
        }

        authentication.AddScheme<AuthenticationSchemeOptions, JurorKeyAuthentication>(JurorKeyAuthentication.SchemeName, null);
        services.AddSingleton<Features.Jurors.JurorKeys>();

        // The jury's routes take juror keys and nothing else, so no token is validated there; every other route takes tokens only.
        authentication.AddPolicyScheme(Scheme, Scheme, options => options.ForwardDefaultSelector = context =>
            JurorKeyAuthentication.Serves(context.Request.Path) ? JurorKeyAuthentication.SchemeName
            : useExternal && IsFromExternalAuthority(context, external.Authority!) ? ExternalScheme : EmbeddedScheme);

        return services;
    }

    static bool LifetimeCovers(DateTime? notBefore, DateTime? expires, DateTimeOffset now, TimeSpan clockSkew) =>
        expires is { } end && now.UtcDateTime < end + clockSkew && (notBefore is not { } start || start - clockSkew <= now.UtcDateTime);

    static bool IsFromExternalAuthority(HttpContext context, string authority)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return false;
        var handler = new JsonWebTokenHandler();
        var token = header["Bearer ".Length..].Trim();
        return handler.CanReadToken(token)
            && string.Equals(handler.ReadJsonWebToken(token).Issuer.TrimEnd('/'), authority.TrimEnd('/'), StringComparison.Ordinal);
    }

    static async Task RejectRevokedClients(TokenValidatedContext context)
    {
        var clientId = context.Principal?.ClientIdOf();
        var revocations = context.HttpContext.RequestServices.GetRequiredService<ClientRevocations>();
        if (clientId is null || !await revocations.IsActiveAsync(clientId, context.HttpContext.RequestAborted))
            context.Fail("The client of this token was revoked.");
    }

    /// <summary>
    /// Rewrites an external token's claims to the names the API reads: the tenant comes only from the configured
    /// claim (a tenant_id the authority may send is dropped, so the tenant is looked up by slug), and platform
    /// scopes are never accepted from outside.
    /// </summary>
    static Task MapExternalClaims(TokenValidatedContext context, ExternalAuthorityOptions external)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity)
            return Task.CompletedTask;

        var tenant = identity.FindFirst(external.TenantClaim)?.Value;
        var scopes = identity.FindAll(c => c.Type is PlatformClaims.Scope or "scp")
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(s => !ApiScopes.PlatformOnly.Contains(s))
            .Distinct()
            .ToList();
        foreach (var claim in identity.FindAll(c => c.Type is PlatformClaims.Tenant or PlatformClaims.TenantId or PlatformClaims.Scope or "scp").ToList())
            identity.RemoveClaim(claim);

        if (tenant is not null)
            identity.AddClaim(new Claim(PlatformClaims.Tenant, tenant));
        identity.AddClaim(new Claim(PlatformClaims.Scope, string.Join(' ', scopes)));
        return Task.CompletedTask;
    }
}
