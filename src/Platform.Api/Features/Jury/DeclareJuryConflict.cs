using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using FluentValidation;
using Platform.Api.Concurrency;
using Platform.Api.Idempotency;
using Platform.Api.OpenApi;
using Platform.Api.Security;
using Platform.Api.Validation;

namespace Platform.Api.Features.Jury;

public sealed class DeclareJuryConflictRequest
{
    public const int ReasonLength = 1000;

    /// <summary>Why the juror cannot judge this plan impartially, e.g. "the applicant is my neighbour".</summary>
    [Required]
    public string Reason { get; init; } = "";
}

public sealed class DeclareJuryConflictValidator : Validator<DeclareJuryConflictRequest>
{
    public DeclareJuryConflictValidator() => RuleFor(r => r.Reason).NotEmpty().TextLength(DeclareJuryConflictRequest.ReasonLength);
}

/// <summary>A juror's declared conflict of interest with one application: the juror does not score it.</summary>
public sealed class JuryConflictResponse
{
    public required Guid ApplicationId { get; init; }

    public required Guid JurorId { get; init; }

    [MaxLength(DeclareJuryConflictRequest.ReasonLength)]
    public required string Reason { get; init; }

    public required DateTimeOffset DeclaredAt { get; init; }

    public static JuryConflictResponse From(Guid jurorId, JuryConflictRow row) => new()
    {
        ApplicationId = row.ApplicationId, JurorId = jurorId, Reason = row.Reason, DeclaredAt = row.DeclaredAt,
    };
}

public sealed class DeclareJuryConflictEndpoint(JuryStore jury) : Endpoint<DeclareJuryConflictRequest, JuryConflictResponse>
{
    public override void Configure()
    {
        Post("/v1/jury/tenders/{tenderId:guid}/conflicts/{applicationId:guid}");
        Summary(s =>
        {
            s.Summary = "Declare a conflict of interest with a shortlisted application";
            s.Description = "With the juror's key (Juror-Key): this juror does not score the application from now on (a score answers 409 "
                            + "juror-conflicted), and the scores it gave it are removed; the ranking leaves the juror out for it. Once per juror "
                            + "and application: a second declaration answers the stored conflict, with its first reason. Audited in the "
                            + "landlord's trail (entityType jury_conflict, the application's id; a removal of scores as jury_score deleted). "
                            + "While the tender is shortlisted or pitching (409 tender-not-shortlisted otherwise, naming its status); 404 for an "
                            + "application that is not on this tender's shortlist. Accepts an Idempotency-Key.";
        });
        Description(b => b.ProducesProblems(StatusCodes.Status409Conflict).WithMetadata(IdempotentPost.Instance)
            .WithMetadata(new TakesNoIfMatch("A declaration is made once per juror and application: a second one answers the stored conflict.")));
    }

    public override async Task HandleAsync(DeclareJuryConflictRequest req, CancellationToken ct)
    {
        var outcome = await jury.DeclareConflictAsync(Route<Guid>("tenderId"), JurorKeyAuthentication.JurorIdOf(User), Route<Guid>("applicationId"),
            req.Reason.Trim(), ct);
        if (outcome.Status != WriteStatus.Done)
        {
            await Send.ResultAsync(outcome.Problem());
            return;
        }

        await Send.OkAsync(outcome.Value!, ct);
    }
}
