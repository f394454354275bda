using FastEndpoints;
using Platform.Api.Concurrency;
using Platform.Api.Errors;
using Platform.Api.Features.Sharing;
using Platform.Api.Security;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Units;

public sealed class GetUnitEndpoint(UnitStore units) : EndpointWithoutRequest<UnitResponse>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/units/{unitId:guid}");
        Scopes(ApiScopes.PlinthsRead, ApiScopes.PlinthsWrite);
        Options(b => b.WithMetadata(new GranteeReadable(SharedResource.Units, ApiScopes.PlinthsRead)));
        Summary(s =>
        {
            s.Summary = "Get a unit";
            s.Description = "The unit, with its current status (let while a lease is active) and its ETag.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var row = await units.FindAsync(Route<Guid>("unitId"), ct);
        if (row is null)
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        HttpContext.Response.DescribeResource(row.Version);
        await Send.OkAsync(UnitResponse.From(row), ct);
    }
}
