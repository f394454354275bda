using System.Net;
using System.Net.Http.Headers;
using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;

namespace Platform.Api.Tests.Reports;

/// <summary>
/// Staedion's impact evidence in 2026 (<see cref="ReportScenarios.StaedionWithEvaluatedOfficeAsync"/>): the atelier's 24 workshops
/// for the neighbourhood behind EUR 1,500 of discount (July–December), not yet evaluated; the office's 2 internships for the city
/// and 4 open days for the building behind EUR 600 (January–June), evaluated at 3 and 2.
/// </summary>
public sealed class ImpactReportTests(ReportsApp app) : IClassFixture<ReportsApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static void AssertMeasure(ImpactMeasureResponse measure, string unit, int counterPerformances, long target, int evaluated, long evaluatedTarget, long actual, double? achieved)
    {
        Assert.Equal((unit, counterPerformances, target, evaluated, evaluatedTarget, actual, achieved),
            (measure.Unit, measure.CounterPerformances, measure.TargetTotal, measure.EvaluatedCounterPerformances, measure.EvaluatedTargetTotal, measure.ActualTotal,
                measure.AchievedPercent));
    }

    [Fact]
    public async Task Staedions_impact_in_2026_sets_targets_against_actuals_by_theme_and_radius_with_the_money_behind_them()
    {
        var world = await ReportScenarios.StaedionWithEvaluatedOfficeAsync(app);

        var report = await world.Owner.Reports.GetImpactReportAsync(world.Staedion.Slug, 2026, Ct);

        Assert.Equal((2026, 2, 2, 2_100_00L), (report.Year, report.Total.Discounts, report.Total.Periods, report.Total.DiscountCents));
        AssertMeasure(report.Total.Measures[0], "internships", 1, 2, 1, 2, 3, 150);
        AssertMeasure(report.Total.Measures[1], "open days", 1, 4, 1, 4, 2, 50);
        AssertMeasure(report.Total.Measures[2], "workshops", 1, 24, 0, 0, 0, null);

        Assert.Equal(["buurt", "makers"], report.ByTheme.Select(t => t.Theme));
        Assert.Equal((1, 600_00L), (report.ByTheme[0].Figures.Discounts, report.ByTheme[0].Figures.DiscountCents));
        Assert.Equal((2, 2_100_00L), (report.ByTheme[1].Figures.Discounts, report.ByTheme[1].Figures.DiscountCents));
        Assert.Equal(["internships", "workshops"], report.ByTheme[1].Figures.Measures.Select(m => m.Unit));

        Assert.Equal([ImpactRadius.Building, ImpactRadius.Neighbourhood, ImpactRadius.Area, ImpactRadius.City, ImpactRadius.Region], report.ByRadius.Select(r => r.Radius));
        Assert.Equal([600_00L, 1_500_00L, 0L, 600_00L, 0L], report.ByRadius.Select(r => r.Figures.DiscountCents));
        AssertMeasure(Assert.Single(report.ByRadius[3].Figures.Measures), "internships", 1, 2, 1, 2, 3, 150);

        // The money behind the evidence is the portfolio's discount money of the year.
        var portfolio = await world.Owner.Reports.GetPortfolioReportAsync(world.Staedion.Slug, 2026, Ct);
        Assert.Equal(report.Total.DiscountCents, portfolio.Total.DiscountCents);
    }

    [Fact]
    public async Task A_period_that_runs_into_the_next_year_counts_there_too_with_its_whole_target()
    {
        var world = await ReportScenarios.StaedionWithEvaluatedOfficeAsync(app);

        var report = await world.Owner.Reports.GetImpactReportAsync(world.Staedion.Slug, 2027, Ct);

        // Only the atelier's period (1 July 2026 – 30 June 2027) runs in 2027: January–June, 6 × EUR 250.
        Assert.Equal((1, 1, 1_500_00L), (report.Total.Discounts, report.Total.Periods, report.Total.DiscountCents));
        AssertMeasure(Assert.Single(report.Total.Measures), "workshops", 1, 24, 0, 0, 0, null);
    }

    [Fact]
    public async Task The_impact_as_csv_has_a_line_per_group_and_per_measure()
    {
        var world = await ReportScenarios.StaedionWithEvaluatedOfficeAsync(app);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/tenants/{world.Staedion.Slug}/reports/impact?year=2026");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var response = await world.Owner.Http.SendAsync(request, Ct);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).Split("\r\n");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("section,year,group,theme,radius,discounts,periods,discount_cents,unit,counter_performances,target_total,"
                     + "evaluated_counter_performances,evaluated_target_total,actual_total,achieved_percent", lines[0]);
        Assert.Equal("group,2026,total,,,2,2,210000,,,,,,,", lines[1]);
        Assert.Equal("measure,2026,total,,,,,,internships,1,2,1,2,3,150", lines[2]);
        Assert.Equal("measure,2026,total,,,,,,workshops,1,24,0,0,0,", lines[4]);
        Assert.Equal("group,2026,theme,buurt,,1,1,60000,,,,,,,", lines[5]);
        Assert.Equal("measure,2026,theme,buurt,,,,,open days,1,4,1,4,2,50", lines[6]);
        Assert.Equal("group,2026,radius,,area,0,0,0,,,,,,,", lines[14]);
        Assert.Equal("group,2026,radius,,region,0,0,0,,,,,,,", lines[17]);
        Assert.Equal(19, lines.Length);
    }

    [Fact]
    public async Task Utrecht_reads_the_impact_of_what_Staedion_shares_and_nothing_of_Mitros()
    {
        var world = await ReportScenarios.StaedionWithEvaluatedOfficeAsync(app);

        var report = await world.Municipality.Reports.GetImpactReportAsync(world.Staedion.Slug, 2026, Ct);

        // The office lies in Amersfoort, outside the grant: only the atelier's workshops remain.
        Assert.Equal((1, 1, 1_500_00L), (report.Total.Discounts, report.Total.Periods, report.Total.DiscountCents));
        Assert.Equal(["makers"], report.ByTheme.Select(t => t.Theme));
        Assert.Equal([0L, 1_500_00L, 0L, 0L, 0L], report.ByRadius.Select(r => r.Figures.DiscountCents));
        await ThrowsProblemAsync(404, () => world.Municipality.Reports.GetImpactReportAsync(world.Mitros.Slug, 2026, Ct));
    }

    [Fact]
    public async Task An_impact_without_discounts_lists_the_five_radii_empty_and_the_year_defaults_to_this_year()
    {
        var tenant = await app.CreateTenantAsync();
        var api = await tenant.SignInAsync("reports:read");

        var empty = await api.Reports.GetImpactReportAsync(tenant.Slug, year: null, Ct);

        Assert.Equal((2026, 0, 0L), (empty.Year, empty.Total.Periods, empty.Total.DiscountCents));
        Assert.Empty(empty.ByTheme);
        Assert.Equal([0, 0, 0, 0, 0], empty.ByRadius.Select(r => r.Figures.Periods));
    }
}
