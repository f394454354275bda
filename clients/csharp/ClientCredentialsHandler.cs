using System.Net;
using System.Net.Http.Headers;

namespace Plinth.Platform.Client;

/// <summary>
/// Puts a bearer token on every request. When the API answers 401 (the token was revoked or the signing key
/// rolled over), it gets a new token and sends the request once more.
/// </summary>
public sealed class ClientCredentialsHandler(ClientCredentialsTokenSource tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);

        var token = await tokens.GetTokenAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
            return response;

        response.Dispose();
        var fresh = await tokens.GetTokenAsync(staleToken: token, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fresh);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
