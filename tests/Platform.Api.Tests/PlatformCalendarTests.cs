using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Platform.Api.Tests;

/// <summary>"Today" is the date in Amsterdam: a Dutch day begins at 22:00 UTC in summer and at 23:00 UTC in winter.</summary>
public sealed class PlatformCalendarTests
{
    [Theory]
    [InlineData("2026-09-30T21:59:59Z", "2026-09-30")]
    [InlineData("2026-09-30T22:00:00Z", "2026-10-01")] // CEST, UTC+2
    [InlineData("2026-12-31T22:59:59Z", "2026-12-31")]
    [InlineData("2026-12-31T23:00:00Z", "2027-01-01")] // CET, UTC+1
    [InlineData("2026-03-29T00:30:00Z", "2026-03-29")] // the night the clocks go forward
    public void Today_is_the_calendar_date_in_Amsterdam(string utc, string today)
    {
        var calendar = new PlatformCalendar(new FakeTimeProvider(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture)), Options.Create(new PlatformOptions()));

        Assert.Equal(DateOnly.Parse(today, CultureInfo.InvariantCulture), calendar.Today);
    }

    [Fact]
    public void Another_configured_zone_has_its_own_date()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 9, 30, 22, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 9, 30), new PlatformCalendar(clock, Options.Create(new PlatformOptions { TimeZone = "Etc/UTC" })).Today);
    }
}
