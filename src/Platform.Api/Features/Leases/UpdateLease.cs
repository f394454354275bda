using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using FluentValidation;
using Platform.Api.Concurrency;
using Platform.Api.OpenApi;
using Platform.Api.Security;

namespace Platform.Api.Features.Leases;

public sealed class UpdateLeaseRequest : LeaseFields
{
    [Required]
    public LeaseRegime? Regime { get; init; }
}

public sealed class UpdateLeaseValidator : Validator<UpdateLeaseRequest>
{
    public UpdateLeaseValidator()
    {
        RuleFor(l => l.Regime).NotNull().IsInEnum();
        this.IncludeLeaseFieldRules();
    }
}

public sealed class UpdateLeaseEndpoint(LeaseStore leases) : Endpoint<UpdateLeaseRequest, LeaseResponse>
{
    public override void Configure()
    {
        Put("/v1/tenants/{tenant}/leases/{leaseId:guid}");
        Scopes(ApiScopes.LeasesWrite);
        Summary(s =>
        {
            s.Summary = "Update a lease";
            s.Description = "Replaces the lease's fields; the unit and the base rent stay the same (the base rent changes by a rent revision, "
                            + "from a month on). Requires If-Match with the ETag last read.";
        });
        Description(b => b.WithMetadata(RequiresIfMatch.Instance).ProducesProblems(StatusCodes.Status409Conflict));
    }

    public override async Task HandleAsync(UpdateLeaseRequest req, CancellationToken ct)
    {
        var outcome = await leases.UpdateAsync(Route<Guid>("leaseId"), HttpContext.ExpectedVersion(), req, ct);
        if (outcome.Status != WriteStatus.Done)
        {
            await Send.ResultAsync(outcome.Problem());
            return;
        }

        HttpContext.Response.DescribeResource(outcome.Value!.Version);
        await Send.OkAsync(leases.Describe(outcome.Value), ct);
    }
}
