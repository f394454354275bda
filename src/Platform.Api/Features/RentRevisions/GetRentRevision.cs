using FastEndpoints;
using Platform.Api.Errors;
using Platform.Api.Security;

namespace Platform.Api.Features.RentRevisions;

public sealed class GetRentRevisionEndpoint(RentRevisionStore revisions) : EndpointWithoutRequest<RentRevisionResponse>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/leases/{leaseId:guid}/rent-revisions/{revisionId:guid}");
        Scopes(ApiScopes.LeasesRead, ApiScopes.LeasesWrite);
        Summary(s =>
        {
            s.Summary = "Get a rent revision";
            s.Description = "One revision of the lease's base rent: from when, how much and why.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var row = await revisions.FindAsync(Route<Guid>("leaseId"), Route<Guid>("revisionId"), ct);
        if (row is null)
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        await Send.OkAsync(RentRevisionResponse.From(row), ct);
    }
}
