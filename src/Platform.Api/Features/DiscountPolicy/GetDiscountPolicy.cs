using FastEndpoints;
using Platform.Api.Concurrency;
using Platform.Api.Security;

namespace Platform.Api.Features.DiscountPolicy;

public sealed class GetDiscountPolicyEndpoint(DiscountPolicyStore policies) : EndpointWithoutRequest<DiscountPolicyResponse>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/discount-policy");
        Scopes(ApiScopes.TenantAdmin, ApiScopes.DiscountsRead, ApiScopes.DiscountsWrite);
        Summary(s =>
        {
            s.Summary = "Get the discount policy";
            s.Description = "The rules every discount and evaluation of the tenant must keep to; every rule null means no policy.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var row = await policies.FindAsync(ct);
        HttpContext.Response.DescribeResource(row.Version);
        await Send.OkAsync(DiscountPolicyResponse.From(row), ct);
    }
}
