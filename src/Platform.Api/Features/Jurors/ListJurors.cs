using FastEndpoints;
using Platform.Api.Errors;
using Platform.Api.Paging;
using Platform.Api.Security;

namespace Platform.Api.Features.Jurors;

public sealed class ListJurorsRequest : PageQuery;

public sealed class ListJurorsValidator : Validator<ListJurorsRequest>
{
    public ListJurorsValidator() => this.IncludePageRules(idOrdered: true);
}

public sealed class ListJurorsEndpoint(JurorStore jurors) : Endpoint<ListJurorsRequest, Page<JurorResponse>>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/tenders/{tenderId:guid}/jurors");
        Scopes(ApiScopes.TendersRead, ApiScopes.TendersWrite);
        Summary(s =>
        {
            s.Summary = "List a tender's jurors";
            s.Description = "The tender's jurors, active and revoked, in the order they were appointed. Never their keys.";
        });
    }

    public override async Task HandleAsync(ListJurorsRequest req, CancellationToken ct)
    {
        var tenderId = Route<Guid>("tenderId");
        if (!await jurors.TenderExistsAsync(tenderId, ct))
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        var rows = await jurors.ListAsync(tenderId, req.AfterId, req.ReadLimit, ct);
        await Send.OkAsync(Page<JurorResponse>.From(rows, req.Limit, JurorResponse.From, r => r.Id.ToString()), ct);
    }
}
