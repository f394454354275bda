using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;
using Platform.Api.Errors;
using Platform.Api.Security;

namespace Platform.Api.Operations;

public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Requests one API client (or, without a token, one IP address) may make per window.</summary>
    public int PermitLimit { get; set; } = 1200;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Endpoint metadata: counted per remote address even with a token (a public read anyone may make).</summary>
public sealed class RateLimitedPerAddress
{
    public static readonly RateLimitedPerAddress Instance = new();
}

/// <summary>
/// A fixed window per client, counted on this instance. Every answer carries <c>RateLimit-Limit</c>,
/// <c>RateLimit-Remaining</c> and <c>RateLimit-Reset</c>; over the limit the answer is 429 with <c>Retry-After</c>.
/// </summary>
public sealed class RateLimiting(RequestDelegate next, IOptions<RateLimitingOptions> options, TimeProvider clock)
{
    public const string LimitHeader = "RateLimit-Limit";
    public const string RemainingHeader = "RateLimit-Remaining";
    public const string ResetHeader = "RateLimit-Reset";

    readonly ConcurrentDictionary<string, Window> _windows = new();
    long _nextSweep;

    public async Task InvokeAsync(HttpContext context)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        SweepExpired(now);

        var key = context.User.ClientIdOf() is { } clientId && context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedPerAddress>() is null
            ? "client:" + clientId
            : "ip:" + context.Connection.RemoteIpAddress;
        var window = _windows.AddOrUpdate(key,
            _ => new Window(now, 1),
            (_, current) => Expired(current, now, settings.Window) ? new Window(now, 1) : current with { Count = current.Count + 1 });

        var reset = Math.Max(0, (int)Math.Ceiling((window.Start + settings.Window - now).TotalSeconds));
        var headers = context.Response.Headers;
        headers[LimitHeader] = settings.PermitLimit.ToString(CultureInfo.InvariantCulture);
        headers[RemainingHeader] = Math.Max(0, settings.PermitLimit - window.Count).ToString(CultureInfo.InvariantCulture);
        headers[ResetHeader] = reset.ToString(CultureInfo.InvariantCulture);

        if (window.Count > settings.PermitLimit)
        {
            headers.RetryAfter = reset.ToString(CultureInfo.InvariantCulture);
            await Problems.Create(StatusCodes.Status429TooManyRequests,
                $"More than {settings.PermitLimit} requests in {settings.Window.TotalSeconds:0} seconds. Retry after {reset} seconds.").ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    void SweepExpired(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextSweep);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweep, (now + options.Value.Window).UtcTicks, due) != due)
            return;
        foreach (var (key, window) in _windows)
        {
            if (Expired(window, now, options.Value.Window))
                _windows.TryRemove(new KeyValuePair<string, Window>(key, window));
        }
    }

    /// <summary>A window that starts after now (the clock was set back) is over too; otherwise it would hold for as long as the clock jumped.</summary>
    static bool Expired(Window window, DateTimeOffset now, TimeSpan length) => now - window.Start >= length || now < window.Start;

    sealed record Window(DateTimeOffset Start, int Count);
}
