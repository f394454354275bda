using System.ComponentModel;
using FastEndpoints;
using Platform.Api.Paging;
using Platform.Api.Persistence;
using Platform.Api.Security;

namespace Platform.Api.Features.Tenders;

public sealed class ListTendersRequest : PageQuery
{
    [Description("Only tenders with this status now; published means not yet open.")]
    public TenderStatus? Status { get; init; }
}

public sealed class ListTendersValidator : Validator<ListTendersRequest>
{
    public ListTendersValidator() => this.IncludePageRules(idOrdered: true);
}

public sealed class ListTendersEndpoint(TenderStore tenders) : Endpoint<ListTendersRequest, Page<TenderResponse>>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/tenders");
        Scopes(ApiScopes.TendersRead, ApiScopes.TendersWrite);
        Summary(s =>
        {
            s.Summary = "List tenders";
            s.Description = "The tenant's tenders in the order they were created, optionally only those with one status.";
        });
    }

    public override async Task HandleAsync(ListTendersRequest req, CancellationToken ct)
    {
        var filter = new TenderFilter { Status = req.Status is { } status ? EnumText<TenderStatus>.ToText(status) : null };
        var rows = await tenders.ListAsync(filter, req.AfterId, req.ReadLimit, ct);
        var now = tenders.Now;
        await Send.OkAsync(Page<TenderResponse>.From(rows, req.Limit, r => TenderResponse.From(r, now), r => r.Id.ToString()), ct);
    }
}
