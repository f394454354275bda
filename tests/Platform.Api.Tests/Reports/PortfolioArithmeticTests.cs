using Platform.Api.Features.DiscountBudgets;
using Platform.Api.Features.Discounts;
using Platform.Api.Features.Reports;
using Platform.Api.Features.Reports.Portfolio;
using Platform.Api.Features.RentRevisions;
using Platform.Api.Features.Units;

namespace Platform.Api.Tests.Reports;

/// <summary>
/// The portfolio's arithmetic on two units of a Staedion plinth in 2026: an atelier let at EUR 1,000 a month with 25 % off from
/// 1 July, and a neighbourhood centre whose lease at EUR 500 ended on 31 March.
/// </summary>
public sealed class PortfolioArithmeticTests
{
    static readonly BaseRent Thousand = new(1_000_00, []);
    static readonly BaseRent FiveHundred = new(500_00, []);

    static ReportDiscount QuarterOff(DateOnly from, DateOnly to, string? line = "leefbaarheid") => new(Guid.NewGuid(), line,
        new DiscountSchedule(Thousand, new DateOnly(2025, 1, 1), null, from, to, [new PeriodTerms(from, new DiscountTerms(DiscountKind.Percentage, 25, null, null))]), []);

    static readonly PortfolioUnit Atelier = new(Guid.NewGuid(), UnitCategory.Bed, "ATE", "BU05180101", 85m, 12_000_00, Let: true, VacantSince: null);
    static readonly PortfolioUnit Buurthuis = new(Guid.NewGuid(), UnitCategory.Mog, "BUU", "BU05180102", 120m, 6_000_00, Let: false, VacantSince: new DateOnly(2026, 4, 1));

    static readonly ReportLease AtelierLease = new(Guid.NewGuid(), Atelier.Id, new DateOnly(2025, 1, 1), null, Thousand, [QuarterOff(new DateOnly(2026, 7, 1), new DateOnly(2027, 6, 30))]);
    static readonly ReportLease BuurthuisLease = new(Guid.NewGuid(), Buurthuis.Id, new DateOnly(2025, 1, 1), new DateOnly(2026, 3, 31), FiveHundred, []);

    static ILookup<Guid, LeaseYear> Rents => new[] { AtelierLease, BuurthuisLease }.ToLookup(l => l.UnitId, l => PortfolioArithmetic.RentIn(l, 2026));

    [Theory]
    [InlineData("2026-09-15", 2026, "2026-09-15")]
    [InlineData("2026-09-15", 2025, "2025-12-31")]
    [InlineData("2026-09-15", 2027, "2027-01-01")]
    public void Occupancy_is_taken_today_within_the_year_else_on_its_last_or_first_day(string today, int year, string asOf)
    {
        Assert.Equal(DateOnly.Parse(asOf), PortfolioArithmetic.AsOf(year, DateOnly.Parse(today)));
    }

