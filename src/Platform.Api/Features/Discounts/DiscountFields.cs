using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Platform.Api.Validation;

namespace Platform.Api.Features.Discounts;

public enum ImpactRadius
{
    Building,
    Neighbourhood,
    Area,
    City,
    Region,
}

/// <summary>A discount's terms as a client writes them; which fields apply depends on <see cref="Kind"/>.</summary>
public abstract class DiscountTermsFields
{
    [Required]
    public DiscountKind? Kind { get; init; }

    /// <summary>For percentage: percent off the base rent, 1–100 (practice: 10–40).</summary>
    public int? Percentage { get; init; }

    /// <summary>For fixed: euro cents off the base rent per month, at most the base rent.</summary>
    public long? FixedCentsPerMonth { get; init; }

    /// <summary>For stepped: the growth-in schedule, dates rising, rents not falling, the first on the start date, none above the base rent.</summary>
    public IReadOnlyList<RentStep>? Steps { get; init; }

    public DiscountTerms ToTerms() => new(Kind!.Value, Percentage, FixedCentsPerMonth, Steps);
}

/// <summary>New terms for a step-up: a smaller discount than the current one.</summary>
public sealed class DiscountTermsRequest : DiscountTermsFields;

public sealed class DiscountTermsValidator : AbstractValidator<DiscountTermsFields>
{
    public const int MaxSteps = 60;

    public DiscountTermsValidator()
    {
        RuleFor(t => t.Kind).NotNull().IsInEnum();
        RuleFor(t => t.Percentage).NotNull().WithMessage("A percentage discount needs 'percentage'.").InclusiveBetween(1, 100).When(t => t.Kind == DiscountKind.Percentage);
        RuleFor(t => t.Percentage).Null().WithMessage("'percentage' applies only to a percentage discount.").When(t => t.Kind != DiscountKind.Percentage);
        RuleFor(t => t.FixedCentsPerMonth).NotNull().WithMessage("A fixed discount needs 'fixedCentsPerMonth'.").InclusiveBetween(1, RentArithmetic.MaxCentsPerMonth).When(t => t.Kind == DiscountKind.Fixed);
        RuleFor(t => t.FixedCentsPerMonth).Null().WithMessage("'fixedCentsPerMonth' applies only to a fixed discount.").When(t => t.Kind != DiscountKind.Fixed);
        RuleFor(t => t.Steps).Null().WithMessage("'steps' apply only to a stepped discount.").When(t => t.Kind != DiscountKind.Stepped);
        When(t => t.Kind == DiscountKind.Stepped, () =>
        {
            RuleFor(t => t.Steps).NotEmpty().WithMessage("A stepped discount needs its steps.")
                .Must(steps => steps!.All(s => s is not null)).WithMessage("A step may not be null.");
            RuleFor(t => t.Steps!).MaxCount(MaxSteps)
                .Must(steps => steps.Zip(steps.Skip(1)).All(p => p.First.FromDate < p.Second.FromDate))
                .WithMessage("Each step must start after the one before it.")
                .Must(steps => steps.Zip(steps.Skip(1)).All(p => p.First.MonthlyRentCents <= p.Second.MonthlyRentCents))
                .WithMessage("A growth-in schedule rises: no step may ask less rent than the one before it.")
                .When(t => t.Steps is not null && t.Steps.All(s => s is not null));
            RuleForEach(t => t.Steps).ChildRules(step =>
                step.RuleFor(s => s.MonthlyRentCents).InclusiveBetween(0, RentArithmetic.MaxCentsPerMonth));
        });
    }
}

public sealed class CounterPerformanceRequest
{
    /// <summary>What the tenant does for the neighbourhood, e.g. "Open workshops for children from the neighbourhood".</summary>
    [Required]
    public string Description { get; init; } = "";

    /// <summary>What is counted, e.g. "workshops" or "people reached".</summary>
    [Required]
    public string Unit { get; init; } = "";

    /// <summary>How many per evaluation period.</summary>
    [Required]
    public int Target { get; init; }

    public string? Theme { get; init; }

    /// <summary>Where the impact lands (the value fan): building, neighbourhood, area, city or region.</summary>
    [Required]
    public ImpactRadius? Radius { get; init; }
}

public sealed class CounterPerformanceValidator : AbstractValidator<CounterPerformanceRequest>
{
    public CounterPerformanceValidator()
    {
        RuleFor(c => c.Description).NotEmpty().TextLength(1000);
        RuleFor(c => c.Unit).NotEmpty().TextLength(100);
        RuleFor(c => c.Target).InclusiveBetween(1, 1_000_000);
        RuleFor(c => c.Theme).TextLength(100);
        RuleFor(c => c.Radius).NotNull().IsInEnum();
    }
}
