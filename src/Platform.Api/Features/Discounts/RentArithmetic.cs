using System.ComponentModel.DataAnnotations;

namespace Platform.Api.Features.Discounts;

public enum DiscountKind
{
    /// <summary>A percentage off the base rent.</summary>
    Percentage,

    /// <summary>A fixed monthly amount off the base rent.</summary>
    Fixed,

    /// <summary>A growth-in schedule (ingroeihuur): the monthly rent from each date on.</summary>
    Stepped,
}

/// <summary>One step of a growth-in schedule: from this date on, the tenant pays this monthly rent.</summary>
public sealed record RentStep
{
    [Required]
    public required DateOnly FromDate { get; init; }

    [Required]
    [Range(0, RentArithmetic.MaxCentsPerMonth)]
    public required long MonthlyRentCents { get; init; }
}

/// <summary>What a discount is in one evaluation period.</summary>
public sealed record DiscountTerms(DiscountKind Kind, int? Percentage, long? FixedCentsPerMonth, IReadOnlyList<RentStep>? Steps);

/// <summary>One month of a rent schedule, charged at the terms in force on its first day.</summary>
public sealed record MonthlyRent(DateOnly Month, long BaseCents, long DiscountCents)
{
    public long EffectiveCents => BaseCents - DiscountCents;
}

/// <summary>
/// The money of a discount, in whole euro cents. A percentage discount is rounded half up to a whole cent
/// (33 % of 1,234.57 is 407.41); a fixed discount or a step never takes the rent below zero or above the base
/// rent; a month is charged at the terms in force on its first day.
/// </summary>
public static class RentArithmetic
{
    public const long MaxCentsPerMonth = 1_000_000_000;

    public static long DiscountCents(long baseCents, DiscountTerms terms, DateOnly on) => terms.Kind switch
    {
        DiscountKind.Percentage => RoundHalfUp(baseCents * terms.Percentage!.Value, 100),
        DiscountKind.Fixed => Math.Min(baseCents, terms.FixedCentsPerMonth!.Value),
        DiscountKind.Stepped => baseCents - Math.Min(baseCents, StepRent(terms.Steps!, on) ?? baseCents),
        _ => throw new ArgumentOutOfRangeException(nameof(terms)),
    };

    /// <summary>The rent of the last step that started on or before <paramref name="on"/>.</summary>
    static long? StepRent(IReadOnlyList<RentStep> steps, DateOnly on)
    {
        // A loop, not LINQ: the reports ask this for every month of every stepped discount. Of two steps from the same day, the later listed.
        RentStep? inForce = null;
        foreach (var step in steps)
        {
            if (step.FromDate <= on && (inForce is null || step.FromDate >= inForce.FromDate))
                inForce = step;
        }

        return inForce?.MonthlyRentCents;
    }

    static long RoundHalfUp(long numerator, long denominator) => (numerator + denominator / 2) / denominator;

    /// <summary>The first day of every month from the month of <paramref name="from"/> to the month of <paramref name="to"/>.</summary>
    public static IEnumerable<DateOnly> MonthStarts(DateOnly from, DateOnly to)
    {
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
            yield return month;
    }
}

/// <summary>How a discount's term is cut into evaluation periods, and when each evaluation is due.</summary>
public static class EvaluationPeriods
{
    /// <summary>
    /// The last day of the period that starts on <paramref name="start"/>: the day before the same day one cadence
    /// later, or that month's last day when it has no such day (31 January + one month ends on 28 February, and the
    /// next period starts on 1 March); never after the term.
    /// </summary>
    public static DateOnly EndOf(DateOnly start, int cadenceMonths, DateOnly? termEnd = null)
    {
        var sameDayLater = start.AddMonths(cadenceMonths);
        var end = sameDayLater.Day < start.Day ? sameDayLater : sameDayLater.AddDays(-1);
        return termEnd is { } last && last < end ? last : end;
    }

    /// <summary>
    /// The reminder date: <paramref name="leadMonths"/> calendar months before the period's end, the day after its
    /// last day ("drie maanden voor afloop"): a period ending 28 February 2027 is due on 1 December 2026.
    /// </summary>
    public static DateOnly DueOn(DateOnly periodEnd, int leadMonths) => periodEnd.AddDays(1).AddMonths(-leadMonths);
}
