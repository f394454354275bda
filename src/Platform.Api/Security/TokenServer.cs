using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using Platform.Api.Errors;
using Platform.Api.Features.ApiClients;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Platform.Api.Security;

/// <summary>
/// The embedded OAuth 2.0 token server: client credentials only, checked against the platform's own
/// clients table. OpenIddict runs in degraded mode because it has no EF Core stores here.
/// </summary>
public static class TokenServer
{
    public const string TokenEndpoint = "/connect/token";
    const string ConfigurationEndpoint = "/.well-known/openid-configuration";
    const string JsonWebKeySetEndpoint = "/.well-known/jwks";

    static readonly PathString[] Endpoints = [TokenEndpoint, ConfigurationEndpoint, JsonWebKeySetEndpoint];

    /// <summary>Whether <paramref name="path"/> may be one of the token server's endpoints (OpenIddict decides the rest).</summary>
    public static bool MayServe(PathString path) => Array.Exists(Endpoints, endpoint => path.StartsWithSegments(endpoint, StringComparison.OrdinalIgnoreCase));

    public static IServiceCollection AddTokenServer(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(TokenServerOptions.Section).Get<TokenServerOptions>() ?? new TokenServerOptions();
        services.Configure<TokenEndpointThrottleOptions>(configuration.GetSection(TokenEndpointThrottleOptions.Section));
        services.AddSingleton<TokenEndpointThrottle>();

        services.AddOpenIddict().AddServer(options =>
        {
            options.SetIssuer(settings.Issuer);
            options.Configure(server => server.TimeProvider = TimeProvider.System);
            options.SetTokenEndpointUris(TokenEndpoint.TrimStart('/'));
            // Discovery and signing keys, so other services (or another deployment) can validate these tokens.
            options.SetConfigurationEndpointUris(ConfigurationEndpoint.TrimStart('/'));
            options.SetJsonWebKeySetEndpointUris(JsonWebKeySetEndpoint.TrimStart('/'));
            options.AllowClientCredentialsFlow();
            options.EnableDegradedMode();
            options.RegisterScopes([.. ApiScopes.Descriptions.Keys]);
            options.SetAccessTokenLifetime(settings.AccessTokenLifetime);

            // Signed, not encrypted: the API is the only audience, and decryption would double validation cost.
            options.DisableAccessTokenEncryption();
            options.AddEphemeralEncryptionKey();
            if (settings.SigningCertificatePath is { Length: > 0 } path)
                options.AddSigningCertificate(X509CertificateLoader.LoadPkcs12FromFile(path, settings.SigningCertificatePassword));
            else
                options.AddEphemeralSigningKey();

            options.UseAspNetCore()
                // TLS is terminated in front of the API in production; loopback tests and the embedded default use HTTP.
                .DisableTransportSecurityRequirement();

            options.AddEventHandler<ValidateTokenRequestContext>(b => b.UseScopedHandler<AuthenticateClient>());
            options.AddEventHandler<HandleTokenRequestContext>(b => b.UseScopedHandler<IssueClientToken>());
        });

        return services;
    }

    sealed class AuthenticateClient(ApiClientStore clients, TokenEndpointThrottle throttle) : IOpenIddictServerHandler<ValidateTokenRequestContext>
    {
        public async ValueTask HandleAsync(ValidateTokenRequestContext context)
        {
            var http = context.Transaction.GetHttpRequest()!.HttpContext;
            var address = http.Connection.RemoteIpAddress;
            if (throttle.RetryAfter(context.ClientId, address) is { } wait)
            {
                var seconds = (int)Math.Ceiling(wait.TotalSeconds);
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Problems.Create(StatusCodes.Status429TooManyRequests,
                    $"Too many failed client authentications for this client or from this address. Retry after {seconds} seconds.").ExecuteAsync(http);
                context.HandleRequest();
                return;
            }

            if (!context.Request.IsClientCredentialsGrantType())
            {
                context.Reject(OpenIddictConstants.Errors.UnsupportedGrantType, "Only the client_credentials grant is supported.");
                return;
            }

            var client = context.ClientId is { Length: > 0 } id ? await clients.FindAsync(id, context.CancellationToken) : null;
            if (client is null || client.RevokedAt is not null || context.ClientSecret is null
                || !ClientSecrets.Matches(context.ClientSecret, client.SecretHash))
            {
                throttle.Failed(context.ClientId, address);
                context.Reject(OpenIddictConstants.Errors.InvalidClient, "The client credentials are invalid.");
                return;
            }

            var requested = context.Request.GetScopes();
            var unknown = requested.Except(client.ScopeList, StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
            {
                context.Reject(OpenIddictConstants.Errors.InvalidScope, $"The client may not request: {string.Join(' ', unknown)}.");
                return;
            }

            context.Transaction.Properties[nameof(ApiClientRow)] = client;
        }
    }

    sealed class IssueClientToken(IOptions<TokenServerOptions> settings) : IOpenIddictServerHandler<HandleTokenRequestContext>
    {
        public ValueTask HandleAsync(HandleTokenRequestContext context)
        {
            var client = (ApiClientRow)context.Transaction.Properties[nameof(ApiClientRow)]!;
            var requested = context.Request.GetScopes();

            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, client.ClientId);
            identity.SetClaim(Claims.Name, client.DisplayName);
            if (client.TenantSlug is not null)
            {
                identity.SetClaim(PlatformClaims.Tenant, client.TenantSlug);
                identity.SetClaim(PlatformClaims.TenantId, client.TenantId!.Value.ToString("D"));
            }

            identity.SetScopes(requested.IsEmpty ? client.ScopeList : requested);
            identity.SetResources(settings.Value.Audience);
            identity.SetDestinations(_ => [Destinations.AccessToken]);

            context.SignIn(new ClaimsPrincipal(identity));
            return ValueTask.CompletedTask;
        }
    }
}
