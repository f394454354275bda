using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using FluentValidation;
using Platform.Api.Concurrency;
using Platform.Api.Features.Tenders;
using Platform.Api.Idempotency;
using Platform.Api.OpenApi;
using Platform.Api.Security;
using Platform.Api.Validation;

namespace Platform.Api.Features.Awards;

public sealed class AwardTenderRequest
{
    public const int JuryReportMinLength = 50;
    public const int JuryReportMaxLength = 10_000;

    /// <summary>The winning application: a shortlisted one of this tender.</summary>
    [Required]
    public Guid ApplicationId { get; init; }

    /// <summary>The paragraph that explains the choice (50–10,000 characters); shown on the tender.</summary>
    [Required]
    public string JuryReport { get; init; } = "";
}

public sealed class AwardTenderValidator : Validator<AwardTenderRequest>
{
    public AwardTenderValidator()
    {
        RuleFor(r => r.ApplicationId).NotEmpty();
        RuleFor(r => r.JuryReport).NotEmpty().TextLength(AwardTenderRequest.JuryReportMinLength, AwardTenderRequest.JuryReportMaxLength);
    }
}

public sealed class AwardTenderEndpoint(AwardStore awards, TenderStore tenders) : Endpoint<AwardTenderRequest, TenderResponse>
{
    public override void Configure()
    {
        Post("/v1/tenants/{tenant}/tenders/{tenderId:guid}/award");
        Scopes(ApiScopes.TendersWrite);
        Summary(s =>
        {
            s.Summary = "Award a pitching tender";
            s.Description = "In one transaction: the tender becomes awarded with the jury's report; the winner's application awarded; its lease "
                            + "created on the tender's unit with the offered rent, regime and start (open-ended), and the offered discount on it "
                            + "with its cadence, budget line and counter-performances; every other shortlisted application rejected, each told "
                            + "its own per-criterion means and rank band (on the application, the applicant's receipt and its event). 400 naming "
                            + "applicationId for an id that is no application of this tender; 409 application-not-shortlisted; 409 "
                            + "jury-scores-incomplete naming each application and the jurors whose scores it lacks; 409 "
                            + "application-without-kvk-number when the winner has none for the lease; 409 tender-several-units for a tender "
                            + "of several units from before a tender let exactly one (cancel it and make a tender per unit); 409 "
                            + "tender-transition-not-allowed when the tender is not pitching (allowedTransitions); the lease's and the "
                            + "discount's own refusals (lease-overlap, discount-overlap, budget-exceeded 409, discount-policy 422, "
                            + "tender-offered-discount-invalid 409) with nothing written. Accepts an Idempotency-Key.";
        });
        Description(b => b.ProducesProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity).WithMetadata(IdempotentPost.Instance)
            .WithMetadata(new TakesNoIfMatch("A tender is awarded once, while pitching: 409 when its status does not allow it.")));
    }

    public override async Task HandleAsync(AwardTenderRequest req, CancellationToken ct)
    {
        var outcome = await awards.AwardAsync(Route<Guid>("tenderId"), req.ApplicationId, req.JuryReport.Trim(), ct);
        if (outcome.Status != WriteStatus.Done)
        {
            await Send.ResultAsync(outcome.Problem());
            return;
        }

        HttpContext.Response.DescribeResource(outcome.Value!.Version);
        await Send.OkAsync(TenderResponse.From(outcome.Value, tenders.Now), ct);
    }
}
