using FastEndpoints;
using Platform.Api.Concurrency;
using Platform.Api.Errors;
using Platform.Api.Security;

namespace Platform.Api.Features.Tenders;

public sealed class GetTenderEndpoint(TenderStore tenders) : EndpointWithoutRequest<TenderResponse>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/tenders/{tenderId:guid}");
        Scopes(ApiScopes.TendersRead, ApiScopes.TendersWrite);
        Summary(s =>
        {
            s.Summary = "Get a tender";
            s.Description = "The tender with its status now (published until opensAt, then open), the transitions it allows and its ETag.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var row = await tenders.FindAsync(Route<Guid>("tenderId"), ct);
        if (row is null)
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        HttpContext.Response.DescribeResource(row.Version);
        await Send.OkAsync(TenderResponse.From(row, tenders.Now), ct);
    }
}
