using FastEndpoints;
using Platform.Api.Concurrency;
using Platform.Api.Errors;
using Platform.Api.Security;

namespace Platform.Api.Features.Jurors;

public sealed class GetJurorEndpoint(JurorStore jurors) : EndpointWithoutRequest<JurorResponse>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/tenders/{tenderId:guid}/jurors/{jurorId:guid}");
        Scopes(ApiScopes.TendersRead, ApiScopes.TendersWrite);
        Summary(s =>
        {
            s.Summary = "Get a juror";
            s.Description = "One juror of the tender, active or revoked. Never its key.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var row = await jurors.FindAsync(Route<Guid>("tenderId"), Route<Guid>("jurorId"), ct);
        if (row is null)
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        HttpContext.Response.DescribeResource(row.Version);
        await Send.OkAsync(JurorResponse.From(row), ct);
    }
}
