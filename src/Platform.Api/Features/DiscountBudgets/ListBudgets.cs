using FastEndpoints;
using FluentValidation;
using Platform.Api.Paging;
using Platform.Api.Security;

namespace Platform.Api.Features.DiscountBudgets;

public sealed class ListBudgetsRequest : PageQuery
{
    /// <summary>Only the budgets of this year.</summary>
    public int? Year { get; init; }
}

public sealed class ListBudgetsValidator : Validator<ListBudgetsRequest>
{
    public ListBudgetsValidator()
    {
        this.IncludePageRules(idOrdered: true);
        RuleFor(r => r.Year).InclusiveBetween(2000, 2100);
    }
}

public sealed class ListBudgetsEndpoint(BudgetStore budgets) : Endpoint<ListBudgetsRequest, Page<BudgetResponse>>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/discount-budgets");
        Scopes(ApiScopes.DiscountsRead, ApiScopes.DiscountsWrite);
        Summary(s =>
        {
            s.Summary = "List discount budgets";
            s.Description = "The tenant's budgets in the order they were created, each with what is committed and what remains.";
        });
    }

    public override async Task HandleAsync(ListBudgetsRequest req, CancellationToken ct)
    {
        var rows = await budgets.ListAsync(req.Year, req.AfterId, req.ReadLimit, ct);
        var committed = new Dictionary<Guid, long>();
        foreach (var row in rows.Take(req.Limit))
            committed[row.Id] = await budgets.CommittedAsync(row, ct);
        await Send.OkAsync(Page<BudgetResponse>.From(rows, req.Limit, r => BudgetResponse.From(r, committed[r.Id]), r => r.Id.ToString()), ct);
    }
}
