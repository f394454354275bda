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
        using (logger.BeginScope(new CallerScope(context.GetRouteValue("tenant") as string ?? context.User.TenantSlug(), context.User.ClientIdOf())))
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

    /// <summary>The scope's two values, as the log formatters enumerate them; cheaper than a dictionary per request.</summary>
    sealed class CallerScope(string? tenant, string? clientId) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => 2;

        public KeyValuePair<string, object?> this[int index] => index switch
        {
            0 => new("Tenant", tenant),
            1 => new("ClientId", clientId),
            _ => throw new ArgumentOutOfRangeException(nameof(index)),
        };

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return this[0];
            yield return this[1];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"Tenant:{tenant} ClientId:{clientId}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} answered {StatusCode} in {ElapsedMs:0.0} ms")]
    static partial void RequestFinished(ILogger logger, string method, string path, int statusCode, double elapsedMs);
}
