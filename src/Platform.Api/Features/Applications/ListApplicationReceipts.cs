using FastEndpoints;
using Platform.Api.Paging;
using Platform.Api.Security;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Applications;

public sealed class ListApplicationReceiptsRequest : PageQuery;

public sealed class ListApplicationReceiptsValidator : Validator<ListApplicationReceiptsRequest>
{
    public ListApplicationReceiptsValidator() => this.IncludePageRules(idOrdered: true);
}

public sealed class ListApplicationReceiptsEndpoint(TenantContext tenant, ApplicationSubmissions submissions) : Endpoint<ListApplicationReceiptsRequest, Page<ApplicationResponse>>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/applications");
        Scopes(ApiScopes.ApplicationsSubmit);
        Summary(s =>
        {
            s.Summary = "List the applications this tenant submitted";
            s.Description = "The receipts of this tenant's applications to any landlord's tenders, oldest first, each with its current status.";
        });
    }

    public override async Task HandleAsync(ListApplicationReceiptsRequest req, CancellationToken ct)
    {
        var rows = await submissions.ListReceiptsAsync(tenant.Id, req.AfterId, req.ReadLimit, ct);
        await Send.OkAsync(Page<ApplicationResponse>.From(rows, req.Limit, ApplicationResponse.From, r => r.Id.ToString()), ct);
    }
}
