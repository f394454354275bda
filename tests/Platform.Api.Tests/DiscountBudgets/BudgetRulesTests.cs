using Platform.Api.Features.DiscountBudgets;
using Platform.Api.Features.Discounts;
using Platform.Api.Features.RentRevisions;

namespace Platform.Api.Tests.DiscountBudgets;

/// <summary>Staedion's 25 % on EUR 1,000 charged month by month to the budgets of its line, year by year.</summary>
public sealed class BudgetRulesTests
{
    const string Line = "Maatschappelijke verhuur in het kader van leefbaarheid";
    static readonly DiscountTerms TwentyFivePercent = new(DiscountKind.Percentage, 25, null, null);

    static DiscountSchedule Discount(DateOnly start, DateOnly end) =>
        new(new BaseRent(100_000, []), new DateOnly(2026, 1, 1), null, start, end, [new PeriodTerms(start, TwentyFivePercent)]);

    static BudgetYear Budget(int year, long amount, long committed = 0) => new(Guid.NewGuid(), Line, year, amount, committed);

    [Fact]
    public void A_discount_from_July_to_June_charges_1500_euros_to_each_year()
    {
        Assert.Equal(new Dictionary<int, long> { [2026] = 150_000, [2027] = 150_000 }, Discount(new DateOnly(2026, 7, 1), new DateOnly(2027, 6, 30)).ByYear());
    }

    [Fact]
    public void December_goes_to_one_year_and_January_to_the_next()
    {
        var schedule = Discount(new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 31));

        Assert.Equal(new Dictionary<int, long> { [2026] = 25_000, [2027] = 25_000 }, schedule.ByYear());
        Assert.Equal(25_000, schedule.DiscountOn(new DateOnly(2026, 12, 31)));
        Assert.Equal(25_000, schedule.DiscountOn(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void A_month_begun_before_the_discount_charges_nothing()
    {
        Assert.Equal(new Dictionary<int, long> { [2026] = 0, [2027] = 25_000 }, Discount(new DateOnly(2026, 12, 15), new DateOnly(2027, 1, 31)).ByYear());
    }

    [Theory]
    [InlineData(2026, 7, 1, 2027, 6, 30)]
    [InlineData(2026, 12, 15, 2027, 1, 31)]
    [InlineData(2026, 3, 20, 2026, 3, 31)]
    public void One_year_of_a_discount_counts_what_the_split_over_years_gives_it_and_a_year_outside_its_term_nothing(
        int startYear, int startMonth, int startDay, int endYear, int endMonth, int endDay)
    {
        var schedule = Discount(new DateOnly(startYear, startMonth, startDay), new DateOnly(endYear, endMonth, endDay));
        var byYear = schedule.ByYear();

        foreach (var year in new[] { 2025, 2026, 2027, 2028 })
            Assert.Equal(byYear.GetValueOrDefault(year), schedule.In(year));
        Assert.Equal(0, schedule.In(2025));
    }

    [Fact]
    public void A_change_counts_only_the_years_it_needs_more_in_and_there_all_it_needs()
    {
        var budgets = new[] { Budget(2026, 300_000, committed: 100_000), Budget(2027, 300_000, committed: 290_000) };
        var now = new Dictionary<int, long> { [2026] = 150_000, [2027] = 150_000 };

        // 2027 stays as it was (over its budget with the others already); 2026 needs 4,500 more, 154,500 in all, and has 200,000.
        Assert.Null(BudgetRules.FirstShortfallOfChange(budgets, now, new Dictionary<int, long> { [2026] = 154_500, [2027] = 150_000 }));
        Assert.Null(BudgetRules.FirstShortfallOfChange(budgets, now, new Dictionary<int, long> { [2026] = 140_000, [2027] = 140_000 }));
        var shortfall = BudgetRules.FirstShortfallOfChange(budgets, now, new Dictionary<int, long> { [2026] = 200_001, [2027] = 150_001 });
        Assert.Equal((2026, 200_000L, 200_001L), (shortfall!.Budget.Year, shortfall.RemainingCents, shortfall.RequiredCents));
    }

    [Fact]
    public void Every_year_with_room_passes_and_a_year_without_a_budget_is_never_refused()
    {
        var charges = new Dictionary<int, long> { [2026] = 150_000, [2027] = 150_000 };

        Assert.Null(BudgetRules.FirstShortfall([Budget(2026, 150_000)], charges));
        Assert.Null(BudgetRules.FirstShortfall([Budget(2026, 300_000, committed: 150_000), Budget(2027, 150_000)], charges));
        Assert.Null(BudgetRules.FirstShortfall([], charges));
    }

    [Fact]
    public void The_first_year_over_its_budget_is_named_with_what_remains_and_what_is_required()
    {
        var charges = new Dictionary<int, long> { [2026] = 150_000, [2027] = 150_000, [2028] = 10_000 };

        var shortfall = BudgetRules.FirstShortfall([Budget(2028, 0), Budget(2027, 200_000, committed: 100_000), Budget(2026, 150_000)], charges);

        Assert.Equal((2027, 100_000L, 150_000L), (shortfall!.Budget.Year, shortfall.RemainingCents, shortfall.RequiredCents));
    }

    [Fact]
    public void A_budget_lowered_below_what_is_committed_refuses_nothing_the_discount_does_not_charge_to_it()
    {
        Assert.Null(BudgetRules.FirstShortfall([Budget(2026, 100_000, committed: 200_000)], new Dictionary<int, long> { [2027] = 150_000 }));
        Assert.Equal(0, BudgetRules.FirstShortfall([Budget(2026, 100_000, committed: 200_000)], new Dictionary<int, long> { [2026] = 1 })!.RemainingCents);
    }
}
