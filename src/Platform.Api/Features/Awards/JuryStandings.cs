namespace Platform.Api.Features.Awards;

/// <summary>An application's place in the ranking, with what the jury has and has not done for it.</summary>
public sealed record ApplicationStanding(RankedApplication Ranked, int ConflictedJurors, IReadOnlyList<Guid> MissingJurors, int ScoringJurors)
{
    public Guid ApplicationId => Ranked.ApplicationId;

    /// <summary>
    /// Complete when every sitting juror without a conflict with the application scored it on every criterion, and at least one
    /// such juror sits (an application every juror is conflicted with cannot be scored).
    /// </summary>
    public bool ScoresComplete => ScoringJurors > 0 && MissingJurors.Count == 0;
}

/// <summary>
/// The ranking of a tender's shortlist over its sitting jurors: appointed and not revoked. A revoked juror's scores and
/// conflicts no longer count: the jury is the jurors who sit when it is ranked. Pure, over what the store loaded.
/// </summary>
public static class JuryStandings
{
    /// <summary>The standings in ranking order (<see cref="RankingRules.Rank"/>): ranked applications first, unscored ones after.</summary>
    public static IReadOnlyList<ApplicationStanding> Of(IReadOnlyList<RankingCriterion> criteria, IReadOnlyList<Guid> applications,
        IReadOnlyList<Guid> sittingJurors, IEnumerable<JurorScore> scores, IEnumerable<JurorConflict> conflicts)
    {
        var sitting = sittingJurors.ToHashSet();
        var counted = scores.Where(s => sitting.Contains(s.JurorId)).ToList();
        var declared = conflicts.Where(c => sitting.Contains(c.JurorId)).ToList();
        var conflicted = declared.Select(c => (c.JurorId, c.ApplicationId)).ToHashSet();
        var keys = criteria.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var scored = counted.Where(s => keys.Contains(s.CriterionKey)).Select(s => (s.JurorId, s.ApplicationId, s.CriterionKey)).ToHashSet();

        return RankingRules.Rank(criteria, applications, counted, declared).Select(ranked =>
        {
            var scoring = sittingJurors.Where(j => !conflicted.Contains((j, ranked.ApplicationId))).ToList();
            var missing = scoring.Where(j => keys.Any(k => !scored.Contains((j, ranked.ApplicationId, k)))).ToList();
            return new ApplicationStanding(ranked, sittingJurors.Count - scoring.Count, missing, scoring.Count);
        }).ToList();
    }
}
