using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using FluentValidation;
using Platform.Api.Concurrency;
using Platform.Api.Idempotency;
using Platform.Api.OpenApi;
using Platform.Api.Security;
using Platform.Api.Validation;

namespace Platform.Api.Features.Leases;

public sealed class TerminateLeaseRequest
{
    /// <summary>The lease's new last day: not before its start, not after its current end.</summary>
    [Required]
    public DateOnly EndDate { get; init; }

    [Required]
    public string Reason { get; init; } = "";
}

public sealed class TerminateLeaseValidator : Validator<TerminateLeaseRequest>
{
    public TerminateLeaseValidator()
    {
        RuleFor(r => r.EndDate).NotEmpty();
        RuleFor(r => r.Reason).NotEmpty().TextLength(1000);
    }
}

public sealed class TerminateLeaseEndpoint(LeaseStore leases) : Endpoint<TerminateLeaseRequest, LeaseResponse>
{
    public override void Configure()
    {
        Post("/v1/tenants/{tenant}/leases/{leaseId:guid}/terminate");
        Scopes(ApiScopes.LeasesWrite);
        Summary(s =>
        {
            s.Summary = "Terminate a lease";
            s.Description = "Ends the lease on the given day, with a reason. 409 when it was already terminated or the date is outside its term.";
        });
        Description(b => b.ProducesProblems(StatusCodes.Status409Conflict).WithMetadata(IdempotentPost.Instance)
            .WithMetadata(new TakesNoIfMatch("Terminating checks the lease's own state: 409 when it ended already or the date is outside its term.")));
    }

    public override async Task HandleAsync(TerminateLeaseRequest req, CancellationToken ct)
    {
        var outcome = await leases.TerminateAsync(Route<Guid>("leaseId"), req, ct);
        if (outcome.Status != WriteStatus.Done)
        {
            await Send.ResultAsync(outcome.Problem());
            return;
        }

        HttpContext.Response.DescribeResource(outcome.Value!.Version);
        await Send.OkAsync(leases.Describe(outcome.Value), ct);
    }
}
