using Platform.Api.Features;

namespace Platform.Api.Tests;

/// <summary>The one "upcoming / active / ended on a day" rule, without the API; its SQL twin runs in the lease, discount and unit lists.</summary>
public sealed class DatedTermTests
{
    static readonly DateOnly January2026 = new(2026, 1, 1);
    static readonly DateOnly December2026 = new(2026, 12, 31);

    [Theory]
    [InlineData("2025-12-31", TermStatus.Upcoming)]
    [InlineData("2026-01-01", TermStatus.Active)]   // the first day counts
    [InlineData("2026-12-31", TermStatus.Active)]   // and so does the last
    [InlineData("2027-01-01", TermStatus.Ended)]
    public void A_term_is_upcoming_before_its_first_day_active_through_its_last_and_ended_after(string day, TermStatus status)
    {
        Assert.Equal(status, DatedTerm.StatusOn(January2026, December2026, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void An_open_ended_term_never_ends()
    {
        Assert.Equal(TermStatus.Active, DatedTerm.StatusOn(January2026, null, DateOnly.MaxValue));
        Assert.Equal(TermStatus.Upcoming, DatedTerm.StatusOn(January2026, null, December2026.AddYears(-1)));
    }

    [Fact]
    public void A_one_day_term_is_active_on_that_day_only()
    {
        Assert.Equal([TermStatus.Upcoming, TermStatus.Active, TermStatus.Ended],
            new[] { January2026.AddDays(-1), January2026, January2026.AddDays(1) }.Select(day => DatedTerm.StatusOn(January2026, January2026, day)));
    }
}
