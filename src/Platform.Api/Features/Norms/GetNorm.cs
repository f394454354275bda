using FastEndpoints;
using Platform.Api.Concurrency;
using Platform.Api.Errors;
using Platform.Api.Security;

namespace Platform.Api.Features.Norms;

public sealed class GetNormEndpoint(NormStore norms) : EndpointWithoutRequest<NormResponse>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/norms/{normId:guid}");
        Scopes(ApiScopes.ProgrammesRead, ApiScopes.ProgrammesWrite, ApiScopes.TenantAdmin);
        Summary(s =>
        {
            s.Summary = "Get a norm";
            s.Description = "The norm with its ETag for a later update or delete.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var row = await norms.FindAsync(Route<Guid>("normId"), ct);
        if (row is null)
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        HttpContext.Response.DescribeResource(row.Version);
        await Send.OkAsync(NormResponse.From(row), ct);
    }
}
