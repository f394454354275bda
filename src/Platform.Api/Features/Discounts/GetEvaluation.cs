using FastEndpoints;
using Platform.Api.Errors;
using Platform.Api.Security;

namespace Platform.Api.Features.Discounts;

public sealed class GetEvaluationEndpoint(DiscountStore discounts) : EndpointWithoutRequest<EvaluationResponse>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/discounts/{discountId:guid}/evaluations/{evaluationId:guid}");
        Scopes(ApiScopes.DiscountsRead, ApiScopes.DiscountsWrite);
        Summary(s =>
        {
            s.Summary = "Get an evaluation";
            s.Description = "One evaluation of a discount, with the period it opened (if any).";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var details = await discounts.FindAsync(Route<Guid>("discountId"), ct);
        var evaluation = details is null ? null : await discounts.FindEvaluationAsync(details.Discount.Id, Route<Guid>("evaluationId"), ct);
        if (evaluation is null)
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        await Send.OkAsync(EvaluationResponse.From(evaluation, details!), ct);
    }
}
