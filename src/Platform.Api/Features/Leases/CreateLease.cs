using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using FluentValidation;
using Platform.Api.Concurrency;
using Platform.Api.Idempotency;
using Platform.Api.OpenApi;
using Platform.Api.Security;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Leases;

public sealed class CreateLeaseRequest : LeaseFields
{
    /// <summary>The unit that is let.</summary>
    [Required]
    public Guid UnitId { get; init; }

    /// <summary>Omit it to take the unit's: 7:290 for the detail codes HOR, WIR and WWI, 7:230a for every other.</summary>
    public LeaseRegime? Regime { get; init; }

    /// <summary>Base rent in euro cents per month, before any discount, as agreed at the start; rent revisions change it from a month on.</summary>
    [Required]
    public long BaseRentCentsPerMonth { get; init; }
}

public sealed class CreateLeaseValidator : Validator<CreateLeaseRequest>
{
    public CreateLeaseValidator()
    {
        RuleFor(l => l.UnitId).NotEmpty();
        RuleFor(l => l.Regime).IsInEnum();
        RuleFor(l => l.BaseRentCentsPerMonth).InclusiveBetween(1, LeaseFieldRules.MaxRentCentsPerMonth);
        this.IncludeLeaseFieldRules();
    }
}

public sealed class CreateLeaseEndpoint(TenantContext tenant, LeaseStore leases) : Endpoint<CreateLeaseRequest, LeaseResponse>
{
    public override void Configure()
    {
        Post("/v1/tenants/{tenant}/leases");
        Scopes(ApiScopes.LeasesWrite);
        Summary(s =>
        {
            s.Summary = "Create a lease";
            s.Description = "Lets a unit. Without a regime the lease takes the unit's: 7:290 BW for the detail codes HOR, WIR and WWI, "
                            + "7:230a BW for every other. Two leases of one unit may not overlap: 409 names the lease in the way. Accepts an Idempotency-Key.";
        });
        Description(b => b.ClearDefaultProduces(200).Produces<LeaseResponse>(201).WithMetadata(IdempotentPost.Instance)
            .ProducesProblems(StatusCodes.Status409Conflict));
    }

    public override async Task HandleAsync(CreateLeaseRequest req, CancellationToken ct)
    {
        var outcome = await leases.CreateAsync(req, ct);
        if (outcome.Status != WriteStatus.Done)
        {
            await Send.ResultAsync(outcome.Problem());
            return;
        }

        var row = outcome.Value!;
        HttpContext.Response.DescribeResource(row.Version, createdAt: $"/v1/tenants/{tenant.Current.Slug}/leases/{row.Id}");
        await Send.ResponseAsync(leases.Describe(row), StatusCodes.Status201Created, ct);
    }
}
