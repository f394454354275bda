using Platform.Api.Features.Discounts;

namespace Platform.Api.Features.Reports.Impact;

/// <summary>One counter-performance of a period: what it counts, where it lands, its target, and the actual an evaluation recorded.</summary>
public sealed record ImpactCounterPerformance(string? Theme, ImpactRadius Radius, string Unit, int Target, int? Actual);

/// <summary>An evaluation period that runs in the report's year: its discount, the discount money of its months in the year, and its counter-performances.</summary>
public sealed record ImpactPeriod(Guid DiscountId, long DiscountCents, IReadOnlyList<ImpactCounterPerformance> CounterPerformances);

/// <summary>Targets against actuals of the counter-performances that count the same thing (their unit, e.g. workshops).</summary>
public sealed record ImpactMeasure(string Unit, int CounterPerformances, long Target, int Evaluated, long EvaluatedTarget, long Actual, decimal? AchievedPercent);

/// <summary>The periods behind a theme or a radius: how many discounts and periods, their discount money in the year, and their measures.</summary>
public sealed record ImpactGroup(int Discounts, int Periods, long DiscountCents, IReadOnlyList<ImpactMeasure> Measures);

/// <summary>
/// The impact evidence in pure arithmetic. A period counts in every year it runs in: with its whole targets (targets are per
/// period), the actuals its evaluation recorded, and the discount money of its months in that year (each month at the terms in
/// force on its first day, as the portfolio counts it, so the impact report's money of a year is the portfolio's). A period
/// behind two themes or radii counts under each; the total counts it once. Achievement is the actuals over the targets of the
/// evaluated counter-performances only, in percent, rounded half away from zero to two decimals.
/// </summary>
public static class ImpactArithmetic
{
    public static bool RunsIn(DateOnly start, DateOnly end, int year) => start.Year <= year && end.Year >= year;

    /// <summary>The discount money of the months of the year whose first day lies in the period.</summary>
    public static long MoneyInYear(DiscountSchedule schedule, DateOnly periodStart, DateOnly periodEnd, int year)
    {
        long cents = 0;
        for (var month = new DateOnly(year, 1, 1); month.Year == year; month = month.AddMonths(1))
        {
            if (month >= periodStart && month <= periodEnd)
                cents += schedule.DiscountOn(month);
        }

        return cents;
    }

    public static ImpactGroup Total(IReadOnlyCollection<ImpactPeriod> periods) => Group(periods.Select(p => (p, p.CounterPerformances)).ToList());

    /// <summary>Every theme named in the periods (no theme as null, last), in ordinal order.</summary>
    public static IReadOnlyList<(string? Theme, ImpactGroup Group)> ByTheme(IReadOnlyCollection<ImpactPeriod> periods) =>
        periods.SelectMany(p => p.CounterPerformances).Select(c => c.Theme).Distinct()
            .OrderBy(t => t is null).ThenBy(t => t, StringComparer.Ordinal)
            .Select(theme => (theme, Behind(periods, c => c.Theme == theme)))
            .ToList();

    /// <summary>Every radius of the value fan, building to region, those without counter-performances too.</summary>
    public static IReadOnlyList<(ImpactRadius Radius, ImpactGroup Group)> ByRadius(IReadOnlyCollection<ImpactPeriod> periods) =>
        Enum.GetValues<ImpactRadius>().Select(radius => (radius, Behind(periods, c => c.Radius == radius))).ToList();

    static ImpactGroup Behind(IReadOnlyCollection<ImpactPeriod> periods, Func<ImpactCounterPerformance, bool> belongs) =>
        Group(periods.Select(p => (p, (IReadOnlyList<ImpactCounterPerformance>)p.CounterPerformances.Where(belongs).ToList()))
            .Where(x => x.Item2.Count > 0).ToList());

    static ImpactGroup Group(IReadOnlyList<(ImpactPeriod Period, IReadOnlyList<ImpactCounterPerformance> CounterPerformances)> counted) => new(
        counted.Select(c => c.Period.DiscountId).Distinct().Count(),
        counted.Count,
        counted.Sum(c => c.Period.DiscountCents),
        counted.SelectMany(c => c.CounterPerformances).GroupBy(c => c.Unit).OrderBy(g => g.Key, StringComparer.Ordinal).Select(Measure).ToList());

    static ImpactMeasure Measure(IGrouping<string, ImpactCounterPerformance> unit)
    {
        var evaluated = unit.Where(c => c.Actual is not null).ToList();
        var evaluatedTarget = evaluated.Sum(c => (long)c.Target);
        var actual = evaluated.Sum(c => (long)c.Actual!.Value);
        return new ImpactMeasure(unit.Key, unit.Count(), unit.Sum(c => (long)c.Target), evaluated.Count, evaluatedTarget, actual,
            evaluatedTarget > 0 ? Math.Round(actual * 100m / evaluatedTarget, 2, MidpointRounding.AwayFromZero) : null);
    }
}
