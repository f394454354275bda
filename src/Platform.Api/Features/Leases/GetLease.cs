using FastEndpoints;
using Platform.Api.Concurrency;
using Platform.Api.Errors;
using Platform.Api.Features.Sharing;
using Platform.Api.Security;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Leases;

public sealed class GetLeaseEndpoint(LeaseStore leases) : EndpointWithoutRequest<LeaseResponse>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/leases/{leaseId:guid}");
        Scopes(ApiScopes.LeasesRead, ApiScopes.LeasesWrite);
        Options(b => b.WithMetadata(new GranteeReadable(SharedResource.Leases, ApiScopes.LeasesRead)));
        Summary(s =>
        {
            s.Summary = "Get a lease";
            s.Description = "The lease, with its status as of today and its ETag.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var row = await leases.FindAsync(Route<Guid>("leaseId"), ct);
        if (row is null)
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        HttpContext.Response.DescribeResource(row.Version);
        await Send.OkAsync(leases.Describe(row), ct);
    }
}