    [Fact]
    public void A_unit_is_vacant_from_the_day_after_its_last_lease_or_from_the_day_it_was_created()
    {
        var created = new DateOnly(2024, 5, 6);

        Assert.Equal(new DateOnly(2026, 4, 1), UnitVacancy.Since(let: false, new DateOnly(2026, 3, 31), created));
        Assert.Equal(created, UnitVacancy.Since(let: false, lastLeaseEnd: null, created));
        Assert.Null(UnitVacancy.Since(let: true, new DateOnly(2026, 3, 31), created));
        // A row from before migration 0014 has no creation day: the UTC date of its creation stands in.
        Assert.Equal(created, UnitVacancy.Since(let: false, lastLeaseEnd: null, createdOn: null, new DateTimeOffset(2024, 5, 6, 23, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_discount_from_1_July_counts_six_months_of_its_year_and_one_from_15_July_five()
    {
        var fromJuly = PortfolioArithmetic.RentIn(AtelierLease, 2026);
        var fromMidJuly = PortfolioArithmetic.RentIn(AtelierLease with { Discounts = [QuarterOff(new DateOnly(2026, 7, 15), new DateOnly(2027, 7, 14))] }, 2026);

        Assert.Equal(new LeaseYear(12_000_00, 6 * 250_00, 12), fromJuly);
        Assert.Equal(new LeaseYear(12_000_00, 5 * 250_00, 12), fromMidJuly);
        Assert.Equal(new LeaseYear(12_000_00, 6 * 250_00, 12), PortfolioArithmetic.RentIn(AtelierLease, 2027));
    }

    [Fact]
    public void A_lease_that_ends_in_March_brings_in_three_months()
    {
        Assert.Equal(new LeaseYear(3 * 500_00, 0, 3), PortfolioArithmetic.RentIn(BuurthuisLease, 2026));
        Assert.Equal(new LeaseYear(0, 0, 0), PortfolioArithmetic.RentIn(BuurthuisLease, 2027));
    }

    [Fact]
    public void The_figures_of_the_two_units_are_counted_by_hand()
    {
        var figures = PortfolioArithmetic.Figures([Atelier, Buurthuis], Rents);

        Assert.Equal((2, 205m, 85m, 1), (figures.Units, figures.AreaM2, figures.LetAreaM2, figures.VacantUnits));
        Assert.Equal(58.54m, figures.VacancyPercent);           // 120 of 205 m² not let: 58.536…
        Assert.Equal(new DateOnly(2026, 4, 1), figures.VacantSince);
        Assert.Equal(18_000_00, figures.MarketRentCents);        // EUR 12,000 + EUR 6,000
        Assert.Equal(13_500_00, figures.BaseRentCents);          // 12 × EUR 1,000 + 3 × EUR 500
        Assert.Equal(1_500_00, figures.DiscountCents);           // 6 × EUR 250
        Assert.Equal(12_000_00, figures.ActualRentCents);
        Assert.Equal(8.33m, figures.DiscountShareOfMarketPercent);  // 1,500 of 18,000: 8.333…
        // EUR 12,000 over 85 m² let 12 months and 120 m² let 3 months: 115 m²-years, EUR 104.3478… per m²
        Assert.Equal(104_35, figures.ActualRentCentsPerM2PerYear);
        Assert.Equal(AffordableBand.Within, figures.AffordableBand);
    }

    [Fact]
    public void Each_unit_alone_lies_where_its_own_rent_per_m2_puts_it()
    {
        var atelier = PortfolioArithmetic.Figures([Atelier], Rents);
        var buurthuis = PortfolioArithmetic.Figures([Buurthuis], Rents);

        Assert.Equal((123_53L, AffordableBand.Within), (atelier.ActualRentCentsPerM2PerYear!.Value, atelier.AffordableBand));  // 10,500 / 85
        Assert.Equal((50_00L, AffordableBand.Below), (buurthuis.ActualRentCentsPerM2PerYear!.Value, buurthuis.AffordableBand)); // 1,500 / 30
        Assert.Equal((0m, 100m), (atelier.VacancyPercent!.Value, buurthuis.VacancyPercent!.Value));
        Assert.Null(atelier.VacantSince);
    }

    [Fact]
    public void A_budget_line_shows_its_years_amount_what_the_discounts_commit_in_it_and_what_remains()
    {
        var budget = new BudgetRow { Id = Guid.NewGuid(), Line = "leefbaarheid", Year = 2026, AmountCents = 50_000_00 };
        var discounts = new[]
        {
            QuarterOff(new DateOnly(2026, 7, 1), new DateOnly(2027, 6, 30)),
            QuarterOff(new DateOnly(2026, 10, 1), new DateOnly(2027, 9, 30), line: "starters"),
            QuarterOff(new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), line: "later"),
            QuarterOff(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), line: null),
        };

        var nextYear = new BudgetRow { Id = Guid.NewGuid(), Line = "leefbaarheid", Year = 2027, AmountCents = 40_000_00 };

        var years = PortfolioArithmetic.BudgetYears(2026, [budget, nextYear], discounts);

        Assert.Equal(["leefbaarheid", "starters"], years.Select(y => y.Line));
        Assert.Equal((50_000_00L, 1_500_00L, 48_500_00L), (years[0].AmountCents!.Value, years[0].CommittedCents, years[0].RemainingCents!.Value));
        Assert.Equal(((long?)null, 750_00L, (long?)750_00L), (years[1].AmountCents, years[1].CommittedCents, years[1].UnbudgetedCents)); // October–December
    }

    [Theory]
    [InlineData(null, AffordableBand.NotLet)]
    [InlineData(74_99L, AffordableBand.Below)]
    [InlineData(75_00L, AffordableBand.Within)]
    [InlineData(125_00L, AffordableBand.Within)]
    [InlineData(125_01L, AffordableBand.Above)]
    public void The_affordable_band_runs_from_75_to_125_euro_per_m2_per_year_both_included(long? centsPerM2, AffordableBand band)
    {
        Assert.Equal(band, PortfolioArithmetic.Band(centsPerM2));
    }

    [Fact]
    public void A_group_without_units_has_no_percentages()
    {
        var figures = PortfolioArithmetic.Figures([], Rents);

        Assert.Equal((0, null, null, null, AffordableBand.NotLet),
            (figures.Units, figures.VacancyPercent, figures.DiscountShareOfMarketPercent, figures.ActualRentCentsPerM2PerYear, figures.AffordableBand));
    }
}
