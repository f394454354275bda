using System.ComponentModel.DataAnnotations;
using Platform.Api.Features.Discounts;

namespace Platform.Api.Features.Rent;

/// <summary>The monthly rent of a lease on a day: base, discount and what the tenant pays.</summary>
public sealed class RentResponse
{
    public required DateOnly On { get; init; }

    /// <summary>Whether the lease is in force on that day; if not, every amount is zero.</summary>
    public required bool LeaseInForce { get; init; }

    [Range(0, RentArithmetic.MaxCentsPerMonth)]
    public required long BaseCentsPerMonth { get; init; }

    [Range(0, RentArithmetic.MaxCentsPerMonth)]
    public required long DiscountCentsPerMonth { get; init; }

    [Range(0, RentArithmetic.MaxCentsPerMonth)]
    public required long EffectiveCentsPerMonth { get; init; }

    /// <summary>The discount in force that day, if any.</summary>
    public Guid? DiscountId { get; init; }
}

public sealed class RentScheduleRow
{
    /// <summary>The first day of the month; the month is charged at the terms in force that day.</summary>
    public required DateOnly Month { get; init; }

    [Range(0, RentArithmetic.MaxCentsPerMonth)]
    public required long BaseCents { get; init; }

    [Range(0, RentArithmetic.MaxCentsPerMonth)]
    public required long DiscountCents { get; init; }

    [Range(0, RentArithmetic.MaxCentsPerMonth)]
    public required long EffectiveCents { get; init; }

    /// <summary>The effective rent per m² of the unit per year, in euro cents; null when the lease is not in force that month.</summary>
    [Range(0, long.MaxValue)]
    public required long? EffectiveCentsPerM2PerYear { get; init; }

    /// <summary>How many percent the effective rent lies below the unit's market rent (negative when above; two decimals); null without a market rent or outside the lease.</summary>
    public required decimal? BelowMarketPercent { get; init; }

    /// <summary>How many percent the effective rent lies below the unit's target rent (negative when above; two decimals); null without a target rent or outside the lease.</summary>
    public required decimal? BelowTargetPercent { get; init; }
}

public sealed class RentScheduleResponse
{
    [MaxLength(RentScheduleRules.MaxMonths)]
    public required IReadOnlyList<RentScheduleRow> Months { get; init; }

    [Range(0, long.MaxValue)]
    public required long TotalEffectiveCents { get; init; }

    [Range(0, long.MaxValue)]
    public required long TotalDiscountCents { get; init; }
}

public static class RentScheduleRules
{
    public const int MaxMonths = 120;
}
