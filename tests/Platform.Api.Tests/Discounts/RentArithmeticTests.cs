using System.Globalization;
using Platform.Api.Features.Discounts;
using Platform.Api.Features.RentRevisions;

namespace Platform.Api.Tests.Discounts;

/// <summary>The money rules of discounts, with the figures of DOMAIN.md.</summary>
public sealed class RentArithmeticTests
{
    static readonly DateOnly January2026 = new(2026, 1, 1);

    static DiscountTerms Percent(int percent) => new(DiscountKind.Percentage, percent, null, null);

    [Theory]
    [InlineData(100_000, 25, 25_000)]   // Staedion: 25 % off EUR 1,000
    [InlineData(100_000, 10, 10_000)]
    [InlineData(100_000, 40, 40_000)]
    [InlineData(123_457, 33, 40_741)]   // 40,740.81 cents rounds half up to 40,741
    [InlineData(150, 33, 50)]           // 49.5 cents rounds up
    [InlineData(149, 33, 49)]           // 49.17 cents rounds down
    [InlineData(100_000, 100, 100_000)]
    public void A_percentage_discount_is_rounded_half_up_to_a_whole_cent(long baseCents, int percent, long expected)
    {
        Assert.Equal(expected, RentArithmetic.DiscountCents(baseCents, Percent(percent), January2026));
    }

    [Theory]
    [InlineData(100_000, 20_000, 20_000)]
    [InlineData(100_000, 150_000, 100_000)]
    public void A_fixed_discount_never_takes_the_rent_below_zero(long baseCents, long fixedCents, long expected)
    {
        var terms = new DiscountTerms(DiscountKind.Fixed, null, fixedCents, null);

        Assert.Equal(expected, RentArithmetic.DiscountCents(baseCents, terms, January2026));
    }

    [Fact]
    public void Woonins_growth_in_rent_costs_750_for_24_months_then_1000()
    {
        var terms = new DiscountTerms(DiscountKind.Stepped, null, null,
        [
            new RentStep { FromDate = January2026, MonthlyRentCents = 75_000 },
            new RentStep { FromDate = January2026.AddMonths(24), MonthlyRentCents = 100_000 },
        ]);

        var months = RentArithmetic.MonthStarts(January2026, January2026.AddMonths(25))
            .Select(m => new MonthlyRent(m, 100_000, RentArithmetic.DiscountCents(100_000, terms, m)))
            .ToList();

        Assert.Equal(26, months.Count);
        Assert.All(months.Take(24), m => Assert.Equal(75_000, m.EffectiveCents));
        Assert.Equal(100_000, months[24].EffectiveCents); // month 25
        Assert.Equal(0, months[24].DiscountCents);
    }

    [Fact]
    public void A_step_above_the_base_rent_gives_no_negative_discount()
    {
        var terms = new DiscountTerms(DiscountKind.Stepped, null, null, [new RentStep { FromDate = January2026, MonthlyRentCents = 120_000 }]);

        Assert.Equal(0, RentArithmetic.DiscountCents(100_000, terms, January2026));
    }

