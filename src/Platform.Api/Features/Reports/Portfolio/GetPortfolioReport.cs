using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using Platform.Api.Features.DiscountBudgets;
using Platform.Api.Features.Units;
using Platform.Api.Validation;

namespace Platform.Api.Features.Reports.Portfolio;

/// <summary>The portfolio figures of a group of units in the report's year.</summary>
public sealed class PortfolioFiguresResponse
{
    [Range(0, int.MaxValue)]
    public required int Units { get; init; }

    public required decimal AreaM2 { get; init; }

    /// <summary>The area of the units let on the report's day (asOf).</summary>
    public required decimal LetAreaM2 { get; init; }

    /// <summary>Units not let on the report's day, whatever their status (vacant, in tender, unavailable).</summary>
    [Range(0, int.MaxValue)]
    public required int VacantUnits { get; init; }

    /// <summary>The area not let on the report's day, in percent of the area (two decimals); null for no area.</summary>
    public required decimal? VacancyPercent { get; init; }

    /// <summary>The longest vacancy: the earliest vacantSince of the units not let on the report's day; null when all are let.</summary>
    public required DateOnly? VacantSince { get; init; }

    /// <summary>The units' market rent per year (units without a valuation count nothing).</summary>
    [Range(0, long.MaxValue)]
    public required long MarketRentCents { get; init; }

    /// <summary>The base rent of the year's leases, month by month at the base rent in force on the month's first day.</summary>
    [Range(0, long.MaxValue)]
    public required long BaseRentCents { get; init; }

    /// <summary>The discount money in the year, each month at the terms in force on its first day (a discount from 1 July counts six months).</summary>
    [Range(0, long.MaxValue)]
    public required long DiscountCents { get; init; }

    /// <summary>Base rent minus discounts: what the year's leases pay.</summary>
    [Range(0, long.MaxValue)]
    public required long ActualRentCents { get; init; }

    /// <summary>The discount money in percent of the market rent (two decimals); null without market rent.</summary>
    public required decimal? DiscountShareOfMarketPercent { get; init; }

    /// <summary>
    /// The actual rent per m² let per year: actualRentCents over the m² let in the year, each month a lease was in force counting its
    /// unit's area for a twelfth; null when nothing was let.
    /// </summary>
    [Range(0, long.MaxValue)]
    public required long? ActualRentCentsPerM2PerYear { get; init; }

    /// <summary>
    /// Where actualRentCentsPerM2PerYear lies against the affordable band for work space, EUR 75–125 per m² per year (7500–12500
    /// cents, both included): below, within, above, or not_let when nothing was let in the year.
    /// </summary>
    public required AffordableBand AffordableBand { get; init; }

    public static PortfolioFiguresResponse From(PortfolioFigures figures) => new()
    {
        Units = figures.Units,
        AreaM2 = figures.AreaM2,
        LetAreaM2 = figures.LetAreaM2,
        VacantUnits = figures.VacantUnits,
        VacancyPercent = figures.VacancyPercent,
        VacantSince = figures.VacantSince,
        MarketRentCents = figures.MarketRentCents,
        BaseRentCents = figures.BaseRentCents,
        DiscountCents = figures.DiscountCents,
        ActualRentCents = figures.ActualRentCents,
        DiscountShareOfMarketPercent = figures.DiscountShareOfMarketPercent,
        ActualRentCentsPerM2PerYear = figures.ActualRentCentsPerM2PerYear,
        AffordableBand = figures.AffordableBand,
    };
}

public sealed class PortfolioCategoryResponse
{
    public required UnitCategory Category { get; init; }

    [MaxLength(3)]
    [RegularExpression(UnitClassification.DetailCodePattern)]
    public required string DetailCode { get; init; }

    public required PortfolioFiguresResponse Figures { get; init; }
}

public sealed class PortfolioNeighbourhoodResponse
{
    [MaxLength(10)]
    [RegularExpression(DutchCodes.NeighbourhoodCodePattern)]
    public required string NeighbourhoodCode { get; init; }

    public required PortfolioFiguresResponse Figures { get; init; }
}

public sealed class PortfolioReportResponse
{
    [Range(ReportYears.First, ReportYears.Last)]
    public required int Year { get; init; }

    /// <summary>The day occupancy is taken on: today within the year, else its last day (a past year) or its first (a future year).</summary>
    public required DateOnly AsOf { get; init; }

    public required PortfolioFiguresResponse Total { get; init; }

    /// <summary>Per VERA category and detail code, in that order.</summary>
    public required IReadOnlyList<PortfolioCategoryResponse> ByCategory { get; init; }

    /// <summary>Per CBS neighbourhood code of the units' plinths, in code order.</summary>
    public required IReadOnlyList<PortfolioNeighbourhoodResponse> ByNeighbourhood { get; init; }

    /// <summary>
    /// Each budget line's year: amount, committed and remaining, as GET …/discount-budgets shows them. Null for a grantee: budgets
    /// belong to the owner as a whole, not to the plinths a grant shares.
    /// </summary>
    public required IReadOnlyList<BudgetYearResponse>? Budgets { get; init; }
}

