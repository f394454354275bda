using Microsoft.Extensions.Options;

namespace Platform.Api;

public sealed class PlatformOptions
{
    public const string Section = "Platform";

    /// <summary>The IANA time zone whose calendar date is "today" for every business rule.</summary>
    public string TimeZone { get; set; } = "Europe/Amsterdam";
}

/// <summary>"Today" for business rules: the date on the <see cref="TimeProvider"/>'s clock in <c>Platform:TimeZone</c>.</summary>
public sealed class PlatformCalendar(TimeProvider clock, IOptions<PlatformOptions> options)
{
    readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), _zone).DateTime);
}
