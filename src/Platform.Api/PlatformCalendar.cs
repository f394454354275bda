using Microsoft.Extensions.Options;

namespace Platform.Api;

public sealed class PlatformOptions
{
    public const string Section = "Platform";

    /// <summary>The IANA time zone whose calendar date is "today" for statuses, due dates and reminder scans.</summary>
    public string TimeZone { get; set; } = "Europe/Amsterdam";
}

/// <summary>
/// "Today" for the domain: the calendar date in the platform's time zone, not the UTC date. At 23:30 UTC on
/// 30 September it is already 1 October in Amsterdam, so an evaluation due on 1 October is due then.
/// </summary>
public sealed class PlatformCalendar(TimeProvider clock, IOptions<PlatformOptions> options)
{
    readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateOnly Today => DateOn(clock.GetUtcNow(), zone);

    /// <summary>The calendar date of <paramref name="instant"/> in the platform's time zone.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOn(instant, zone);

    public static DateOnly DateOn(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
