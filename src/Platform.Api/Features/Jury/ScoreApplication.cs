using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using FluentValidation;
using Platform.Api.Concurrency;
using Platform.Api.OpenApi;
using Platform.Api.Security;
using Platform.Api.Features.Tenders;
using Platform.Api.Validation;

namespace Platform.Api.Features.Jury;

/// <summary>A juror's score of one application on one criterion of the tender.</summary>
public sealed class CriterionScore
{
    public const int CommentLength = 2000;

    /// <summary>The criterion's key, as the tender's criteria name it.</summary>
    [Required]
    [MaxLength(40)]
    [RegularExpression(TenderCriterion.KeyPattern)]
    public string CriterionKey { get; init; } = "";

    [Required]
    [Range(JuryRules.MinScore, JuryRules.MaxScore)]
    public int Score { get; init; }

    /// <summary>Why this score, in the juror's words.</summary>
    [MaxLength(CommentLength)]
    public string? Comment { get; init; }
}

public sealed class ScoreApplicationRequest
{
    /// <summary>One score for every criterion of the tender, each criterion once.</summary>
    [Required]
    public IReadOnlyList<CriterionScore> Scores { get; init; } = [];
}

public sealed class CriterionScoreValidator : AbstractValidator<CriterionScore>
{
    public CriterionScoreValidator()
    {
        RuleFor(s => s.CriterionKey).NotEmpty().TextLength(40).Matches(TenderCriterion.KeyPattern);
        RuleFor(s => s.Score).InclusiveBetween(JuryRules.MinScore, JuryRules.MaxScore);
        RuleFor(s => s.Comment).TextLength(CriterionScore.CommentLength);
    }
}

public sealed class ScoreApplicationValidator : Validator<ScoreApplicationRequest>
{
    public ScoreApplicationValidator()
    {
        RuleFor(r => r.Scores).NotEmpty().MaxCount(TenderFieldRules.MaxCriteria);
        RuleForEach(r => r.Scores).NotNull().SetValidator(new CriterionScoreValidator());
    }
}

/// <summary>A juror's current scores of one application: what it gave on each criterion, and when it last scored.</summary>
public sealed class JuryScoresResponse
{
    public required Guid ApplicationId { get; init; }

    public required Guid JurorId { get; init; }

    /// <summary>In the order of the tender's criteria.</summary>
    [MaxLength(TenderFieldRules.MaxCriteria)]
    public required IReadOnlyList<CriterionScore> Scores { get; init; }

    public required DateTimeOffset ScoredAt { get; init; }

    /// <summary>The response for one application's stored scores, in the criteria's order; null when the juror has not scored it.</summary>
    public static JuryScoresResponse? From(Guid jurorId, Guid applicationId, IReadOnlyList<string> criteria, IEnumerable<JuryScoreRow> scores)
    {
        var given = scores.OrderBy(s => IndexOf(criteria, s.CriterionKey)).ToList();
        return given.Count == 0 ? null : new JuryScoresResponse
        {
            ApplicationId = applicationId,
            JurorId = jurorId,
            Scores = given.Select(s => new CriterionScore { CriterionKey = s.CriterionKey, Score = s.Score, Comment = s.Comment }).ToList(),
            ScoredAt = given.Max(s => s.ScoredAt),
        };
    }

    static int IndexOf(IReadOnlyList<string> criteria, string key)
    {
        for (var i = 0; i < criteria.Count; i++)
            if (criteria[i] == key)
                return i;
        return criteria.Count;
    }
}

public sealed class ScoreApplicationEndpoint(JuryStore jury) : Endpoint<ScoreApplicationRequest, JuryScoresResponse>
{
    public override void Configure()
    {
        Put("/v1/jury/tenders/{tenderId:guid}/scores/{applicationId:guid}");
        Summary(s =>
        {
            s.Summary = "Score a shortlisted application";
            s.Description = "With the juror's key (Juror-Key): this juror's scores of one shortlisted application, 1 to 10 on every criterion of "
                            + "the tender, each criterion once (400 naming scores[i].criterionKey for a key that is no criterion or repeats one, "
                            + "scores when a criterion has no score). A PUT replaces the juror's earlier scores of the application; every score "
                            + "and every revision is in the landlord's audit trail (entityType jury_score, the application's id) with the juror "
                            + "as its client (juror-{id}) and the time. Only while the tender is pitching (409 tender-not-pitching, naming its "
                            + "status); 409 juror-conflicted once the juror declared a conflict of interest with the application; 404 for an "
                            + "application that is not on this tender's shortlist.";
        });
        Description(b => b.ProducesProblems(StatusCodes.Status409Conflict)
            .WithMetadata(new TakesNoIfMatch("A juror's scores are its own and only its key writes them: a PUT replaces them whole, so no one else's change can be lost.")));
    }

    public override async Task HandleAsync(ScoreApplicationRequest req, CancellationToken ct)
    {
        var outcome = await jury.ScoreAsync(Route<Guid>("tenderId"), JurorKeyAuthentication.JurorIdOf(User), Route<Guid>("applicationId"), req.Scores, ct);
        if (outcome.Status != WriteStatus.Done)
        {
            await Send.ResultAsync(outcome.Problem());
            return;
        }

        await Send.OkAsync(outcome.Value!, ct);
    }
}