    [Fact]
    public void Month_starts_run_from_the_first_month_to_the_last_inclusive()
    {
        Assert.Equal(
            [new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 1)],
            RentArithmetic.MonthStarts(new DateOnly(2026, 11, 15), new DateOnly(2027, 1, 3)));
    }

    [Fact]
    public void A_yearly_evaluation_of_a_discount_from_1_January_is_due_on_1_October_with_the_default_lead_time()
    {
        var end = EvaluationPeriods.EndOf(January2026, 12);

        Assert.Equal(new DateOnly(2026, 12, 31), end);
        Assert.Equal(new DateOnly(2026, 10, 1), EvaluationPeriods.DueOn(end, 3));
    }

    [Theory]
    [InlineData("2026-12-31", 3, "2026-10-01")]
    [InlineData("2027-02-28", 3, "2026-12-01")]
    [InlineData("2027-06-30", 3, "2027-04-01")]
    [InlineData("2028-02-29", 3, "2027-12-01")]
    [InlineData("2026-05-30", 3, "2026-02-28")] // 31 May less three months: February has no 31st
    [InlineData("2026-12-31", 1, "2026-12-01")]
    [InlineData("2026-12-31", 12, "2026-01-01")]
    public void An_evaluation_is_due_whole_calendar_months_before_the_period_ends(string periodEnd, int leadMonths, string due)
    {
        Assert.Equal(DateOnly.Parse(due, CultureInfo.InvariantCulture), EvaluationPeriods.DueOn(DateOnly.Parse(periodEnd, CultureInfo.InvariantCulture), leadMonths));
    }

    [Theory]
    [InlineData("2026-01-31", 1, "2026-02-28")] // 31 January + one month: February has no 31st, so its last day
    [InlineData("2028-01-31", 1, "2028-02-29")]
    [InlineData("2026-01-28", 1, "2026-02-27")]
    [InlineData("2026-03-01", 12, "2027-02-28")]
    [InlineData("2027-03-01", 12, "2028-02-29")]
    [InlineData("2028-02-29", 12, "2029-02-28")]
    [InlineData("2026-02-28", 12, "2027-02-27")]
    public void A_period_ends_the_day_before_the_same_day_a_cadence_later_or_on_that_months_last_day(string start, int cadenceMonths, string end)
    {
        Assert.Equal(DateOnly.Parse(end, CultureInfo.InvariantCulture), EvaluationPeriods.EndOf(DateOnly.Parse(start, CultureInfo.InvariantCulture), cadenceMonths));
    }

    [Fact]
    public void A_period_never_runs_past_the_term()
    {
        Assert.Equal(new DateOnly(2026, 6, 30), EvaluationPeriods.EndOf(January2026, 12, new DateOnly(2026, 6, 30)));
        Assert.Equal(new DateOnly(2027, 12, 31), EvaluationPeriods.EndOf(January2026, 24));
    }
}

public sealed class DiscountScheduleTests
{
    static readonly DateOnly January2026 = new(2026, 1, 1);

    [Fact]
    public void A_year_of_25_percent_off_1000_a_month_costs_3000_euros()
    {
        var schedule = new DiscountSchedule(new BaseRent(100_000, []), January2026, null, January2026, new DateOnly(2026, 12, 31),
            [new PeriodTerms(January2026, new DiscountTerms(DiscountKind.Percentage, 25, null, null))]);

        Assert.Equal(new Dictionary<int, long> { [2026] = 12 * 25_000 }, schedule.ByYear());
    }

    [Fact]
    public void A_discount_from_July_counts_six_months_in_its_first_year_and_the_lease_end_stops_it()
    {
        var july = new DateOnly(2026, 7, 1);
        var schedule = new DiscountSchedule(new BaseRent(100_000, []), January2026, new DateOnly(2027, 3, 31), july, new DateOnly(2027, 6, 30),
            [new PeriodTerms(july, new DiscountTerms(DiscountKind.Fixed, null, 10_000, null))]);

        Assert.Equal(new Dictionary<int, long> { [2026] = 6 * 10_000, [2027] = 3 * 10_000 }, schedule.ByYear());
    }

    [Fact]
    public void A_stepped_up_second_period_uses_its_own_terms()
    {
        var second = new DateOnly(2027, 1, 1);
        var schedule = new DiscountSchedule(new BaseRent(100_000, []), January2026, null, January2026, new DateOnly(2027, 12, 31),
        [
            new PeriodTerms(January2026, new DiscountTerms(DiscountKind.Percentage, 40, null, null)),
            new PeriodTerms(second, new DiscountTerms(DiscountKind.Percentage, 20, null, null)),
        ]);

        Assert.Equal(40_000, schedule.DiscountOn(new DateOnly(2026, 12, 1)));
        Assert.Equal(20_000, schedule.DiscountOn(second));
        Assert.Equal(0, schedule.DiscountOn(new DateOnly(2028, 1, 1)));
    }
}
