using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using FluentValidation;
using Platform.Api.Concurrency;
using Platform.Api.Idempotency;
using Platform.Api.OpenApi;
using Platform.Api.Security;
using Platform.Api.Validation;

namespace Platform.Api.Features.Applications;

public enum AssessmentDecision
{
    Eligible,
    Ineligible,
}

public sealed class AssessApplicationRequest
{
    [Required]
    public AssessmentDecision? Decision { get; init; }

    /// <summary>Why, e.g. "no storefront plan for the street side"; shown to the applicant.</summary>
    [Required]
    public string Reason { get; init; } = "";
}

public sealed class AssessApplicationValidator : Validator<AssessApplicationRequest>
{
    public AssessApplicationValidator()
    {
        RuleFor(r => r.Decision).NotNull().IsInEnum();
        RuleFor(r => r.Reason).NotEmpty().TextLength(ApplicationStore.ReasonLength);
    }
}

public sealed class AssessApplicationEndpoint(ApplicationStore applications) : Endpoint<AssessApplicationRequest, ApplicationResponse>
{
    public override void Configure()
    {
        Post("/v1/tenants/{tenant}/tenders/{tenderId:guid}/applications/{applicationId:guid}/assessment");
        Scopes(ApiScopes.TendersWrite);
        Summary(s =>
        {
            s.Summary = "Mark an application eligible or ineligible";
            s.Description = "Records the landlord's check of an application against the tender's eligibility, with the reason; it may be "
                            + "marked again until the tender is cancelled. 409 for a withdrawn application. Accepts an Idempotency-Key.";
        });
        Description(b => b.ProducesProblems(StatusCodes.Status409Conflict).WithMetadata(IdempotentPost.Instance)
            .WithMetadata(new TakesNoIfMatch("The latest assessment stands; a withdrawn application is refused with 409.")));
    }

    public override async Task HandleAsync(AssessApplicationRequest req, CancellationToken ct)
    {
        var decision = req.Decision == AssessmentDecision.Eligible ? ApplicationStatus.Eligible : ApplicationStatus.Ineligible;
        var outcome = await applications.AssessAsync(Route<Guid>("tenderId"), Route<Guid>("applicationId"), decision, req.Reason, ct);
        if (outcome.Status != WriteStatus.Done)
        {
            await Send.ResultAsync(outcome.Problem());
            return;
        }

        HttpContext.Response.DescribeResource(outcome.Value!.Version);
        await Send.OkAsync(ApplicationResponse.From(outcome.Value), ct);
    }
}
