using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using FluentValidation;
using Platform.Api.Concurrency;
using Platform.Api.Features.Leases;
using Platform.Api.Idempotency;
using Platform.Api.OpenApi;
using Platform.Api.Security;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.RentRevisions;

public enum RentRevisionReason
{
    /// <summary>The yearly indexation of the rent (e.g. by the consumer price index).</summary>
    Indexation,

    /// <summary>A new rent agreed between lessor and lessee.</summary>
    Renegotiation,

    Other,
}

public sealed class CreateRentRevisionRequest
{
    /// <summary>The first day of the first month at the new base rent: the first of a month, not before the current month.</summary>
    [Required]
    public DateOnly EffectiveFrom { get; init; }

    /// <summary>The new base rent in euro cents per month, before any discount.</summary>
    [Required]
    public long BaseRentCentsPerMonth { get; init; }

    [Required]
    public RentRevisionReason? Reason { get; init; }
}

public sealed class CreateRentRevisionValidator : Validator<CreateRentRevisionRequest>
{
    public CreateRentRevisionValidator()
    {
        RuleFor(r => r.EffectiveFrom).NotEmpty().Must(day => day.Day == 1).WithMessage("'effectiveFrom' must be the first day of a month.");
        RuleFor(r => r.BaseRentCentsPerMonth).InclusiveBetween(1, LeaseFieldRules.MaxRentCentsPerMonth);
        RuleFor(r => r.Reason).NotNull().IsInEnum();
    }
}

public sealed class CreateRentRevisionEndpoint(TenantContext tenant, RentRevisionStore revisions) : Endpoint<CreateRentRevisionRequest, RentRevisionResponse>
{
    public override void Configure()
    {
        Post("/v1/tenants/{tenant}/leases/{leaseId:guid}/rent-revisions");
        Scopes(ApiScopes.LeasesWrite);
        Summary(s =>
        {
            s.Summary = "Revise a lease's base rent";
            s.Description = "Sets the base rent from the first day of a month on (indexation, renegotiation or other); the rent, the rent "
                            + "schedule, percentage discounts and budgets use the base rent in force in each month. Past months never "
                            + "change: effectiveFrom is the first of a month, not before the current month in Platform:TimeZone, after the "
                            + "lease's first month and within its term (400 otherwise). One revision per month: 409 on a second. "
                            + "A percentage discount's money follows the base rent: when the lease's discounts on a budget line would "
                            + "then need more in a year than that year's budget has left, 409 budget-exceeded (with budgetId, year, "
                            + "remainingCents and requiredCents, what the lease's discounts would need in that year) and nothing changes. "
                            + "The discount policy is not checked again here; it applies to the period each evaluation opens. "
                            + "Accepts an Idempotency-Key.";
        });
        Description(b => b.ClearDefaultProduces(200).Produces<RentRevisionResponse>(201).WithMetadata(IdempotentPost.Instance)
            .ProducesProblems(StatusCodes.Status409Conflict));
    }

    public override async Task HandleAsync(CreateRentRevisionRequest req, CancellationToken ct)
    {
        var leaseId = Route<Guid>("leaseId");
        var outcome = await revisions.CreateAsync(leaseId, req, User.ClientIdOf() ?? "unknown", ct);
        if (outcome.Status != WriteStatus.Done)
        {
            await Send.ResultAsync(outcome.Problem());
            return;
        }

        var row = outcome.Value!;
        await Send.CreatedAtAsync<GetRentRevisionEndpoint>(
            new { tenant = tenant.Current.Slug, leaseId, revisionId = row.Id }, RentRevisionResponse.From(row), cancellation: ct);
    }
}
