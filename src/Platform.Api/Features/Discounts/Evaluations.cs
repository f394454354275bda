using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using FastEndpoints;
using FluentValidation;
using Platform.Api.Persistence;
using Platform.Api.Validation;

namespace Platform.Api.Features.Discounts;

public enum EvaluationDecision
{
    /// <summary>Keep the discount: the next period opens with the same terms.</summary>
    Continue,

    /// <summary>Step toward the target rent: the next period opens with new, smaller terms.</summary>
    StepUp,

    /// <summary>End the discount at the end of the period evaluated (or of the evaluation's month, when later).</summary>
    End,
}

/// <summary>How far a counter-performance got in the period.</summary>
public sealed class CounterPerformanceResult
{
    [Required]
    public Guid CounterPerformanceId { get; init; }

    /// <summary>How many were achieved, in the counter-performance's unit.</summary>
    [Required]
    [Range(0, 1_000_000)]
    public int Actual { get; init; }
}

public sealed class CreateEvaluationRequest
{
    /// <summary>The period evaluated: the discount's open period (each period is evaluated once).</summary>
    [Required]
    [Range(1, 1000)]
    public int PeriodNumber { get; init; }

    /// <summary>The day of the evaluation: not in the future, not before the period starts.</summary>
    [Required]
    public DateOnly EvaluatedOn { get; init; }

    public IReadOnlyList<CounterPerformanceResult>? Results { get; init; }

    [Required]
    public EvaluationDecision? Decision { get; init; }

    /// <summary>For step_up only: the smaller discount of the next period.</summary>
    public DiscountTermsRequest? NewTerms { get; init; }

    /// <summary>For continue and step_up: why the next period is justified (the discount is justified again every period).</summary>
    public string? Justification { get; init; }

    /// <summary>For continue and step_up: what the tenant does in return in the next period, with its targets.</summary>
    public IReadOnlyList<CounterPerformanceRequest>? CounterPerformances { get; init; }

    public string? Notes { get; init; }
}

public sealed class CreateEvaluationValidator : Validator<CreateEvaluationRequest>
{
    public CreateEvaluationValidator()
    {
        RuleFor(e => e.PeriodNumber).InclusiveBetween(1, 1000);
        RuleFor(e => e.EvaluatedOn).NotEmpty();
        RuleFor(e => e.Results!).MaxCount(CreateDiscountValidator.MaxCounterPerformances)
            .Must(results => results is null || results.All(r => r is not null)).WithMessage("A result may not be null.")
            .Must(results => results is null || results.Select(r => r.CounterPerformanceId).Distinct().Count() == results.Count)
            .WithMessage("Give each counter-performance one result.");
        RuleForEach(e => e.Results).ChildRules(result =>
        {
            result.RuleFor(r => r.CounterPerformanceId).NotEmpty();
            result.RuleFor(r => r.Actual).InclusiveBetween(0, 1_000_000);
        });
        RuleFor(e => e.Decision).NotNull().IsInEnum();
        RuleFor(e => e.NewTerms).NotNull().WithMessage("A step-up needs 'newTerms'.").When(e => e.Decision == EvaluationDecision.StepUp);
        RuleFor(e => e.NewTerms).Null().WithMessage("'newTerms' apply only to a step-up.").When(e => e.Decision != EvaluationDecision.StepUp);
        RuleFor(e => e.NewTerms!).SetValidator(new DiscountTermsValidator()).When(e => e.NewTerms is not null);
        When(e => e.Decision is EvaluationDecision.Continue or EvaluationDecision.StepUp, () =>
        {
            RuleFor(e => e.Justification).NotEmpty().WithMessage("Continuing or stepping up needs a new 'justification' for the next period.").TextLength(4000);
            RuleFor(e => e.CounterPerformances).NotEmpty().WithMessage("Continuing or stepping up needs the next period's 'counterPerformances' with their targets.");
            RuleFor(e => e.CounterPerformances!).MaxCount(CreateDiscountValidator.MaxCounterPerformances).When(e => e.CounterPerformances is not null);
            RuleForEach(e => e.CounterPerformances).NotNull().SetValidator(new CounterPerformanceValidator());
        });
        RuleFor(e => e.Justification).Null().WithMessage("'justification' applies only to continue and step_up.").When(e => e.Decision == EvaluationDecision.End);
        RuleFor(e => e.CounterPerformances).Null().WithMessage("'counterPerformances' apply only to continue and step_up.").When(e => e.Decision == EvaluationDecision.End);
        RuleFor(e => e.Notes).TextLength(4000);
    }
}

public sealed class EvaluationRow
{
    public Guid Id { get; init; }
    public Guid DiscountId { get; init; }
    public int PeriodNumber { get; init; }
    public DateOnly EvaluatedOn { get; init; }
    public required string Decision { get; init; }
    public required string Results { get; init; }
    public string? NewTerms { get; init; }
    public string? Notes { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }

    public static string SerializeResults(IReadOnlyList<CounterPerformanceResult>? results) => JsonSerializer.Serialize(results ?? [], ApiJson.Options);

    public static IReadOnlyList<CounterPerformanceResult> ParseResults(string results) =>
        JsonSerializer.Deserialize<List<CounterPerformanceResult>>(results, ApiJson.Options) ?? [];
}

public sealed class EvaluationResponse
{
    public required Guid Id { get; init; }

    public required Guid DiscountId { get; init; }

    /// <summary>The period evaluated.</summary>
    [Range(1, 1000)]
    public required int PeriodNumber { get; init; }

    public required DateOnly EvaluatedOn { get; init; }

    [MaxLength(CreateDiscountValidator.MaxCounterPerformances)]
    public required IReadOnlyList<CounterPerformanceResult> Results { get; init; }

    public required EvaluationDecision Decision { get; init; }

    public DiscountPeriodResponse? NextPeriod { get; init; }

    [MaxLength(4000)]
    public string? Notes { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The API client that recorded the evaluation.</summary>
    [MaxLength(FieldLimits.ClientId)]
    public required string CreatedBy { get; init; }

    public static EvaluationResponse From(EvaluationRow row, DiscountDetails discount) => new()
    {
        Id = row.Id,
        DiscountId = row.DiscountId,
        PeriodNumber = row.PeriodNumber,
        EvaluatedOn = row.EvaluatedOn,
        Results = EvaluationRow.ParseResults(row.Results),
        Decision = EnumText<EvaluationDecision>.Parse(row.Decision),
        NextPeriod = discount.Periods.SingleOrDefault(p => p.Number == row.PeriodNumber + 1) is { } next ? DiscountPeriodResponse.From(next, discount) : null,
        Notes = row.Notes,
        CreatedAt = row.CreatedAt,
        CreatedBy = row.CreatedBy,
    };
}
