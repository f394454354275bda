using Platform.Api.Features.Leases;

namespace Platform.Api.Tests.RealEstate;

/// <summary>Art. 7:290–7:301 BW on a lease's agreed dates, without the API.</summary>
public sealed class LeaseRegimeRulesTests
{
    static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    static IReadOnlyList<StatutoryTerm> Terms(string start, string? end, LeaseRegime regime = LeaseRegime.Article7_290, bool terminated = false) =>
        LeaseRegimeRules.StatutoryTerms(regime, D(start), end is null ? null : D(end), terminated);

    [Theory]
    [InlineData("2026-01-01", "2028-12-31", "2030-12-31")]   // three years agreed: five by law (7:292 lid 1)
    [InlineData("2026-01-01", "2028-01-01", "2030-12-31")]   // two years and a day is more than two
    [InlineData("2026-01-01", null, "2030-12-31")]           // an indefinite term counts as five
    [InlineData("2026-01-01", "2030-12-31", "2030-12-31")]   // exactly five
    [InlineData("2026-01-01", "2035-12-31", "2035-12-31")]   // ten years agreed: the agreed term
    [InlineData("2026-01-31", "2029-01-30", "2031-01-30")]   // from a month's last day
    [InlineData("2026-03-31", "2029-03-30", "2031-03-30")]
    [InlineData("2027-03-01", "2030-02-28", "2032-02-29")]   // the five years end on a 29 February
    [InlineData("2028-02-29", "2031-02-28", "2033-02-28")]   // from 29 February: the anniversary is 1 March
    public void A_7_290_lease_of_more_than_two_years_runs_its_first_statutory_term_to(string start, string? end, string statutoryEnd)
    {
        Assert.Equal(D(statutoryEnd), Terms(start, end)[0].EndDate);
    }

    [Theory]
    [InlineData("2030-12-31", "2029-12-31", "2029-11-30")]
    [InlineData("2032-02-29", "2031-02-28", "2031-01-28")]
    [InlineData("2033-02-28", "2032-02-28", "2032-01-28")]
    [InlineData("2031-03-30", "2030-03-30", "2030-02-28")]   // a month before 30 March is the end of February
    public void Notice_is_due_a_year_before_the_statutory_end_and_reminded_a_month_before_that(string statutoryEnd, string deadline, string remindOn)
    {
        var fiveYearsBefore = D(statutoryEnd).AddYears(-5).AddDays(1).ToString("yyyy-MM-dd");

        var term = Terms(fiveYearsBefore, null)[0];

        Assert.Equal((D(statutoryEnd), D(deadline), D(remindOn)), (term.EndDate, term.NoticeDeadline, term.RemindOn));
    }

    [Fact]
    public void After_the_first_term_the_law_extends_the_lease_by_five_years_then_it_continues_indefinitely()
    {
        var terms = Terms("2026-01-01", "2028-12-31");

        Assert.Equal([new StatutoryTerm(D("2030-12-31"), D("2029-12-31")), new StatutoryTerm(D("2035-12-31"), D("2034-12-31"))], terms);
        Assert.Equal(D("2030-12-31"), LeaseRegimeRules.CurrentTerm(terms, D("2026-01-01"))!.EndDate);
        Assert.Equal(D("2030-12-31"), LeaseRegimeRules.CurrentTerm(terms, D("2030-12-31"))!.EndDate);
        Assert.Equal(D("2035-12-31"), LeaseRegimeRules.CurrentTerm(terms, D("2031-01-01"))!.EndDate);
        Assert.Null(LeaseRegimeRules.CurrentTerm(terms, D("2036-01-01")));
    }

    [Theory]
    [InlineData("2026-01-01", "2027-12-31")]   // exactly two years: exempt (7:301)
    [InlineData("2026-01-01", "2026-06-30")]
    [InlineData("2028-02-29", "2030-02-28")]   // two years from 29 February
    public void A_7_290_lease_of_at_most_two_years_ends_on_its_end_date(string start, string end)
    {
        Assert.Empty(Terms(start, end));
    }

    [Fact]
    public void A_lessee_who_stays_on_after_two_years_has_a_five_year_lease_from_the_original_start()
    {
        Assert.Empty(Terms("2026-01-01", "2027-12-31"));
        Assert.Equal(D("2030-12-31"), Terms("2026-01-01", "2028-03-31")[0].EndDate);
    }

    [Theory]
    [InlineData(LeaseRegime.Article7_230a, false)]
    [InlineData(LeaseRegime.Other, false)]
    [InlineData(LeaseRegime.Article7_290, true)]
    public void Only_a_7_290_lease_that_was_not_terminated_has_statutory_terms(LeaseRegime regime, bool terminated)
    {
        Assert.Empty(Terms("2026-01-01", "2028-12-31", regime, terminated));
    }

    [Theory]
    [InlineData("HOR", LeaseRegime.Article7_290)]
    [InlineData("WIR", LeaseRegime.Article7_290)]
    [InlineData("WWI", LeaseRegime.Article7_290)]
    [InlineData("ATE", LeaseRegime.Article7_230a)]
    [InlineData("KAN", LeaseRegime.Article7_230a)]
    [InlineData("BUU", LeaseRegime.Article7_230a)]
    public void Horeca_shops_and_craft_shops_default_to_7_290_and_the_rest_to_7_230a(string detailCode, LeaseRegime regime)
    {
        Assert.Equal(regime, LeaseRegimeRules.DefaultFor(detailCode));
    }
}
