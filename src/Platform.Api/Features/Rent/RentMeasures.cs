using Platform.Api.Features.Discounts;

namespace Platform.Api.Features.Rent;

/// <summary>
/// A monthly rent as the seeds justify a discount: per m² per year, and how far it lies below the unit's market rent
/// and target rent (negative when above). Percentages are rounded half away from zero to two decimals.
/// </summary>
public sealed record RentMeasures(long EffectiveCentsPerM2PerYear, decimal? BelowMarketPercent, decimal? BelowTargetPercent)
{
    public static RentMeasures Of(long effectiveCentsPerMonth, UnitRents unit)
    {
        var perYear = 12 * effectiveCentsPerMonth;
        return new RentMeasures(
            unit.AreaM2 > 0 ? (long)Math.Round(perYear / unit.AreaM2, MidpointRounding.AwayFromZero) : 0,
            unit.MarketRentCentsPerYear is { } market and > 0 ? Math.Round(BelowPercent(perYear, market), 2, MidpointRounding.AwayFromZero) : null,
            unit.TargetRentCentsPerYear is { } target and > 0 ? Math.Round(BelowPercent(perYear, target), 2, MidpointRounding.AwayFromZero) : null);
    }

    /// <summary>How many percent <paramref name="centsPerYear"/> lies below <paramref name="referenceCentsPerYear"/>, unrounded.</summary>
    public static decimal BelowPercent(long centsPerYear, long referenceCentsPerYear) =>
        (referenceCentsPerYear - centsPerYear) * 100m / referenceCentsPerYear;
}
