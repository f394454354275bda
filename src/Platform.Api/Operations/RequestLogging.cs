using System.Diagnostics;
using Platform.Api.Security;

namespace Platform.Api.Operations;

/// <summary>
/// One structured line per request, and the request's trace, tenant and client in the scope of every log line the
/// request writes (beside the RequestId scope that ASP.NET Core opens).
/// </summary>
public sealed partial class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    /// <summary>
    /// The logger factory's own activity tracking (a TraceId/SpanId/ParentId scope) is off: it stores a property on
    /// every request's Activity under a lock, a third of the request line's cost when profiled (issue 14).
    /// <see cref="CallerScope"/> carries the same three values instead.
    /// </summary>
    public static void TraceInCallerScope(LoggerFactoryOptions options) => options.ActivityTrackingOptions = ActivityTrackingOptions.None;

    /// <summary>
    /// Runs first in the pipeline, around the error handler, so that the line states the status the client got (a 500 the
    /// handler made of an exception included) and a request that fails in authentication still has its line.
    /// </summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        using (logger.BeginScope(new CallerScope(Activity.Current, context)))
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

    /// <summary>
    /// The scope's values, as the log formatters enumerate them; cheaper than a dictionary per request. The trace ids are
    /// turned into text once, when first read (the framework's JSON formatter reads a scope twice: its text, then its
    /// values). Tenant and client are read from the request each time: the scope opens before authentication has run.
    /// </summary>
    sealed class CallerScope(Activity? activity, HttpContext context) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        string? _traceId, _spanId, _parentId;

        string? TraceId => activity is null ? null : _traceId ??= activity.TraceId.ToHexString();

        string? SpanId => activity is null ? null : _spanId ??= activity.SpanId.ToHexString();

        string? ParentId => activity is null ? null : _parentId ??= activity.ParentSpanId.ToHexString();

        string? Tenant => context.GetRouteValue("tenant") as string ?? context.User.TenantSlug();

        string? ClientId => context.User.ClientIdOf();

        public int Count => 5;

        public KeyValuePair<string, object?> this[int index] => index switch
        {
            0 => new("TraceId", TraceId),
            1 => new("SpanId", SpanId),
            2 => new("ParentId", ParentId),
            3 => new("Tenant", Tenant),
            4 => new("ClientId", ClientId),
            _ => throw new ArgumentOutOfRangeException(nameof(index)),
        };

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            for (var index = 0; index < Count; index++)
                yield return this[index];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"TraceId:{TraceId} SpanId:{SpanId} ParentId:{ParentId} Tenant:{Tenant} ClientId:{ClientId}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} answered {StatusCode} in {ElapsedMs:0.0} ms")]
    static partial void RequestFinished(ILogger logger, string method, string path, int statusCode, double elapsedMs);
}
