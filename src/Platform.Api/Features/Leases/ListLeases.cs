using System.ComponentModel;
using FastEndpoints;
using Platform.Api.Features.Sharing;
using Platform.Api.Paging;
using Platform.Api.Persistence;
using Platform.Api.Security;
using Platform.Api.Tenancy;
using Platform.Api.Validation;

namespace Platform.Api.Features.Leases;

public sealed class ListLeasesRequest : PageQuery
{
    /// <summary>Only the leases of this unit.</summary>
    public Guid? UnitId { get; init; }

    [Description("Only upcoming, active or ended leases (as of today).")]
    public TermStatus? Status { get; init; }

    /// <summary>Only the leases of the lessee with this KvK number.</summary>
    public string? LesseeKvk { get; init; }
}

public sealed class ListLeasesValidator : Validator<ListLeasesRequest>
{
    public ListLeasesValidator()
    {
        this.IncludePageRules(idOrdered: true);
        RuleFor(r => r.LesseeKvk).KvkNumber();
    }
}

public sealed class ListLeasesEndpoint(LeaseStore leases) : Endpoint<ListLeasesRequest, Page<LeaseResponse>>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/leases");
        Scopes(ApiScopes.LeasesRead, ApiScopes.LeasesWrite);
        Options(b => b.WithMetadata(new GranteeReadable(SharedResource.Leases, ApiScopes.LeasesRead)));
        Summary(s =>
        {
            s.Summary = "List leases";
            s.Description = "The tenant's leases in the order they were created, optionally filtered.";
        });
    }

    public override async Task HandleAsync(ListLeasesRequest req, CancellationToken ct)
    {
        var filter = new LeaseFilter
        {
            UnitId = req.UnitId,
            Status = req.Status is { } status ? EnumText<TermStatus>.ToText(status) : null,
            LesseeKvk = req.LesseeKvk,
        };
        var rows = await leases.ListAsync(filter, req.AfterId, req.ReadLimit, ct);
        await Send.OkAsync(Page<LeaseResponse>.From(rows, req.Limit, leases.Describe, r => r.Id.ToString()), ct);
    }
}
