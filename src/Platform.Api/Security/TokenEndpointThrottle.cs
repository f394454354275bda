using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace Platform.Api.Security;

public sealed class TokenEndpointThrottleOptions
{
    public const string Section = "TokenServer:FailedAuthentications";

    /// <summary>Failed client authentications one client id may have per window before it is refused.</summary>
    public int PerClientId { get; set; } = 10;

    /// <summary>Failed client authentications one remote address may have per window, whatever client ids it tries.</summary>
    public int PerAddress { get; set; } = 100;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Counts failed client authentications at the token endpoint per client id and per remote address, each in a
/// fixed window that starts at its first failure. Once either is at its limit, every attempt with that id or
/// from that address is refused, with the right secret too, until the window ends: a guesser gets a handful of
/// tries a minute, and the genuine client is back after at most one window. Counted on this instance.
/// </summary>
public sealed class TokenEndpointThrottle(IOptions<TokenEndpointThrottleOptions> options, TimeProvider clock)
{
    /// <summary>Above this many tracked ids and addresses, ended windows are dropped on the next failure.</summary>
    const int TrackedBeforeCleanup = 10_000;

    readonly ConcurrentDictionary<string, FailureWindow> _windows = new(StringComparer.Ordinal);

    /// <summary>How long this client id or address must wait before it may try again; null when it may try now.</summary>
    public TimeSpan? RetryAfter(string? clientId, IPAddress? address)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var waits = new[] { Wait(ClientKey(clientId), settings.PerClientId, now), Wait(AddressKey(address), settings.PerAddress, now) };
        return waits.Max();
    }

    public void Failed(string? clientId, IPAddress? address)
    {
        var now = clock.GetUtcNow();
        if (_windows.Count > TrackedBeforeCleanup)
            ForgetEnded(now);

        foreach (var key in new[] { ClientKey(clientId), AddressKey(address) })
        {
            _windows.AddOrUpdate(key,
                _ => new FailureWindow(now + options.Value.Window, 1),
                (_, window) => window.EndsAt <= now ? new FailureWindow(now + options.Value.Window, 1) : window with { Failures = window.Failures + 1 });
        }
    }

    TimeSpan? Wait(string key, int limit, DateTimeOffset now) =>
        _windows.TryGetValue(key, out var window) && window.EndsAt > now && window.Failures >= limit ? window.EndsAt - now : null;

    void ForgetEnded(DateTimeOffset now)
    {
        foreach (var entry in _windows.Where(e => e.Value.EndsAt <= now))
            _windows.TryRemove(entry);
    }

    static string ClientKey(string? clientId) => "client:" + clientId;

    static string AddressKey(IPAddress? address) => "address:" + address;

    sealed record FailureWindow(DateTimeOffset EndsAt, int Failures);
}
