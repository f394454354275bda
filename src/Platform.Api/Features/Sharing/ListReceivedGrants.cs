using FastEndpoints;
using Platform.Api.Paging;
using Platform.Api.Security;

namespace Platform.Api.Features.Sharing;

public sealed class ListReceivedGrantsRequest : PageQuery;

public sealed class ListReceivedGrantsValidator : Validator<ListReceivedGrantsRequest>
{
    public ListReceivedGrantsValidator() => this.IncludePageRules(idOrdered: true);
}

public sealed class ListReceivedGrantsEndpoint(SharingGrantStore grants) : Endpoint<ListReceivedGrantsRequest, Page<SharingGrantResponse>>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/received-grants");
        Scopes(ApiScopes.TenantAdmin);
        Summary(s =>
        {
            s.Summary = "List received sharing grants";
            s.Description = "The grants other tenants gave this one: whose data, which kinds, which plinths, why and when.";
        });
    }

    public override async Task HandleAsync(ListReceivedGrantsRequest req, CancellationToken ct)
    {
        var rows = await grants.ListReceivedAsync(req.AfterId, req.ReadLimit, ct);
        await Send.OkAsync(SharingGrantResponse.PageOf(rows, req.Limit, grants.Today), ct);
    }
}
