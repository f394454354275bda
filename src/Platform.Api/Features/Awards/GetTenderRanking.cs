using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using Platform.Api.Concurrency;
using Platform.Api.Features.Tenders;
using Platform.Api.OpenApi;
using Platform.Api.Security;
using Platform.Api.Validation;

namespace Platform.Api.Features.Awards;

/// <summary>The mean of the jurors' scores on one criterion.</summary>
public sealed class CriterionMeanResponse
{
    [MaxLength(40)]
    [RegularExpression(TenderCriterion.KeyPattern)]
    public required string Key { get; init; }

    /// <summary>1–10, two decimals.</summary>
    [Range(1, 10)]
    public required decimal Mean { get; init; }

    public static IReadOnlyList<CriterionMeanResponse> From(IEnumerable<CriterionMean> means) =>
        means.Select(m => new CriterionMeanResponse { Key = m.Key, Mean = m.Mean }).ToList();
}

/// <summary>One shortlisted application's place in the jury's ranking.</summary>
public sealed class RankingEntryResponse
{
    public required Guid ApplicationId { get; init; }

    [MaxLength(FieldLimits.Name)]
    public required string ApplicantName { get; init; }

    /// <summary>
    /// Per juror Σ weight × score / Σ weight, then the mean over the jurors who scored every criterion (conflicted jurors left
    /// out); 1–10, two decimals. Null while no juror has scored it completely.
    /// </summary>
    [Range(1, 10)]
    public required decimal? WeightedScore { get; init; }

    /// <summary>Per criterion, in the tender's order, the mean over the same jurors; empty while none has scored it completely.</summary>
    [MaxLength(TenderFieldRules.MaxCriteria)]
    public required IReadOnlyList<CriterionMeanResponse> CriterionMeans { get; init; }

    /// <summary>The jurors whose scores count: they scored every criterion and declared no conflict.</summary>
    [Range(0, int.MaxValue)]
    public required int Jurors { get; init; }

    /// <summary>The sitting jurors who declared a conflict of interest with this application.</summary>
    [Range(0, int.MaxValue)]
    public required int ConflictedJurors { get; init; }

    /// <summary>1 is the best; equal scores share the better rank (1, 2, 2, 4). Null while unscored.</summary>
    [Range(1, ShortlistTenderRequest.MaxEntries)]
    public required int? Rank { get; init; }

    /// <summary>Whether another application has exactly the same weighted score.</summary>
    public required bool Tied { get; init; }

    /// <summary>The quarter of the ranked applications its rank falls in; null while unscored.</summary>
    public RankBand? Band { get; init; }

    /// <summary>
    /// Whether every sitting juror (appointed, not revoked) who declared no conflict with it has scored it on every criterion, with
    /// at least one such juror. The award needs every shortlisted application complete.
    /// </summary>
    public required bool ScoresComplete { get; init; }

    public static RankingEntryResponse From(ApplicationStanding standing, string applicantName) => new()
    {
        ApplicationId = standing.ApplicationId,
        ApplicantName = applicantName,
        WeightedScore = standing.Ranked.WeightedScore,
        CriterionMeans = CriterionMeanResponse.From(standing.Ranked.CriterionMeans),
        Jurors = standing.Ranked.Jurors,
        ConflictedJurors = standing.ConflictedJurors,
        Rank = standing.Ranked.Rank,
        Tied = standing.Ranked.Tied,
        Band = standing.Ranked.Band,
        ScoresComplete = standing.ScoresComplete,
    };
}

public sealed class TenderRankingResponse
{
    public required Guid TenderId { get; init; }

    /// <summary>pitching while the jury scores, awarded after the award.</summary>
    public required TenderStatus Status { get; init; }

    /// <summary>The sitting jurors: appointed and not revoked. A revoked juror's scores and conflicts no longer count.</summary>
    [Range(0, int.MaxValue)]
    public required int SittingJurors { get; init; }

    /// <summary>Every shortlisted application, best first; the unscored ones last.</summary>
    [MaxLength(ShortlistTenderRequest.MaxEntries)]
    public required IReadOnlyList<RankingEntryResponse> Applications { get; init; }

    public static TenderRankingResponse From(TenderRanking ranking)
    {
        var names = ranking.Jury.Applications.ToDictionary(a => a.Id, a => a.ApplicantName);
        return new TenderRankingResponse
        {
            TenderId = ranking.TenderId,
            Status = ranking.Status,
            SittingJurors = ranking.Jury.Jurors.Count(j => j.RevokedAt is null),
            Applications = ranking.Standings.Select(s => RankingEntryResponse.From(s, names[s.ApplicationId])).ToList(),
        };
    }
}

public sealed class GetTenderRankingEndpoint(RankingStore rankings) : EndpointWithoutRequest<TenderRankingResponse>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/tenders/{tenderId:guid}/ranking");
        Scopes(ApiScopes.TendersRead, ApiScopes.TendersWrite);
        Summary(s =>
        {
            s.Summary = "Get the jury's ranking of a tender";
            s.Description = "Every shortlisted application with its weighted score, per-criterion means, the number of jurors whose scores count "
                            + "and of those conflicted, its rank, ties, rank band and whether its scores are complete. From the pitching on; "
                            + "409 tender-not-ranked naming the status before it (or for a cancelled tender).";
        });
        Description(b => b.ProducesProblems(StatusCodes.Status409Conflict));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var outcome = await rankings.RankingAsync(Route<Guid>("tenderId"), ct);
        if (outcome.Status != WriteStatus.Done)
        {
            await Send.ResultAsync(outcome.Problem());
            return;
        }

        await Send.OkAsync(TenderRankingResponse.From(outcome.Value!), ct);
    }
}
