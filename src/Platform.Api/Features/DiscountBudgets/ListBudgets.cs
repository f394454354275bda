using FastEndpoints;
using FluentValidation;
using Platform.Api.Paging;
using Platform.Api.Security;
using Platform.Api.Validation;

namespace Platform.Api.Features.DiscountBudgets;

public sealed class ListBudgetsRequest : PageQuery
{
    /// <summary>Only the years of this budget line.</summary>
    public string? Line { get; init; }

    /// <summary>Only this year.</summary>
    public int? Year { get; init; }
}

public sealed class ListBudgetsValidator : Validator<ListBudgetsRequest>
{
    public ListBudgetsValidator()
    {
        this.IncludePageRules();
        RuleFor(r => r.Line).TextLength(FieldLimits.Name);
        RuleFor(r => r.Year).InclusiveBetween(2000, 2100);
    }
}

public sealed class ListBudgetsEndpoint(BudgetStore budgets) : Endpoint<ListBudgetsRequest, Page<BudgetYearResponse>>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/discount-budgets");
        Scopes(ApiScopes.DiscountsRead, ApiScopes.DiscountsWrite);
        Summary(s =>
        {
            s.Summary = "List budget years";
            s.Description = "Every year of each budget line (or of the line named) that has a budget or committed discount money, by year, "
                            + "then line: a year with a budget shows amountCents, committedCents and remainingCents; a year without one "
                            + "shows the money committed to it as unbudgetedCents.";
        });
    }

    public override async Task HandleAsync(ListBudgetsRequest req, CancellationToken ct)
    {
        var years = await budgets.YearsAsync(req.Line?.Trim(), req.Year, ct);
        var page = years.Where(y => string.CompareOrdinal(BudgetYearResponse.CursorKey(y), req.After) > 0).Take(req.ReadLimit).ToList();
        await Send.OkAsync(Page<BudgetYearResponse>.From(page, req.Limit, y => y, BudgetYearResponse.CursorKey), ct);
    }
}
