using FastEndpoints;
using Platform.Api.Features.Sharing;
using Platform.Api.Paging;
using Platform.Api.Security;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Plinths;

public sealed class ListPlinthsRequest : PageQuery;

public sealed class ListPlinthsValidator : Validator<ListPlinthsRequest>
{
    public ListPlinthsValidator() => this.IncludePageRules(idOrdered: true);
}

public sealed class ListPlinthsEndpoint(PlinthStore plinths) : Endpoint<ListPlinthsRequest, Page<PlinthResponse>>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/plinths");
        Scopes(ApiScopes.PlinthsRead, ApiScopes.PlinthsWrite);
        Options(b => b.WithMetadata(new GranteeReadable(SharedResource.Plinths, ApiScopes.PlinthsRead)));
        Summary(s =>
        {
            s.Summary = "List plinths";
            s.Description = "The tenant's plinths in the order they were created.";
        });
    }

    public override async Task HandleAsync(ListPlinthsRequest req, CancellationToken ct)
    {
        var rows = await plinths.ListAsync(req.AfterId, req.ReadLimit, ct);
        await Send.OkAsync(Page<PlinthResponse>.From(rows, req.Limit, PlinthResponse.From, r => r.Id.ToString()), ct);
    }
}
