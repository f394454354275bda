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

    /// <summary>End the discount at the end of the period evaluated.</summary>
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
    /// <summary>The day of the evaluation; it evaluates the period it falls in (or the last one opened, when later).</summary>
    [Required]
    public DateOnly EvaluatedOn { get; init; }

    public IReadOnlyList<CounterPerformanceResult>? Results { get; init; }

    [Required]
    public EvaluationDecision? Decision { get; init; }

    /// <summary>For step_up only: the smaller discount of the next period.</summary>
    public DiscountTermsRequest? NewTerms { get; init; }

    public string? Notes { get; init; }
}

public sealed class CreateEvaluationValidator : Validator<CreateEvaluationRequest>
{
    public CreateEvaluationValidator()
    {
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

    public static EvaluationResponse From(EvaluationRow row, PeriodRow? nextPeriod) => new()
    {
        Id = row.Id,
        DiscountId = row.DiscountId,
        PeriodNumber = row.PeriodNumber,
        EvaluatedOn = row.EvaluatedOn,
        Results = JsonSerializer.Deserialize<List<CounterPerformanceResult>>(row.Results, ApiJson.Options) ?? [],
        Decision = EnumText<EvaluationDecision>.Parse(row.Decision),
        NextPeriod = nextPeriod is null ? null : DiscountPeriodResponse.From(nextPeriod),
        Notes = row.Notes,
        CreatedAt = row.CreatedAt,
        CreatedBy = row.CreatedBy,
    };
}
