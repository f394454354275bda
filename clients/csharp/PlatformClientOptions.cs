namespace Plinth.Platform.Client;

/// <summary>Where the API is and how this client signs in to it.</summary>
public sealed class PlatformClientOptions
{
    /// <summary>The API's base address, e.g. <c>https://api.plinth-platform.nl/</c>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The token endpoint; relative to <see cref="BaseAddress"/> unless absolute.</summary>
    public Uri TokenEndpoint { get; set; } = new("connect/token", UriKind.Relative);

    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>Scopes to request; empty asks for every scope the client holds.</summary>
    public IList<string> Scopes { get; set; } = [];

    /// <summary>A cached token is replaced this long before it expires, so no request leaves with a token about to lapse.</summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromSeconds(60);

    internal Uri ResolveTokenEndpoint() =>
        TokenEndpoint.IsAbsoluteUri ? TokenEndpoint
        : new Uri(BaseAddress ?? throw new InvalidOperationException("Set BaseAddress or an absolute TokenEndpoint."), TokenEndpoint);
}
