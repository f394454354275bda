using FastEndpoints;
using Platform.Api.Errors;
using Platform.Api.Paging;
using Platform.Api.Security;

namespace Platform.Api.Features.Discounts;

public sealed class ListEvaluationsRequest : PageQuery;

public sealed class ListEvaluationsValidator : Validator<ListEvaluationsRequest>
{
    public ListEvaluationsValidator() => this.IncludePageRules(idOrdered: true);
}

public sealed class ListEvaluationsEndpoint(DiscountStore discounts) : Endpoint<ListEvaluationsRequest, Page<EvaluationResponse>>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/discounts/{discountId:guid}/evaluations");
        Scopes(ApiScopes.DiscountsRead, ApiScopes.DiscountsWrite);
        Summary(s =>
        {
            s.Summary = "List a discount's evaluations";
            s.Description = "The evaluations of the discount, oldest first.";
        });
    }

    public override async Task HandleAsync(ListEvaluationsRequest req, CancellationToken ct)
    {
        var details = await discounts.FindAsync(Route<Guid>("discountId"), ct);
        if (details is null)
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        var rows = await discounts.ListEvaluationsAsync(details.Discount.Id, req.AfterId, req.ReadLimit, ct);
        await Send.OkAsync(Page<EvaluationResponse>.From(rows, req.Limit,
            e => EvaluationResponse.From(e, details), e => e.Id.ToString()), ct);
    }
}
