using FastEndpoints;
using Platform.Api.Paging;
using Platform.Api.Security;

namespace Platform.Api.Features.Tenants;

public sealed class ListTenantsRequest : PageQuery;

public sealed class ListTenantsValidator : Validator<ListTenantsRequest>
{
    public ListTenantsValidator() => this.IncludePageRules();
}

public sealed class ListTenantsEndpoint(TenantStore tenants) : Endpoint<ListTenantsRequest, Page<TenantResponse>>
{
    public override void Configure()
    {
        Get("/v1/tenants");
        Scopes(ApiScopes.PlatformAdmin);
        Summary(s =>
        {
            s.Summary = "List tenants";
            s.Description = "All tenants in slug order, a page at a time. Platform administrators only.";
        });
    }

    public override async Task HandleAsync(ListTenantsRequest req, CancellationToken ct)
    {
        var rows = await tenants.ListAsync(req.After, req.ReadLimit, ct);
        await Send.OkAsync(Page<TenantResponse>.From(rows, req.Limit, TenantResponse.From, r => r.Slug), ct);
    }
}
