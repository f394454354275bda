using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using Platform.Api.Features.Discounts;
using Platform.Api.Persistence;

namespace Platform.Api.Features.Reports.Impact;

/// <summary>Targets against actuals of the counter-performances that count the same thing (their unit).</summary>
public sealed class ImpactMeasureResponse
{
    /// <summary>What is counted, e.g. "workshops" or "people reached".</summary>
    [MaxLength(100)]
    public required string Unit { get; init; }

    [Range(0, int.MaxValue)]
    public required int CounterPerformances { get; init; }

    /// <summary>The sum of their targets (each per evaluation period).</summary>
    [Range(0, long.MaxValue)]
    public required long TargetTotal { get; init; }

    /// <summary>How many of them have an actual recorded in an evaluation.</summary>
    [Range(0, int.MaxValue)]
    public required int EvaluatedCounterPerformances { get; init; }

    /// <summary>The sum of the targets of those evaluated.</summary>
    [Range(0, long.MaxValue)]
    public required long EvaluatedTargetTotal { get; init; }

    /// <summary>The sum of the actuals recorded.</summary>
    [Range(0, long.MaxValue)]
    public required long ActualTotal { get; init; }

    /// <summary>actualTotal over evaluatedTargetTotal in percent (two decimals, above 100 when exceeded); null when none is evaluated.</summary>
    public required decimal? AchievedPercent { get; init; }

    public static ImpactMeasureResponse From(ImpactMeasure measure) => new()
    {
        Unit = measure.Unit,
        CounterPerformances = measure.CounterPerformances,
        TargetTotal = measure.Target,
        EvaluatedCounterPerformances = measure.Evaluated,
        EvaluatedTargetTotal = measure.EvaluatedTarget,
        ActualTotal = measure.Actual,
        AchievedPercent = measure.AchievedPercent,
    };
}

/// <summary>The evaluation periods behind a theme, a radius or the whole report, with their discount money in the year.</summary>
public sealed class ImpactFiguresResponse
{
    [Range(0, int.MaxValue)]
    public required int Discounts { get; init; }

    [Range(0, int.MaxValue)]
    public required int Periods { get; init; }

    /// <summary>The discount money of these periods' months in the year.</summary>
    [Range(0, long.MaxValue)]
    public required long DiscountCents { get; init; }

    /// <summary>Per unit counted, in ordinal order.</summary>
    public required IReadOnlyList<ImpactMeasureResponse> Measures { get; init; }

    public static ImpactFiguresResponse From(ImpactGroup group) => new()
    {
        Discounts = group.Discounts,
        Periods = group.Periods,
        DiscountCents = group.DiscountCents,
        Measures = group.Measures.Select(ImpactMeasureResponse.From).ToList(),
    };
}

public sealed class ImpactThemeResponse
{
    /// <summary>The counter-performances' theme; null for those without one.</summary>
    [MaxLength(100)]
    public required string? Theme { get; init; }

    public required ImpactFiguresResponse Figures { get; init; }
}

public sealed class ImpactRadiusResponse
{
    public required ImpactRadius Radius { get; init; }

    public required ImpactFiguresResponse Figures { get; init; }
}

public sealed class ImpactReportResponse
{
    [Range(ReportYears.First, ReportYears.Last)]
    public required int Year { get; init; }

    /// <summary>Every period that runs in the year, each once.</summary>
    public required ImpactFiguresResponse Total { get; init; }

    /// <summary>Per theme, in ordinal order, no theme last; a period behind two themes counts under both.</summary>
    public required IReadOnlyList<ImpactThemeResponse> ByTheme { get; init; }

    /// <summary>Per radius of the value fan: building, neighbourhood, area, city, region (all five, empty ones too).</summary>
    [MaxLength(5)]
    public required IReadOnlyList<ImpactRadiusResponse> ByRadius { get; init; }
}

/// <summary>
/// One line of the impact report's CSV: a group (section group: the total, a theme or a radius, with its discounts, periods and
/// money) or one of its measures (section measure: the same group columns and the unit counted, without the money, so that a
/// spreadsheet's sum of discount_cents over the group lines of one kind is the report's).
/// </summary>
public sealed record ImpactCsvRow(string Section, int Year, string Group, string? Theme, ImpactRadius? Radius, ImpactFiguresResponse? Figures, ImpactMeasureResponse? Measure);

