using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.Features.Authentication;
using Microsoft.Extensions.Options;

namespace Platform.Api.Security;

/// <summary>
/// <c>UseAuthentication()</c> without the costs every request paid (measured, issue 14): OpenIddict's request
/// handler, which resolves the endpoint from the URI and opens a transaction, runs only on the token server's own
/// paths; every other request is only authenticated by the default (bearer) scheme. A bearer token that
/// <see cref="ValidatedTokenCache"/> holds is not handed to JwtBearer again (a handler per request, a copy of the
/// validation parameters, its events): only its client is checked to be still active, as JwtBearer's
/// <c>OnTokenValidated</c> does. Any other token, or one of a revoked client, goes through JwtBearer.
/// </summary>
public sealed class RequestAuthentication(
    RequestDelegate next, IAuthenticationSchemeProvider schemes, ValidatedTokenCache tokens, ClientRevocations revocations,
    IOptionsMonitor<JwtBearerOptions> bearer)
{
    // The key UseAuthentication() sets; without it the host adds its own authentication in front of the whole pipeline.
    const string AuthenticationMiddlewareSet = "__AuthenticationMiddlewareSet";

    public static void Use(IApplicationBuilder app)
    {
        app.Properties[AuthenticationMiddlewareSet] = true;
        app.UseMiddleware<RequestAuthentication>();
    }

    readonly AuthenticationMiddleware _withTokenServer = new(next, schemes);
    readonly AuthenticationMiddleware _bearerOnly = new(next, new WithoutRequestHandlers(schemes));

    // The clock the embedded scheme checks lifetimes on (tests move it), so a cached token expires when JwtBearer says so.
    readonly TimeProvider _tokenClock = bearer.Get(Authentication.EmbeddedScheme).TimeProvider ?? TimeProvider.System;

    public async Task InvokeAsync(HttpContext context)
    {
        if (TokenServer.MayServe(context.Request.Path))
            await _withTokenServer.Invoke(context);
        // The jury's routes take juror keys only (the default scheme forwards them to JurorKeyAuthentication), never a token.
        else if (!JurorKeyAuthentication.Serves(context.Request.Path) && await CachedPrincipalAsync(context) is { } principal)
        {
            SignIn(context, principal);
            await next(context);
        }
        else
            await _bearerOnly.Invoke(context);
    }

    async ValueTask<ClaimsPrincipal?> CachedPrincipalAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization;
        if (header.Count != 1 || header[0] is not { } value || !value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            || !tokens.TryGet(value.AsSpan("Bearer ".Length).Trim(), _tokenClock.GetUtcNow(), out var validated)
            || validated.ClientId is not { } clientId || !await revocations.IsActiveAsync(clientId, context.RequestAborted))
            return null;
        return validated.NewPrincipal();
    }

    /// <summary>What <see cref="AuthenticationMiddleware"/> sets for a successful authentication.</summary>
    static void SignIn(HttpContext context, ClaimsPrincipal principal)
    {
        context.Features.Set<IAuthenticationFeature>(new AuthenticationFeature { OriginalPath = context.Request.Path, OriginalPathBase = context.Request.PathBase });
        var authenticated = new Authenticated(AuthenticateResult.Success(new AuthenticationTicket(principal, Authentication.EmbeddedScheme)));
        context.Features.Set<IHttpAuthenticationFeature>(authenticated);
        context.Features.Set<IAuthenticateResultFeature>(authenticated);
    }

    /// <summary>The result and its user, kept in step as ASP.NET Core's own authentication features keep them.</summary>
    sealed class Authenticated(AuthenticateResult result) : IAuthenticateResultFeature, IHttpAuthenticationFeature
    {
        public AuthenticateResult? AuthenticateResult { get; set; } = result;

        public ClaimsPrincipal? User
        {
            get => AuthenticateResult?.Principal;
            set => AuthenticateResult = value is null ? null : AuthenticateResult.Success(new AuthenticationTicket(value, Authentication.EmbeddedScheme));
        }
    }

    /// <summary>The host's schemes, none of which may answer a request by itself.</summary>
    sealed class WithoutRequestHandlers(IAuthenticationSchemeProvider schemes) : IAuthenticationSchemeProvider
    {
        public Task<IEnumerable<AuthenticationScheme>> GetRequestHandlerSchemesAsync() => Task.FromResult(Enumerable.Empty<AuthenticationScheme>());

        public Task<IEnumerable<AuthenticationScheme>> GetAllSchemesAsync() => schemes.GetAllSchemesAsync();
        public Task<AuthenticationScheme?> GetSchemeAsync(string name) => schemes.GetSchemeAsync(name);
        public Task<AuthenticationScheme?> GetDefaultAuthenticateSchemeAsync() => schemes.GetDefaultAuthenticateSchemeAsync();
        public Task<AuthenticationScheme?> GetDefaultChallengeSchemeAsync() => schemes.GetDefaultChallengeSchemeAsync();
        public Task<AuthenticationScheme?> GetDefaultForbidSchemeAsync() => schemes.GetDefaultForbidSchemeAsync();
        public Task<AuthenticationScheme?> GetDefaultSignInSchemeAsync() => schemes.GetDefaultSignInSchemeAsync();
        public Task<AuthenticationScheme?> GetDefaultSignOutSchemeAsync() => schemes.GetDefaultSignOutSchemeAsync();
        public void AddScheme(AuthenticationScheme scheme) => schemes.AddScheme(scheme);
        public void RemoveScheme(string name) => schemes.RemoveScheme(name);
    }
}
