using System.Text.Json;
using Platform.Api.Features.RentRevisions;

namespace Platform.Api.Features.Discounts;

public sealed record DiscountRow
{
    public Guid Id { get; init; }
    public Guid LeaseId { get; init; }
    public string? BudgetLine { get; init; }
    public DateOnly StartDate { get; init; }
    public DateOnly EndDate { get; init; }
    public required string Justification { get; init; }
    public int EvaluationCadenceMonths { get; init; }
    public int ReminderLeadMonths { get; init; }
    public DateOnly? EndedEarlyOn { get; init; }
    public string? EndReason { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public int Version { get; init; }

    /// <summary>The day the discount.ending reminder is due: 30 days before the last day.</summary>
    public DateOnly EndingOn => EndDate.AddDays(-Reminders.ReminderOptions.DiscountEndingLeadDays);
}

public sealed record PeriodRow
{
    public Guid Id { get; init; }
    public Guid DiscountId { get; init; }
    public int Number { get; init; }
    public DateOnly StartDate { get; init; }
    public DateOnly EndDate { get; init; }

    /// <summary>The day the period's terms take effect: its start, or later after a late step-up.</summary>
    public DateOnly TermsFrom { get; init; }
    public required string Terms { get; init; }
    public required string Justification { get; init; }
    public DateOnly EvaluationDueOn { get; init; }
    public bool Evaluated { get; init; }

    public DiscountTerms ParsedTerms => JsonSerializer.Deserialize<DiscountTerms>(Terms, ApiJson.Options)!;

    public PeriodTerms TermsInForce => new(TermsFrom, ParsedTerms);

    public static string Serialize(DiscountTerms terms) => JsonSerializer.Serialize(terms, ApiJson.Options);
}

public sealed record CounterPerformanceRow
{
    public Guid Id { get; init; }
    public Guid DiscountId { get; init; }
    public int PeriodNumber { get; init; }
    public int Position { get; init; }
    public required string Description { get; init; }
    public required string Unit { get; init; }
    public int Target { get; init; }
    public string? Theme { get; init; }
    public required string Radius { get; init; }
}

/// <summary>A discount with its periods (oldest first) and the counter-performances of every period.</summary>
public sealed record DiscountDetails(DiscountRow Discount, IReadOnlyList<PeriodRow> Periods, IReadOnlyList<CounterPerformanceRow> CounterPerformances)
{
    public IEnumerable<CounterPerformanceRow> CounterPerformancesOf(int periodNumber) => CounterPerformances.Where(c => c.PeriodNumber == periodNumber);
}

/// <summary>The lease facts a discount depends on: its term, its base rent month by month and the unit it lets.</summary>
public sealed record LeaseTerms(Guid LeaseId, BaseRent BaseRent, DateOnly StartDate, DateOnly? EndDate, UnitRents Unit);

/// <summary>What a discount is measured against: the unit's area and rents, and whether its plinth lies in a priority neighbourhood.</summary>
public sealed record UnitRents(decimal AreaM2, long? MarketRentCentsPerYear, long? TargetRentCentsPerYear, bool PriorityNeighbourhood);