public sealed class GetImpactReportEndpoint(ReportStore reports, PlatformCalendar calendar)
    : ReportEndpoint<ReportYearRequest, ImpactReportResponse, ImpactCsvRow>
{
    static readonly CsvTable<ImpactCsvRow> Table = new([
        new("section", r => r.Section),
        new("year", r => r.Year),
        new("group", r => r.Group),
        new("theme", r => r.Theme),
        new("radius", r => r.Radius),
        new("discounts", r => r.Figures?.Discounts),
        new("periods", r => r.Figures?.Periods),
        new("discount_cents", r => r.Figures?.DiscountCents),
        new("unit", r => r.Measure?.Unit),
        new("counter_performances", r => r.Measure?.CounterPerformances),
        new("target_total", r => r.Measure?.TargetTotal),
        new("evaluated_counter_performances", r => r.Measure?.EvaluatedCounterPerformances),
        new("evaluated_target_total", r => r.Measure?.EvaluatedTargetTotal),
        new("actual_total", r => r.Measure?.ActualTotal),
        new("achieved_percent", r => r.Measure?.AchievedPercent),
    ]);

    protected override CsvTable<ImpactCsvRow> Csv => Table;

    public override void Configure()
    {
        ReportRoute("/v1/tenants/{tenant}/reports/impact");
        Summary(s =>
        {
            s.Summary = "Get the impact report";
            s.Description = "The counter-performances (maatschappelijke tegenprestaties) of the discount periods that run in the year, with "
                            + "their targets against the actuals recorded in evaluations, per unit counted: in total, per theme and per radius of "
                            + "the value fan (building, neighbourhood, area, city, region), each with the discount money behind it in the year "
                            + "(the months of the year whose first day lies in the period, as the portfolio counts them). A period that runs in "
                            + "two years counts in both with its whole targets; one behind two themes counts under each. A grantee of the "
                            + "owner's reports reads it over the plinths its grant shares. With Accept: text/csv it answers one CSV table: a "
                            + "line per group (section group; group total, theme or radius) and per measure of a group (section measure).";
        });
    }

    protected override async Task<ImpactReportResponse> ReportAsync(ReportYearRequest req, CancellationToken ct)
    {
        var year = req.Year ?? calendar.Today.Year;
        var leases = await reports.LeasesAsync(year, ct);
        var counterPerformances = (await reports.CounterPerformancesAsync(year, ct)).ToLookup(c => (c.DiscountId, c.PeriodNumber));
        var results = await reports.EvaluationResultsAsync(year, ct);
        var periods = leases.SelectMany(l => l.Discounts).SelectMany(d => d.Periods
            .Where(p => ImpactArithmetic.RunsIn(p.StartDate, p.EndDate, year))
            .Select(p =>
            {
                var actuals = results.GetValueOrDefault((d.DiscountId, p.Number))?.ToDictionary(r => r.CounterPerformanceId, r => r.Actual);
                return new ImpactPeriod(d.DiscountId, ImpactArithmetic.MoneyInYear(d.Schedule, p.StartDate, p.EndDate, year),
                    counterPerformances[(d.DiscountId, p.Number)].OrderBy(c => c.Position)
                        .Select(c => new ImpactCounterPerformance(c.Theme, EnumText<ImpactRadius>.Parse(c.Radius), c.Unit, c.Target,
                            actuals?.TryGetValue(c.Id, out var actual) == true ? actual : null))
                        .ToList());
            }))
            .ToList();
        return new ImpactReportResponse
        {
            Year = year,
            Total = ImpactFiguresResponse.From(ImpactArithmetic.Total(periods)),
            ByTheme = ImpactArithmetic.ByTheme(periods).Select(t => new ImpactThemeResponse { Theme = t.Theme, Figures = ImpactFiguresResponse.From(t.Group) }).ToList(),
            ByRadius = ImpactArithmetic.ByRadius(periods).Select(r => new ImpactRadiusResponse { Radius = r.Radius, Figures = ImpactFiguresResponse.From(r.Group) }).ToList(),
        };
    }

    protected override IEnumerable<ImpactCsvRow> CsvRows(ImpactReportResponse report) =>
        Lines(report.Year, "total", null, null, report.Total)
            .Concat(report.ByTheme.SelectMany(t => Lines(report.Year, "theme", t.Theme, null, t.Figures)))
            .Concat(report.ByRadius.SelectMany(r => Lines(report.Year, "radius", null, r.Radius, r.Figures)));

    static IEnumerable<ImpactCsvRow> Lines(int year, string group, string? theme, ImpactRadius? radius, ImpactFiguresResponse figures) =>
        figures.Measures.Select(m => new ImpactCsvRow("measure", year, group, theme, radius, null, m))
            .Prepend(new ImpactCsvRow("group", year, group, theme, radius, figures, null));
}