/// <summary>One line of the portfolio's CSV: a group of units (section total, category or neighbourhood) or a budget year (section budget).</summary>
public sealed record PortfolioCsvRow(string Section, int Year, PortfolioCategoryResponse? Category, string? NeighbourhoodCode,
    PortfolioFiguresResponse? Figures, BudgetYearResponse? Budget);

public sealed class GetPortfolioReportEndpoint(ReportStore reports, PlatformCalendar calendar)
    : ReportEndpoint<ReportYearRequest, PortfolioReportResponse, PortfolioCsvRow>
{
    static readonly CsvTable<PortfolioCsvRow> Table = new([
        new("section", r => r.Section),
        new("year", r => r.Year),
        new("category", r => r.Category?.Category),
        new("detail_code", r => r.Category?.DetailCode),
        new("neighbourhood_code", r => r.NeighbourhoodCode),
        new("units", r => r.Figures?.Units),
        new("area_m2", r => r.Figures?.AreaM2),
        new("let_area_m2", r => r.Figures?.LetAreaM2),
        new("vacant_units", r => r.Figures?.VacantUnits),
        new("vacancy_percent", r => r.Figures?.VacancyPercent),
        new("vacant_since", r => r.Figures?.VacantSince),
        new("market_rent_cents", r => r.Figures?.MarketRentCents),
        new("base_rent_cents", r => r.Figures?.BaseRentCents),
        new("discount_cents", r => r.Figures?.DiscountCents),
        new("actual_rent_cents", r => r.Figures?.ActualRentCents),
        new("discount_share_of_market_percent", r => r.Figures?.DiscountShareOfMarketPercent),
        new("actual_rent_cents_per_m2_per_year", r => r.Figures?.ActualRentCentsPerM2PerYear),
        new("affordable_band", r => r.Figures?.AffordableBand),
        new("budget_line", r => r.Budget?.Line),
        new("budget_amount_cents", r => r.Budget?.AmountCents),
        new("committed_cents", r => r.Budget?.CommittedCents),
        new("remaining_cents", r => r.Budget?.RemainingCents),
    ]);

    protected override CsvTable<PortfolioCsvRow> Csv => Table;

    public override void Configure()
    {
        ReportRoute("/v1/tenants/{tenant}/reports/portfolio");
        Summary(s =>
        {
            s.Summary = "Get the portfolio report";
            s.Description = "The cross-subsidy (verevening) view of the tenant's units in a year: in total, per category and detail code and "
                            + "per neighbourhood, the units, m², m² let and vacancy on the report's day (asOf) with the longest vacancy, and "
                            + "over the year the market rent, the base rent, the discount money and its share of the market rent, the actual "
                            + "rent and the actual rent per m² per year against the affordable band (EUR 75–125); and per budget line the "
                            + "year's amount, committed and remaining money. Money counts whole months at the terms in force on each month's "
                            + "first day. A grantee of the owner's reports reads it over the plinths its grant shares, without budgets. "
                            + "With Accept: text/csv it answers one CSV table: a line per group (section total, category, neighbourhood) "
                            + "and per budget year (section budget).";
        });
    }

    protected override async Task<PortfolioReportResponse> ReportAsync(ReportYearRequest req, CancellationToken ct)
    {
        var today = calendar.Today;
        var year = req.Year ?? today.Year;
        var asOf = PortfolioArithmetic.AsOf(year, today);
        var units = await reports.UnitsAsync(year, asOf, ct);
        var leases = await reports.LeasesAsync(year, ct);
        var rents = leases.ToLookup(l => l.UnitId, l => PortfolioArithmetic.RentIn(l, year));
        var budgets = await reports.BudgetsAsync(year, ct);
        PortfolioFiguresResponse Figures(IEnumerable<PortfolioUnit> group) => PortfolioFiguresResponse.From(PortfolioArithmetic.Figures(group.ToList(), rents));
        return new PortfolioReportResponse
        {
            Year = year,
            AsOf = asOf,
            Total = Figures(units),
            ByCategory = units.GroupBy(u => (u.Category, u.DetailCode)).OrderBy(g => g.Key.Category).ThenBy(g => g.Key.DetailCode, StringComparer.Ordinal)
                .Select(g => new PortfolioCategoryResponse { Category = g.Key.Category, DetailCode = g.Key.DetailCode, Figures = Figures(g) })
                .ToList(),
            ByNeighbourhood = units.GroupBy(u => u.NeighbourhoodCode).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new PortfolioNeighbourhoodResponse { NeighbourhoodCode = g.Key, Figures = Figures(g) })
                .ToList(),
            Budgets = budgets is null ? null : PortfolioArithmetic.BudgetYears(year, budgets, leases.SelectMany(l => l.Discounts)),
        };
    }

    protected override IEnumerable<PortfolioCsvRow> CsvRows(PortfolioReportResponse report) =>
        new[] { new PortfolioCsvRow("total", report.Year, null, null, report.Total, null) }
            .Concat(report.ByCategory.Select(c => new PortfolioCsvRow("category", report.Year, c, null, c.Figures, null)))
            .Concat(report.ByNeighbourhood.Select(n => new PortfolioCsvRow("neighbourhood", report.Year, null, n.NeighbourhoodCode, n.Figures, null)))
            .Concat((report.Budgets ?? []).Select(b => new PortfolioCsvRow("budget", b.Year, null, null, null, b)));
}
