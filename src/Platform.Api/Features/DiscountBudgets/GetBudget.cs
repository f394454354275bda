using FastEndpoints;
using Platform.Api.Errors;
using Platform.Api.Security;

namespace Platform.Api.Features.DiscountBudgets;

public sealed class GetBudgetEndpoint(BudgetStore budgets) : EndpointWithoutRequest<BudgetResponse>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/discount-budgets/{budgetId:guid}");
        Scopes(ApiScopes.DiscountsRead, ApiScopes.DiscountsWrite);
        Summary(s =>
        {
            s.Summary = "Get a discount budget";
            s.Description = "The amount, what the discounts drawing on it commit in its year, and what remains.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var row = await budgets.FindAsync(Route<Guid>("budgetId"), ct);
        if (row is null)
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        await Send.OkAsync(BudgetResponse.From(row, await budgets.CommittedAsync(row, ct)), ct);
    }
}
