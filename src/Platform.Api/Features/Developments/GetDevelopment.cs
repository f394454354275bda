using FastEndpoints;
using Platform.Api.Concurrency;
using Platform.Api.Errors;
using Platform.Api.Security;

namespace Platform.Api.Features.Developments;

public sealed class GetDevelopmentEndpoint(DevelopmentStore developments) : EndpointWithoutRequest<DevelopmentResponse>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/developments/{developmentId:guid}");
        Scopes(ApiScopes.ProgrammesRead, ApiScopes.ProgrammesWrite, ApiScopes.TenantAdmin);
        Summary(s =>
        {
            s.Summary = "Get a development";
            s.Description = "The development, the number of its current programme version and its ETag for a later update.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var row = await developments.FindAsync(Route<Guid>("developmentId"), ct);
        if (row is null)
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        HttpContext.Response.DescribeResource(row.Version);
        await Send.OkAsync(DevelopmentResponse.From(row), ct);
    }
}
