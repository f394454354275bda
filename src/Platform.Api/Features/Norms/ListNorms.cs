using FastEndpoints;
using Platform.Api.Paging;
using Platform.Api.Security;

namespace Platform.Api.Features.Norms;

public sealed class ListNormsRequest : PageQuery;

public sealed class ListNormsValidator : Validator<ListNormsRequest>
{
    public ListNormsValidator() => this.IncludePageRules(idOrdered: true);
}

public sealed class ListNormsEndpoint(NormStore norms) : Endpoint<ListNormsRequest, Page<NormResponse>>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/norms");
        Scopes(ApiScopes.ProgrammesRead, ApiScopes.ProgrammesWrite, ApiScopes.TenantAdmin);
        Summary(s =>
        {
            s.Summary = "List norms";
            s.Description = "The municipality's norms in the order they were set.";
        });
    }

    public override async Task HandleAsync(ListNormsRequest req, CancellationToken ct)
    {
        var rows = await norms.ListAsync(req.AfterId, req.ReadLimit, ct);
        await Send.OkAsync(Page<NormResponse>.From(rows, req.Limit, NormResponse.From, r => r.Id.ToString()), ct);
    }
}
