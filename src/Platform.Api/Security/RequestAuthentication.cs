using Microsoft.AspNetCore.Authentication;

namespace Platform.Api.Security;

/// <summary>
/// <c>UseAuthentication()</c> without two costs every request paid (measured, issue 14): OpenIddict's request
/// handler, which resolves the endpoint from the URI and opens a transaction, runs only on the token server's own
/// paths; every other request is only authenticated by the default (bearer) scheme.
/// </summary>
public sealed class RequestAuthentication(RequestDelegate next, IAuthenticationSchemeProvider schemes)
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

    public Task InvokeAsync(HttpContext context) =>
        TokenServer.MayServe(context.Request.Path) ? _withTokenServer.Invoke(context) : _bearerOnly.Invoke(context);

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
