using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using FluentValidation;
using Platform.Api.Concurrency;
using Platform.Api.Idempotency;
using Platform.Api.OpenApi;
using Platform.Api.Security;
using Platform.Api.Tenancy;
using Platform.Api.Validation;

namespace Platform.Api.Features.DiscountBudgets;

public sealed class CreateBudgetRequest
{
    /// <summary>The budget line discounts name, e.g. "Maatschappelijke verhuur in het kader van leefbaarheid".</summary>
    [Required]
    public string Line { get; init; } = "";

    /// <summary>The calendar year the amount covers.</summary>
    [Required]
    public int Year { get; init; }

    [Required]
    public long AmountCents { get; init; }
}

public sealed class CreateBudgetValidator : Validator<CreateBudgetRequest>
{
    public const long MaxAmountCents = 100_000_000_000;

    public CreateBudgetValidator()
    {
        RuleFor(b => b.Line).NotEmpty().TextLength(FieldLimits.Name);
        RuleFor(b => b.Year).InclusiveBetween(2000, 2100);
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
            s.Description = "A line's amount for one calendar year; each month of a discount on the line is charged to the budget of the "
                            + "year it falls in. The answer shows what the line's discounts had already committed to the year. One budget "
                            + "per line and year: 409 on a second. Accepts an Idempotency-Key.";
        });
        Description(b => b.ClearDefaultProduces(200).Produces<BudgetResponse>(201).WithMetadata(IdempotentPost.Instance)
            .ProducesProblems(StatusCodes.Status409Conflict));
    }

    public override async Task HandleAsync(CreateBudgetRequest req, CancellationToken ct)
    {
        var outcome = await budgets.CreateAsync(req, ct);
        if (outcome.Status != WriteStatus.Done)
        {
            await Send.ResultAsync(outcome.Problem());
            return;
        }

        var (row, committed) = outcome.Value;
        await Send.CreatedAtAsync<GetBudgetEndpoint>(
            new { tenant = tenant.Current.Slug, budgetId = row.Id }, BudgetResponse.From(row, committed), cancellation: ct);
    }
}
