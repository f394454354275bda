using Platform.Api.Features.Discounts;
using Platform.Api.Features.Reports.Impact;
using Platform.Api.Features.RentRevisions;

namespace Platform.Api.Tests.Reports;

/// <summary>
/// The impact evidence of Staedion's two discounts in 2026: the atelier's 25 % from 1 July (24 workshops for the neighbourhood,
/// not yet evaluated) and the office's six months of 25 % off EUR 400 (2 internships for the city and 4 open days for the
/// building, evaluated at 3 and 2).
/// </summary>
public sealed class ImpactArithmeticTests
{
    static readonly Guid AtelierDiscount = Guid.NewGuid();
    static readonly Guid OfficeDiscount = Guid.NewGuid();

    static readonly ImpactPeriod Atelier = new(AtelierDiscount, 1_500_00, [new("makers", ImpactRadius.Neighbourhood, "workshops", 24, null)]);

    static readonly ImpactPeriod Office = new(OfficeDiscount, 600_00,
    [
        new("makers", ImpactRadius.City, "internships", 2, 3),
        new("buurt", ImpactRadius.Building, "open days", 4, 2),
    ]);

    static DiscountSchedule QuarterOff(DateOnly from, DateOnly to) => new(new BaseRent(1_000_00, []), new DateOnly(2026, 1, 1), null, from, to,
        [new PeriodTerms(from, new DiscountTerms(DiscountKind.Percentage, 25, null, null))]);

    [Fact]
    public void A_period_from_1_July_brings_six_months_of_money_into_each_of_its_years_and_one_from_15_July_five_then_seven()
    {
        var fromJuly = QuarterOff(new DateOnly(2026, 7, 1), new DateOnly(2027, 6, 30));
        var fromMidJuly = QuarterOff(new DateOnly(2026, 7, 15), new DateOnly(2027, 7, 14));

        Assert.Equal(6 * 250_00, ImpactArithmetic.MoneyInYear(fromJuly, new DateOnly(2026, 7, 1), new DateOnly(2027, 6, 30), 2026));
        Assert.Equal(6 * 250_00, ImpactArithmetic.MoneyInYear(fromJuly, new DateOnly(2026, 7, 1), new DateOnly(2027, 6, 30), 2027));
        Assert.Equal(5 * 250_00, ImpactArithmetic.MoneyInYear(fromMidJuly, new DateOnly(2026, 7, 15), new DateOnly(2027, 7, 14), 2026));
        Assert.Equal(7 * 250_00, ImpactArithmetic.MoneyInYear(fromMidJuly, new DateOnly(2026, 7, 15), new DateOnly(2027, 7, 14), 2027));
    }

    [Theory]
    [InlineData("2026-07-01", "2027-06-30", 2026, true)]
    [InlineData("2026-07-01", "2027-06-30", 2027, true)]
    [InlineData("2026-07-01", "2027-06-30", 2025, false)]
    [InlineData("2026-07-01", "2027-06-30", 2028, false)]
    public void A_period_counts_in_every_year_it_runs_in(string start, string end, int year, bool runs)
    {
        Assert.Equal(runs, ImpactArithmetic.RunsIn(DateOnly.Parse(start), DateOnly.Parse(end), year));
    }

    [Fact]
    public void The_total_counts_each_period_once_with_targets_against_the_evaluated_actuals_per_unit_counted()
    {
        var total = ImpactArithmetic.Total([Atelier, Office]);

        Assert.Equal((2, 2, 2_100_00L), (total.Discounts, total.Periods, total.DiscountCents));
        Assert.Equal(
        [
            new ImpactMeasure("internships", 1, 2, 1, 2, 3, 150m),
            new ImpactMeasure("open days", 1, 4, 1, 4, 2, 50m),
            new ImpactMeasure("workshops", 1, 24, 0, 0, 0, null),
        ], total.Measures);
    }

    [Fact]
    public void A_period_behind_two_themes_counts_its_money_under_each()
    {
        var themes = ImpactArithmetic.ByTheme([Atelier, Office]);

        Assert.Equal(["buurt", "makers"], themes.Select(t => t.Theme));
        Assert.Equal((1, 1, 600_00L), (themes[0].Group.Discounts, themes[0].Group.Periods, themes[0].Group.DiscountCents));
        Assert.Equal(["open days"], themes[0].Group.Measures.Select(m => m.Unit));
        Assert.Equal((2, 2, 2_100_00L), (themes[1].Group.Discounts, themes[1].Group.Periods, themes[1].Group.DiscountCents));
        Assert.Equal(["internships", "workshops"], themes[1].Group.Measures.Select(m => m.Unit));
    }

    [Fact]
    public void Every_radius_of_the_value_fan_is_listed_from_building_to_region_empty_ones_too()
    {
        var radii = ImpactArithmetic.ByRadius([Atelier, Office]);

        Assert.Equal([ImpactRadius.Building, ImpactRadius.Neighbourhood, ImpactRadius.Area, ImpactRadius.City, ImpactRadius.Region], radii.Select(r => r.Radius));
        Assert.Equal([600_00L, 1_500_00L, 0L, 600_00L, 0L], radii.Select(r => r.Group.DiscountCents));
        Assert.Equal([1, 1, 0, 1, 0], radii.Select(r => r.Group.Periods));
        Assert.Empty(radii[2].Group.Measures);
        Assert.Equal(150m, Assert.Single(radii[3].Group.Measures).AchievedPercent);
    }

    [Fact]
    public void Counter_performances_without_a_theme_come_last_and_achievement_rounds_to_two_decimals()
    {
        var untitled = new ImpactPeriod(Guid.NewGuid(), 0, [new(null, ImpactRadius.Region, "people reached", 3, 1)]);

        var themes = ImpactArithmetic.ByTheme([untitled, Atelier]);

        Assert.Equal(["makers", null], themes.Select(t => t.Theme));
        Assert.Equal(33.33m, Assert.Single(themes[1].Group.Measures).AchievedPercent);
    }
}
