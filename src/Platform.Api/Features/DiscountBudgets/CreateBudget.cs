using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using FluentValidation;
using Platform.Api.Idempotency;
using Platform.Api.Security;
using Platform.Api.Tenancy;
using Platform.Api.Validation;

namespace Platform.Api.Features.DiscountBudgets;

public sealed class CreateBudgetRequest
{
    /// <summary>The calendar year the budget covers.</summary>
    [Required]
    public int Year { get; init; }

    /// <summary>E.g. "Maatschappelijke verhuur in het kader van leefbaarheid".</summary>
    [Required]
    public string Name { get; init; } = "";

    [Required]
    public long AmountCents { get; init; }
}

public sealed class CreateBudgetValidator : Validator<CreateBudgetRequest>
{
    public const long MaxAmountCents = 100_000_000_000;

    public CreateBudgetValidator()
    {
        RuleFor(b => b.Year).InclusiveBetween(2000, 2100);
        RuleFor(b => b.Name).NotEmpty().TextLength(FieldLimits.Name);
        RuleFor(b => b.AmountCents).InclusiveBetween(0, MaxAmountCents);
    }
}

public sealed class CreateBudgetEndpoint(TenantContext tenant, BudgetStore budgets) : Endpoint<CreateBudgetRequest, BudgetResponse>
{
    public override void Configure()
    {
        Post("/v1/tenants/{tenant}/discount-budgets");
        Scopes(ApiScopes.DiscountsWrite);
        Summary(s =>
        {
            s.Summary = "Create a discount budget";
            s.Description = "A yearly amount that discounts draw on. Accepts an Idempotency-Key.";
        });
        Description(b => b.ClearDefaultProduces(200).Produces<BudgetResponse>(201).WithMetadata(IdempotentPost.Instance));
    }

    public override async Task HandleAsync(CreateBudgetRequest req, CancellationToken ct)
    {
        var row = await budgets.CreateAsync(req, ct);
        await Send.CreatedAtAsync<GetBudgetEndpoint>(
            new { tenant = tenant.Current.Slug, budgetId = row.Id }, BudgetResponse.From(row, committedCents: 0), cancellation: ct);
    }
}
