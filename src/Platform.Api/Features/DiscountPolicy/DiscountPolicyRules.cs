using Platform.Api.Features.Discounts;
using Platform.Api.Features.Rent;

namespace Platform.Api.Features.DiscountPolicy;

/// <summary>A tenant's discount policy; a rule that is null does not apply, and a policy without rules is no policy.</summary>
public sealed record DiscountPolicyRules(int? MinBelowMarketPercent, int? MaxBelowMarketPercent, int? MaxTermMonths, bool? PriorityNeighbourhoodsOnly)
{
    /// <summary>
    /// Whether a discount term (a new discount, or the period an evaluation opens) keeps to the policy: it lies in a
    /// priority neighbourhood when that is required, runs at most <see cref="MaxTermMonths"/> calendar months, and in
    /// each of its months the effective rent lies between the minimum and maximum percentage below the unit's market
    /// rent. Null when it keeps to every rule; otherwise the first rule it breaks.
    /// </summary>
    public PolicyBreach? BreachOf(UnitRents unit, DateOnly start, DateOnly end, IEnumerable<long> effectiveCentsPerMonth)
    {
        if (PriorityNeighbourhoodsOnly == true && !unit.PriorityNeighbourhood)
            return new PolicyBreach("priorityNeighbourhoodsOnly", "The policy grants discounts only in priority neighbourhoods; the unit's plinth is not in one.");
        if (MaxTermMonths is { } maxMonths && end > EvaluationPeriods.EndOf(start, maxMonths))
            return new PolicyBreach("maxTermMonths", $"The policy allows a term of at most {maxMonths} months; {start:yyyy-MM-dd} to {end:yyyy-MM-dd} is longer.");
        if (MinBelowMarketPercent is null && MaxBelowMarketPercent is null)
            return null;
        if (unit.MarketRentCentsPerYear is not { } market || market == 0)
            return new PolicyBreach(MinBelowMarketPercent is null ? "maxBelowMarketPercent" : "minBelowMarketPercent",
                "The policy measures a discount against the market rent; the unit has none.");
        foreach (var effective in effectiveCentsPerMonth)
        {
            var below = RentMeasures.BelowPercent(12 * effective, market);
            if (MinBelowMarketPercent is { } min && below < min)
                return new PolicyBreach("minBelowMarketPercent", $"The policy needs a rent at least {min} % below the market rent; this one is {below:0.##} % below.");
            if (MaxBelowMarketPercent is { } max && below > max)
                return new PolicyBreach("maxBelowMarketPercent", $"The policy allows a rent at most {max} % below the market rent; this one is {below:0.##} % below.");
        }

        return null;
    }
}

/// <summary>The rule of the policy a request breaks (its JSON name), and why.</summary>
public sealed record PolicyBreach(string Rule, string Detail);
