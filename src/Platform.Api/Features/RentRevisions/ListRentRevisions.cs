using FastEndpoints;
using Platform.Api.Errors;
using Platform.Api.Paging;
using Platform.Api.Security;

namespace Platform.Api.Features.RentRevisions;

public sealed class ListRentRevisionsRequest : PageQuery;

public sealed class ListRentRevisionsValidator : Validator<ListRentRevisionsRequest>
{
    public ListRentRevisionsValidator() => this.IncludePageRules(idOrdered: true);
}

public sealed class ListRentRevisionsEndpoint(RentRevisionStore revisions) : Endpoint<ListRentRevisionsRequest, Page<RentRevisionResponse>>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/leases/{leaseId:guid}/rent-revisions");
        Scopes(ApiScopes.LeasesRead, ApiScopes.LeasesWrite);
        Summary(s =>
        {
            s.Summary = "List a lease's rent revisions";
            s.Description = "The revisions of the lease's base rent in the order they were made. Before the first revision's month the "
                            + "lease's baseRentCentsPerMonth (the rent agreed at its start) applies.";
        });
    }

    public override async Task HandleAsync(ListRentRevisionsRequest req, CancellationToken ct)
    {
        var lease = await revisions.LeaseAsync(Route<Guid>("leaseId"), ct);
        if (lease is null)
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        var rows = await revisions.ListAsync(lease.LeaseId, req.AfterId, req.ReadLimit, ct);
        await Send.OkAsync(Page<RentRevisionResponse>.From(rows, req.Limit, RentRevisionResponse.From, r => r.Id.ToString()), ct);
    }
}
