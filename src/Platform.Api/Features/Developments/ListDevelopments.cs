using FastEndpoints;
using Platform.Api.Paging;
using Platform.Api.Security;

namespace Platform.Api.Features.Developments;

public sealed class ListDevelopmentsRequest : PageQuery;

public sealed class ListDevelopmentsValidator : Validator<ListDevelopmentsRequest>
{
    public ListDevelopmentsValidator() => this.IncludePageRules(idOrdered: true);
}

public sealed class ListDevelopmentsEndpoint(DevelopmentStore developments) : Endpoint<ListDevelopmentsRequest, Page<DevelopmentResponse>>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/developments");
        Scopes(ApiScopes.ProgrammesRead, ApiScopes.ProgrammesWrite, ApiScopes.TenantAdmin);
        Summary(s =>
        {
            s.Summary = "List developments";
            s.Description = "The tenant's housing developments in the order they were created.";
        });
    }

    public override async Task HandleAsync(ListDevelopmentsRequest req, CancellationToken ct)
    {
        var rows = await developments.ListAsync(req.AfterId, req.ReadLimit, ct);
        await Send.OkAsync(Page<DevelopmentResponse>.From(rows, req.Limit, DevelopmentResponse.From, r => r.Id.ToString()), ct);
    }
}
