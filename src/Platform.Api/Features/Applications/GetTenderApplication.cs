using FastEndpoints;
using Platform.Api.Concurrency;
using Platform.Api.Errors;
using Platform.Api.Security;

namespace Platform.Api.Features.Applications;

public sealed class GetTenderApplicationEndpoint(ApplicationStore applications) : EndpointWithoutRequest<ApplicationResponse>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/tenders/{tenderId:guid}/applications/{applicationId:guid}");
        Scopes(ApiScopes.TendersRead, ApiScopes.TendersWrite);
        Summary(s =>
        {
            s.Summary = "Get an application to a tender";
            s.Description = "One application to one of this landlord's tenders, with its sections and status.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var row = await applications.FindForTenderAsync(Route<Guid>("tenderId"), Route<Guid>("applicationId"), ct);
        if (row is null)
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        HttpContext.Response.DescribeResource(row.Version);
        await Send.OkAsync(ApplicationResponse.From(row), ct);
    }
}
