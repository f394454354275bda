using FastEndpoints;
using Platform.Api.Concurrency;
using Platform.Api.Errors;
using Platform.Api.Security;

namespace Platform.Api.Features.Discounts;

public sealed class GetDiscountEndpoint(DiscountStore discounts) : EndpointWithoutRequest<DiscountResponse>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/discounts/{discountId:guid}");
        Scopes(ApiScopes.DiscountsRead, ApiScopes.DiscountsWrite);
        Summary(s =>
        {
            s.Summary = "Get a rent discount";
            s.Description = "The discount with its counter-performances and evaluation periods.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var details = await discounts.FindAsync(Route<Guid>("discountId"), ct);
        if (details is null)
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        HttpContext.Response.DescribeResource(details.Discount.Version);
        await Send.OkAsync(DiscountResponse.From(details, discounts.StatusOf(details.Discount)), ct);
    }
}
