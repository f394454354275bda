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
            s.Description = "The line's amount for the year, what the line's discounts commit in that year, and what remains.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        if (await budgets.FindAsync(Route<Guid>("budgetId"), ct) is not var (row, committed))
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        await Send.OkAsync(BudgetResponse.From(row, committed), ct);
    }
}
