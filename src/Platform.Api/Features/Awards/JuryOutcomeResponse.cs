using System.ComponentModel.DataAnnotations;
using Platform.Api.Features.Tenders;

namespace Platform.Api.Features.Awards;

/// <summary>What the award told the applicant of its own plan's scores: never another applicant's.</summary>
public sealed class JuryOutcomeResponse
{
    /// <summary>The quarter of the ranked shortlist its rank fell in.</summary>
    public required RankBand Band { get; init; }

    /// <summary>Per criterion, in the tender's order, the mean of the scores of the jurors whose scores counted.</summary>
    [MaxLength(TenderFieldRules.MaxCriteria)]
    public required IReadOnlyList<CriterionMeanResponse> CriterionMeans { get; init; }

    public static JuryOutcomeResponse From(JuryOutcome outcome) => new() { Band = outcome.Band, CriterionMeans = CriterionMeanResponse.From(outcome.CriterionMeans) };
}
