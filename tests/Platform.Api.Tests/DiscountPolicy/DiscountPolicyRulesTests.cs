using Platform.Api.Features.DiscountPolicy;
using Platform.Api.Features.Discounts;
using Platform.Api.Features.Rent;

namespace Platform.Api.Tests.DiscountPolicy;

/// <summary>Staedion's policy (10–40 % below the market rent, one year, only in priority neighbourhoods) against its atelier: market rent EUR 12,000 a year.</summary>
public sealed class DiscountPolicyRulesTests
{
    static readonly DiscountPolicyRules Staedion = new(10, 40, 12, true);
    static readonly UnitRents Atelier = new(85, 12_000_00, 10_800_00, PriorityNeighbourhood: true);
    static readonly DateOnly January2026 = new(2026, 1, 1);
    static readonly DateOnly December2026 = new(2026, 12, 31);

    static long RentAfter(int percentOff) => 1_000_00 - 1_000_00 * percentOff / 100;

    [Theory]
    [InlineData(10)]
    [InlineData(25)]
    [InlineData(40)]
    public void A_rent_10_to_40_percent_below_the_market_rent_keeps_to_the_policy(int percentOff)
    {
        Assert.Null(Staedion.BreachOf(Atelier, January2026, December2026, [RentAfter(percentOff)]));
    }

    [Theory]
    [InlineData(9, "minBelowMarketPercent")]
    [InlineData(41, "maxBelowMarketPercent")]
    public void A_rent_outside_10_to_40_percent_below_the_market_rent_breaks_the_rule_it_passes(int percentOff, string rule)
    {
        Assert.Equal(rule, Staedion.BreachOf(Atelier, January2026, December2026, [RentAfter(percentOff)])?.Rule);
    }

    [Fact]
    public void Every_month_counts_so_a_growth_in_that_ends_at_the_market_rent_breaks_the_minimum()
    {
        Assert.Equal("minBelowMarketPercent", Staedion.BreachOf(Atelier, January2026, December2026, [75_000, 90_000, 95_000])?.Rule);
    }

    [Theory]
    [InlineData("2026-01-01", "2026-12-31", null)]
    [InlineData("2026-01-01", "2027-01-01", "maxTermMonths")]
    [InlineData("2026-01-31", "2027-01-30", null)]
    [InlineData("2028-02-29", "2029-02-28", null)]
    [InlineData("2028-02-29", "2029-03-01", "maxTermMonths")]
    public void A_term_runs_at_most_twelve_calendar_months(string start, string end, string? rule)
    {
        var breach = Staedion.BreachOf(Atelier, DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), [RentAfter(25)]);

        Assert.Equal(rule, breach?.Rule);
    }

    [Fact]
    public void Outside_a_priority_neighbourhood_nothing_is_granted_and_without_a_market_rent_nothing_is_measured()
    {
        Assert.Equal("priorityNeighbourhoodsOnly", Staedion.BreachOf(Atelier with { PriorityNeighbourhood = false }, January2026, December2026, [RentAfter(25)])?.Rule);
        Assert.Equal("minBelowMarketPercent", Staedion.BreachOf(Atelier with { MarketRentCentsPerYear = null }, January2026, December2026, [RentAfter(25)])?.Rule);
    }

    [Fact]
    public void No_policy_refuses_nothing()
    {
        Assert.Null(new DiscountPolicyRules(null, null, null, null).BreachOf(Atelier with { PriorityNeighbourhood = false, MarketRentCentsPerYear = null },
            January2026, new DateOnly(2036, 1, 1), [0]));
    }

    [Fact]
    public void A_rent_of_900_euros_for_85_m2_is_127_euros_per_m2_per_year_10_percent_below_market_and_equal_to_target()
    {
        Assert.Equal(new RentMeasures(12_706, 10.00m, 0.00m), RentMeasures.Of(900_00, Atelier));
        Assert.Equal(new RentMeasures(14_118, 0.00m, -11.11m), RentMeasures.Of(1_000_00, Atelier));
        Assert.Equal(new RentMeasures(14_118, null, null), RentMeasures.Of(1_000_00, Atelier with { MarketRentCentsPerYear = null, TargetRentCentsPerYear = null }));
    }
}
