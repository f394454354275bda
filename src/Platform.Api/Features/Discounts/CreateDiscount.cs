using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using FluentValidation;
using Platform.Api.Concurrency;
using Platform.Api.Errors;
using Platform.Api.Idempotency;
using Platform.Api.OpenApi;
using Platform.Api.Security;
using Platform.Api.Tenancy;
using Platform.Api.Validation;

namespace Platform.Api.Features.Discounts;

/// <summary>A rent discount: an addendum (allonge) to the lease.</summary>
public sealed class CreateDiscountRequest : DiscountTermsFields
{
    [Required]
    public DateOnly StartDate { get; init; }

    /// <summary>Last day of the term; evaluations that continue the discount extend it.</summary>
    [Required]
    public DateOnly EndDate { get; init; }

    /// <summary>Why the tenant gets this discount (the onderbouwing).</summary>
    [Required]
    public string Justification { get; init; } = "";

    /// <summary>The budget line the discount money is charged to: each month to the line's budget of the year it falls in.</summary>
    public string? BudgetLine { get; init; }

    /// <summary>What the tenant does in return (maatschappelijke tegenprestaties).</summary>
    public IReadOnlyList<CounterPerformanceRequest>? CounterPerformances { get; init; }

    /// <summary>Months between evaluations, 1–60 (default 12; 24 is common too).</summary>
    [DefaultValue(12)]
    public int EvaluationCadenceMonths { get; init; } = 12;

    /// <summary>Calendar months before a period's end that its evaluation is due, 1–12 (default 3: "drie maanden voor afloop").</summary>
    [DefaultValue(3)]
    public int ReminderLeadMonths { get; init; } = 3;
}

public sealed class CreateDiscountValidator : Validator<CreateDiscountRequest>
{
    public const int MaxCounterPerformances = 20;

    public CreateDiscountValidator()
    {
        Include(new DiscountTermsValidator());
        RuleFor(d => d.StartDate).NotEmpty();
        RuleFor(d => d.EndDate).GreaterThanOrEqualTo(d => d.StartDate).WithMessage("'endDate' must not be before 'startDate'.");
        RuleFor(d => d.Justification).NotEmpty().TextLength(4000);
        RuleFor(d => d.BudgetLine).NotEmpty().WithMessage("'budgetLine', when given, must not be empty or blank.")
            .TextLength(FieldLimits.Name).When(d => d.BudgetLine is not null);
        RuleFor(d => d.CounterPerformances!).MaxCount(MaxCounterPerformances);
        RuleForEach(d => d.CounterPerformances).NotNull().SetValidator(new CounterPerformanceValidator());
        RuleFor(d => d.EvaluationCadenceMonths).InclusiveBetween(1, 60);
        RuleFor(d => d.ReminderLeadMonths).InclusiveBetween(1, 12);
        When(d => d.Kind == DiscountKind.Stepped && d.Steps is { Count: > 0 } && d.Steps.All(s => s is not null), () =>
            RuleFor(d => d.Steps!)
                .Must((d, steps) => steps[0].FromDate == d.StartDate)
                .WithMessage("The first step starts on the discount's start date.")
                .Must((d, steps) => steps.All(s => s.FromDate <= d.EndDate))
                .WithMessage("Every step starts within the discount's term."));
    }
}

public sealed class CreateDiscountEndpoint(TenantContext tenant, DiscountStore discounts) : Endpoint<CreateDiscountRequest, DiscountResponse>
{
    public override void Configure()
    {
        Post("/v1/tenants/{tenant}/leases/{leaseId:guid}/discounts");
        Scopes(ApiScopes.DiscountsWrite);
        Summary(s =>
        {
            s.Summary = "Grant a rent discount";
            s.Description = "Adds an allonge to the lease: a percentage, a fixed amount or a growth-in schedule, with its justification, "
                            + "counter-performances and evaluation cadence. 409 when it overlaps another discount of the lease or would "
                            + "take a year of its budget line over that year's budget (the problem names the year, what remains and what is required). Accepts an Idempotency-Key.";
        });
        Description(b => b.ClearDefaultProduces(200).Produces<DiscountResponse>(201).WithMetadata(IdempotentPost.Instance)
            .ProducesProblems(StatusCodes.Status409Conflict));
    }

    public override async Task HandleAsync(CreateDiscountRequest req, CancellationToken ct)
    {
        var lease = await discounts.LeaseAsync(Route<Guid>("leaseId"), ct);
        if (lease is null)
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        var outcome = await discounts.CreateAsync(lease, req, ct);
        if (outcome.Status != WriteStatus.Done)
        {
            await Send.ResultAsync(outcome.Problem());
            return;
        }

        var created = outcome.Value!;
        HttpContext.Response.DescribeResource(created.Discount.Version, createdAt: $"/v1/tenants/{tenant.Current.Slug}/discounts/{created.Discount.Id}");
        await Send.ResponseAsync(DiscountResponse.From(created, discounts.StatusOf(created.Discount)), StatusCodes.Status201Created, ct);
    }
}
