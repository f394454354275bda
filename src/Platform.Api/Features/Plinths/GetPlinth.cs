using FastEndpoints;
using Platform.Api.Concurrency;
using Platform.Api.Errors;
using Platform.Api.Features.Sharing;
using Platform.Api.Security;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Plinths;

public sealed class GetPlinthEndpoint(PlinthStore plinths) : EndpointWithoutRequest<PlinthResponse>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/plinths/{plinthId:guid}");
        Scopes(ApiScopes.PlinthsRead, ApiScopes.PlinthsWrite);
        Options(b => b.WithMetadata(new GranteeReadable(SharedResource.Plinths, ApiScopes.PlinthsRead)));
        Summary(s =>
        {
            s.Summary = "Get a plinth";
            s.Description = "The plinth, with its ETag for a later update or delete.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var row = await plinths.FindAsync(Route<Guid>("plinthId"), ct);
        if (row is null)
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        HttpContext.Response.DescribeResource(row.Version);
        await Send.OkAsync(PlinthResponse.From(row), ct);
    }
}
