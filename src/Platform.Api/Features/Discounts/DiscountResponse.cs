using System.ComponentModel.DataAnnotations;
using Platform.Api.Concurrency;
using Platform.Api.Persistence;

namespace Platform.Api.Features.Discounts;

public sealed class CounterPerformanceResponse
{
    public required Guid Id { get; init; }

    [MaxLength(1000)]
    public required string Description { get; init; }

    [MaxLength(100)]
    public required string Unit { get; init; }

    [Range(1, 1_000_000)]
    public required int Target { get; init; }

    [MaxLength(100)]
    public string? Theme { get; init; }

    public required ImpactRadius Radius { get; init; }

    public static CounterPerformanceResponse From(CounterPerformanceRow row) => new()
    {
        Id = row.Id,
        Description = row.Description,
        Unit = row.Unit,
        Target = row.Target,
        Theme = row.Theme,
        Radius = EnumText<ImpactRadius>.Parse(row.Radius),
    };
}

/// <summary>One evaluation period: its terms, justification and counter-performances, and when its evaluation is due.</summary>
public sealed class DiscountPeriodResponse
{
    [Range(1, 1000)]
    public required int Number { get; init; }

    public required DateOnly StartDate { get; init; }

    public required DateOnly EndDate { get; init; }

    /// <summary>The day the period's terms take effect: its start, or the first of a later month after a late step-up (the months before keep the previous terms).</summary>
    public required DateOnly TermsFrom { get; init; }

    public required DateOnly EvaluationDueOn { get; init; }

    public required bool Evaluated { get; init; }

    public required DiscountKind Kind { get; init; }

    [Range(1, 100)]
    public int? Percentage { get; init; }

    [Range(1, RentArithmetic.MaxCentsPerMonth)]
    public long? FixedCentsPerMonth { get; init; }

    [MaxLength(DiscountTermsValidator.MaxSteps)]
    public IReadOnlyList<RentStep>? Steps { get; init; }

    /// <summary>Why the discount was granted or continued for this period.</summary>
    [MaxLength(4000)]
    public required string Justification { get; init; }

    /// <summary>What the tenant does in return in this period, with its targets.</summary>
    [MaxLength(CreateDiscountValidator.MaxCounterPerformances)]
    public required IReadOnlyList<CounterPerformanceResponse> CounterPerformances { get; init; }

    public static DiscountPeriodResponse From(PeriodRow row, DiscountDetails discount)
    {
        var terms = row.ParsedTerms;
        return new DiscountPeriodResponse
        {
            Number = row.Number,
            StartDate = row.StartDate,
            EndDate = row.EndDate,
            TermsFrom = row.TermsFrom,
            EvaluationDueOn = row.EvaluationDueOn,
            Evaluated = row.Evaluated,
            Kind = terms.Kind,
            Percentage = terms.Percentage,
            FixedCentsPerMonth = terms.FixedCentsPerMonth,
            Steps = terms.Steps,
            Justification = row.Justification,
            CounterPerformances = discount.CounterPerformancesOf(row.Number).Select(CounterPerformanceResponse.From).ToList(),
        };
    }
}

public sealed class DiscountResponse
{
    public required Guid Id { get; init; }

    public required Guid LeaseId { get; init; }

    /// <summary>The budget line the discount money is charged to, if any.</summary>
    [MaxLength(Validation.FieldLimits.Name)]
    public string? BudgetLine { get; init; }

    public required DateOnly StartDate { get; init; }

    /// <summary>The last day of the discount: extended by evaluations that continue it, brought forward when it ends.</summary>
    public required DateOnly EndDate { get; init; }

    public DateOnly? EndedEarlyOn { get; init; }

    [MaxLength(1000)]
    public string? EndReason { get; init; }

    /// <summary>The justification of the latest period (each period keeps its own).</summary>
    [MaxLength(4000)]
    public required string Justification { get; init; }

    [Range(1, 60)]
    public required int EvaluationCadenceMonths { get; init; }

    [Range(1, 12)]
    public required int ReminderLeadMonths { get; init; }

    public required TermStatus Status { get; init; }

    /// <summary>The counter-performances of the latest period (each period keeps its own).</summary>
    [MaxLength(CreateDiscountValidator.MaxCounterPerformances)]
    public required IReadOnlyList<CounterPerformanceResponse> CounterPerformances { get; init; }

    /// <summary>The evaluation periods so far, oldest first; the last one holds the terms in force now.</summary>
    [MaxLength(1000)]
    public required IReadOnlyList<DiscountPeriodResponse> Periods { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    [MaxLength(12)]
    [RegularExpression(ETags.Pattern)]
    [System.Text.Json.Serialization.JsonPropertyName("etag")]
    public required string ETag { get; init; }

    public static DiscountResponse From(DiscountDetails details, TermStatus status) => new()
    {
        Id = details.Discount.Id,
        LeaseId = details.Discount.LeaseId,
        BudgetLine = details.Discount.BudgetLine,
        StartDate = details.Discount.StartDate,
        EndDate = details.Discount.EndDate,
        EndedEarlyOn = details.Discount.EndedEarlyOn,
        EndReason = details.Discount.EndReason,
        Justification = details.Periods[^1].Justification,
        EvaluationCadenceMonths = details.Discount.EvaluationCadenceMonths,
        ReminderLeadMonths = details.Discount.ReminderLeadMonths,
        Status = status,
        CounterPerformances = details.CounterPerformancesOf(details.Periods[^1].Number).Select(CounterPerformanceResponse.From).ToList(),
        Periods = details.Periods.Select(p => DiscountPeriodResponse.From(p, details)).ToList(),
        CreatedAt = details.Discount.CreatedAt,
        UpdatedAt = details.Discount.UpdatedAt,
        ETag = ETags.For(details.Discount.Version),
    };
}
