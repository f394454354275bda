using System.Net;
using System.Net.Http.Headers;
using Plinth.Platform.Client;
using Platform.Api.Tests.Discounts;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;

namespace Platform.Api.Tests.Reports;

/// <summary>
/// Staedion's portfolio in 2026 (<see cref="ReportScenarios.StaedionAsync"/>), counted by hand, as JSON through the generated
/// client and as CSV; read by Staedion itself and by the municipality of Utrecht over what Staedion shares with it.
/// </summary>
public sealed class PortfolioReportTests(ReportsApp app) : IClassFixture<ReportsApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    const string CsvHeader = "section,year,category,detail_code,neighbourhood_code,units,area_m2,let_area_m2,vacant_units,vacancy_percent,vacant_since,"
                             + "market_rent_cents,base_rent_cents,discount_cents,actual_rent_cents,discount_share_of_market_percent,"
                             + "actual_rent_cents_per_m2_per_year,affordable_band,budget_line,budget_amount_cents,committed_cents,remaining_cents";

    static void AssertFigures(PortfolioFiguresResponse figures, int units, double area, double letArea, int vacant, double? vacancyPercent, DateOnly? vacantSince,
        long market, long baseRent, long discount, double? share, long? perM2, AffordableBand band)
    {
        Assert.Equal((units, area, letArea, vacant, vacancyPercent, vacantSince),
            (figures.Units, figures.AreaM2, figures.LetAreaM2, figures.VacantUnits, figures.VacancyPercent, figures.VacantSince));
        Assert.Equal((market, baseRent, discount, baseRent - discount, share, perM2, band),
            (figures.MarketRentCents, figures.BaseRentCents, figures.DiscountCents, figures.ActualRentCents, figures.DiscountShareOfMarketPercent,
                figures.ActualRentCentsPerM2PerYear, figures.AffordableBand));
    }

    [Fact]
    public async Task Staedions_portfolio_in_2026_has_the_figures_counted_by_hand()
    {
        var world = await ReportScenarios.StaedionAsync(app);

        var report = await world.Owner.Reports.GetPortfolioReportAsync(world.Staedion.Slug, 2026, Ct);

        Assert.Equal((2026, ReportsApp.ReportDay), (report.Year, report.AsOf));
        // 4 units, 315 m²; the buurthuis (120 m², lease ended 31 March) and the shop (60 m², never let, created 1 February) stand empty.
        // Rent: atelier 12 × 1,000, buurthuis 3 × 500, office 12 × 400 = 18,300; discount 6 × 250 = 1,500 (4.6875 % of 32,000 market).
        // m² let over the year: 85 + 120 × 3/12 + 50 = 165, so 16,800 / 165 = EUR 101.8181… per m².
        AssertFigures(report.Total, 4, 315, 135, 2, 57.14, new DateOnly(2026, 2, 1), 32_000_00, 18_300_00, 1_500_00, 4.69, 101_82, AffordableBand.Within);

        Assert.Equal(["BED ATE", "BED KAN", "BED WIR", "MOG BUU"], report.ByCategory.Select(c => $"{c.Category.ToString().ToUpperInvariant()} {c.DetailCode}"));
        AssertFigures(report.ByCategory[0].Figures, 1, 85, 85, 0, 0, null, 12_000_00, 12_000_00, 1_500_00, 12.5, 123_53, AffordableBand.Within);
        AssertFigures(report.ByCategory[1].Figures, 1, 50, 50, 0, 0, null, 5_000_00, 4_800_00, 0, 0, 96_00, AffordableBand.Within);
        AssertFigures(report.ByCategory[2].Figures, 1, 60, 0, 1, 100, new DateOnly(2026, 2, 1), 9_000_00, 0, 0, 0, null, AffordableBand.NotLet);
        AssertFigures(report.ByCategory[3].Figures, 1, 120, 0, 1, 100, new DateOnly(2026, 4, 1), 6_000_00, 1_500_00, 0, 0, 50_00, AffordableBand.Below);

        Assert.Equal(["BU03070101", "BU03440101", "BU03440202"], report.ByNeighbourhood.Select(n => n.NeighbourhoodCode));
        AssertFigures(report.ByNeighbourhood[1].Figures, 2, 205, 85, 1, 58.54, new DateOnly(2026, 4, 1), 18_000_00, 13_500_00, 1_500_00, 8.33, 104_35, AffordableBand.Within);

        var budget = Assert.Single(report.Budgets!);
        Assert.Equal((DiscountTests.Leefbaarheid, 2026, 50_000_00L, 1_500_00L, 48_500_00L),
            (budget.Line, budget.Year, budget.AmountCents!.Value, budget.CommittedCents, budget.RemainingCents!.Value));
    }

    [Fact]
    public async Task The_portfolio_as_csv_is_one_table_with_a_header_row_and_the_same_figures()
    {
        var world = await ReportScenarios.StaedionAsync(app);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/tenants/{world.Staedion.Slug}/reports/portfolio?year=2026");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var response = await world.Owner.Http.SendAsync(request, Ct);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).Split("\r\n");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("text/csv", "utf-8"), (response.Content.Headers.ContentType!.MediaType, response.Content.Headers.ContentType.CharSet));
        Assert.Equal(CsvHeader, lines[0]);
        Assert.Equal("total,2026,,,,4,315,135,2,57.14,2026-02-01,3200000,1830000,150000,1680000,4.69,10182,within,,,,", lines[1]);
        Assert.Equal("category,2026,MOG,BUU,,1,120,0,1,100,2026-04-01,600000,150000,0,150000,0,5000,below,,,,", lines[5]);
        Assert.Equal("neighbourhood,2026,,,BU03440202,1,60,0,1,100,2026-02-01,900000,0,0,0,0,,not_let,,,,", lines[8]);
        Assert.Equal($"budget,2026,,,,,,,,,,,,,,,,,{DiscountTests.Leefbaarheid},5000000,150000,4850000", lines[9]);
        Assert.Equal(11, lines.Length);
        Assert.Equal("", lines[10]);
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("text/csv;q=0")]
    public async Task A_report_answers_406_to_an_accept_it_cannot_give(string accept)
    {
        var tenant = await app.CreateTenantAsync();
        var api = await tenant.SignInAsync("reports:read");

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/tenants/{tenant.Slug}/reports/portfolio");
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await api.Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Contains("urn:plinth:problem:http-406", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Utrecht_reads_Staedions_portfolio_over_the_plinths_it_shares_without_budgets_and_nothing_of_Mitros()
    {
        var world = await ReportScenarios.StaedionAsync(app);

        var report = await world.Municipality.Reports.GetPortfolioReportAsync(world.Staedion.Slug, 2026, Ct);

        // Amersfoort's office is not shared: three units, 265 m²; 16,800 − 4,800 = 12,000 over 115 m² let = EUR 104.3478… per m².
        AssertFigures(report.Total, 3, 265, 85, 2, 67.92, new DateOnly(2026, 2, 1), 27_000_00, 13_500_00, 1_500_00, 5.56, 104_35, AffordableBand.Within);
        Assert.Equal(["BED ATE", "BED WIR", "MOG BUU"], report.ByCategory.Select(c => $"{c.Category.ToString().ToUpperInvariant()} {c.DetailCode}"));
        Assert.Equal(["BU03440101", "BU03440202"], report.ByNeighbourhood.Select(n => n.NeighbourhoodCode));
        Assert.Null(report.Budgets);
        await ThrowsProblemAsync(404, () => world.Municipality.Reports.GetPortfolioReportAsync(world.Mitros.Slug, 2026, Ct));
    }

    [Fact]
    public async Task An_empty_portfolio_is_all_zeros_and_the_year_defaults_to_this_year()
    {
        var tenant = await app.CreateTenantAsync();
        var api = await tenant.SignInAsync("reports:read");

        var report = await api.Reports.GetPortfolioReportAsync(tenant.Slug, year: null, Ct);

        Assert.Equal((2026, ReportsApp.ReportDay, 0, AffordableBand.NotLet), (report.Year, report.AsOf, report.Total.Units, report.Total.AffordableBand));
        Assert.Empty(report.ByCategory);
        Assert.Empty(report.Budgets!);
    }

    [Theory]
    [InlineData("1999")]
    [InlineData("2101")]
    [InlineData("twenty")]
    public async Task A_year_outside_2000_to_2100_is_a_400_naming_year(string year)
    {
        var tenant = await app.CreateTenantAsync();
        var api = await tenant.SignInAsync("reports:read");

        using var response = await api.Http.GetAsync($"/v1/tenants/{tenant.Slug}/reports/portfolio?year={year}", Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "urn:plinth:problem:validation");
        Assert.Equal(["year"], problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task The_portfolio_needs_a_token_with_reports_read_of_the_tenant()
    {
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var withoutScope = await tenant.SignInAsync("plinths:read", "discounts:read");
        var otherReader = await other.SignInAsync("reports:read");
        using var anonymous = app.Anonymous();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/v1/tenants/{tenant.Slug}/reports/portfolio", Ct)).StatusCode);
        await ThrowsProblemAsync(403, () => withoutScope.Reports.GetPortfolioReportAsync(tenant.Slug, 2026, Ct));
        await ThrowsProblemAsync(404, () => otherReader.Reports.GetPortfolioReportAsync(tenant.Slug, 2026, Ct));
    }
}
