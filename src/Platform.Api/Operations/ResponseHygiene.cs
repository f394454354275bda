using Microsoft.Net.Http.Headers;

namespace Platform.Api.Operations;

/// <summary>
/// Headers every answer carries, errors and 401s included: <c>X-Content-Type-Options: nosniff</c>, and
/// <c>Cache-Control: no-store</c> on an answer to a request with credentials, unless the endpoint chose its own caching.
/// Set when the response starts, so nothing that clears the headers on the way (the exception handler) drops them.
/// </summary>
public sealed class ResponseHygiene(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            if (!headers.ContainsKey(HeaderNames.CacheControl)
                && (http.Request.Headers.ContainsKey(HeaderNames.Authorization) || http.User.Identity?.IsAuthenticated == true))
                headers.CacheControl = "no-store";
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
