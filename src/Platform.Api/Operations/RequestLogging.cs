using System.Diagnostics;
using Platform.Api.Security;

namespace Platform.Api.Operations;

/// <summary>
/// One structured line per request, and the caller's tenant and client in the scope of every log line the
/// request writes (beside the RequestId and TraceId scope that ASP.NET Core opens).
/// </summary>
public sealed partial class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        using (logger.BeginScope(new Dictionary<string, object?>
               {
                   ["Tenant"] = context.GetRouteValue("tenant") as string ?? context.User.TenantSlug(),
                   ["ClientId"] = context.User.ClientIdOf(),
               }))
        {
            try
            {
                await next(context);
            }
            finally
            {
                RequestFinished(logger, context.Request.Method, context.Request.Path, context.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} answered {StatusCode} in {ElapsedMs:0.0} ms")]
    static partial void RequestFinished(ILogger logger, string method, string path, int statusCode, double elapsedMs);
}
