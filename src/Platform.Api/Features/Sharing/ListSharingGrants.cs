using FastEndpoints;
using Platform.Api.Paging;
using Platform.Api.Security;

namespace Platform.Api.Features.Sharing;

public sealed class ListSharingGrantsRequest : PageQuery;

public sealed class ListSharingGrantsValidator : Validator<ListSharingGrantsRequest>
{
    public ListSharingGrantsValidator() => this.IncludePageRules(idOrdered: true);
}

public sealed class ListSharingGrantsEndpoint(SharingGrantStore grants) : Endpoint<ListSharingGrantsRequest, Page<SharingGrantResponse>>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/sharing-grants");
        Scopes(ApiScopes.TenantAdmin);
        Summary(s =>
        {
            s.Summary = "List sharing grants";
            s.Description = "The grants this tenant gave, in the order they were created, revoked and expired ones included.";
        });
    }

    public override async Task HandleAsync(ListSharingGrantsRequest req, CancellationToken ct)
    {
        var rows = await grants.ListAsync(req.AfterId, req.ReadLimit, ct);
        await Send.OkAsync(SharingGrantResponse.PageOf(rows, req.Limit, grants.Today), ct);
    }
}
