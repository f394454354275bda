namespace Platform.Api.Features.Awards;

/// <summary>A criterion of the tender as the ranking weighs it.</summary>
public sealed record RankingCriterion(string Key, int Weight);

/// <summary>One juror's score of one application on one criterion.</summary>
public sealed record JurorScore(Guid JurorId, Guid ApplicationId, string CriterionKey, int Score);

/// <summary>A juror's declared conflict of interest with one application.</summary>
public sealed record JurorConflict(Guid JurorId, Guid ApplicationId);

/// <summary>
/// Where an application's rank falls among the ranked applications, by the share of them scored higher: the top quarter
/// (under 25 % scored higher), the second (25–50 %), the third (50–75 %) or the bottom quarter.
/// </summary>
public enum RankBand
{
    TopQuarter,
    SecondQuarter,
    ThirdQuarter,
    BottomQuarter,
}

public sealed record CriterionMean(string Key, decimal Mean);

/// <summary>
/// An application's place. Unscored applications (no juror scored them) have no score, rank or band. Scores and means are
/// rounded to two decimals; ranks and ties are decided on the exact values.
/// </summary>
public sealed record RankedApplication(
    Guid ApplicationId, decimal? WeightedScore, IReadOnlyList<CriterionMean> CriterionMeans, int Jurors, int? Rank, bool Tied, RankBand? Band);

/// <summary>
/// The jury's ranking, a pure function of the criteria, the applications, the scores and the conflicts. Per application and
/// juror the weighted score is Σ weight × score / Σ weight; the application's score is the mean of those over the jurors who
/// scored it on every criterion, leaving out jurors who declared a conflict with it. Equal scores share the better rank
/// (1, 2, 2, 4) and are flagged as tied.
/// </summary>
public static class RankingRules
{
    public static IReadOnlyList<RankedApplication> Rank(
        IReadOnlyList<RankingCriterion> criteria, IReadOnlyList<Guid> applications, IEnumerable<JurorScore> scores, IEnumerable<JurorConflict> conflicts)
    {
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < criteria.Count; i++)
            position[criteria[i].Key] = i;
        var conflicted = conflicts.Select(c => (c.JurorId, c.ApplicationId)).ToHashSet();
        // Per application, per juror: the score on each criterion by position (0: not scored).
        var scoring = new Dictionary<Guid, Dictionary<Guid, int[]>>();
        foreach (var score in scores)
        {
            if (!position.TryGetValue(score.CriterionKey, out var criterion) || conflicted.Contains((score.JurorId, score.ApplicationId)))
                continue;
            if (!scoring.TryGetValue(score.ApplicationId, out var byJuror))
                scoring[score.ApplicationId] = byJuror = [];
            if (!byJuror.TryGetValue(score.JurorId, out var given))
                byJuror[score.JurorId] = given = new int[criteria.Count];
            given[criterion] = score.Score;
        }

        var tallies = applications.Select(id => TallyOf(id, scoring.GetValueOrDefault(id), criteria)).ToList();
        var ordered = tallies.Where(t => t.Jurors > 0).OrderByDescending(t => t, Highest).ThenBy(t => t.ApplicationId).ToList();
        var ranking = new List<RankedApplication>(tallies.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var tally = ordered[i];
            var sameAsPrevious = i > 0 && tally.CompareTo(ordered[i - 1]) == 0;
            var rank = sameAsPrevious ? ranking[i - 1].Rank!.Value : i + 1;
            var tied = sameAsPrevious || (i + 1 < ordered.Count && tally.CompareTo(ordered[i + 1]) == 0);
            ranking.Add(new RankedApplication(tally.ApplicationId, Round((decimal)tally.Numerator / tally.Denominator), tally.Means, tally.Jurors,
                rank, tied, BandOf(rank - 1, ordered.Count)));
        }

        ranking.AddRange(tallies.Where(t => t.Jurors == 0).OrderBy(t => t.ApplicationId)
            .Select(t => new RankedApplication(t.ApplicationId, null, [], 0, null, false, null)));
        return ranking;
    }

    static readonly Comparer<Tally> Highest = Comparer<Tally>.Create((a, b) => a.CompareTo(b));

    /// <summary>Σ over the counted jurors of Σ weight × score, over totalWeight × jurors: the mean weighted score, kept exact.</summary>
    sealed record Tally(Guid ApplicationId, long Numerator, long Denominator, int Jurors, IReadOnlyList<CriterionMean> Means)
    {
        public int CompareTo(Tally other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);
    }

    static Tally TallyOf(Guid id, Dictionary<Guid, int[]>? byJuror, IReadOnlyList<RankingCriterion> criteria)
    {
        long numerator = 0, totalWeight = 0;
        var jurors = 0;
        var sums = new long[criteria.Count];
        foreach (var given in byJuror?.Values ?? Enumerable.Empty<int[]>())
        {
            if (Array.IndexOf(given, 0) >= 0)
                continue;
            jurors++;
            for (var i = 0; i < given.Length; i++)
            {
                numerator += (long)criteria[i].Weight * given[i];
                sums[i] += given[i];
            }
        }

        foreach (var criterion in criteria)
            totalWeight += criterion.Weight;
        IReadOnlyList<CriterionMean> means = jurors == 0 ? [] : criteria.Select((c, i) => new CriterionMean(c.Key, Round((decimal)sums[i] / jurors))).ToList();
        return new Tally(id, numerator, totalWeight * jurors, jurors, means);
    }

    /// <summary>The band of an application that <paramref name="higher"/> of <paramref name="ranked"/> applications outscored.</summary>
    public static RankBand BandOf(int higher, int ranked) => (4 * higher / ranked) switch
    {
        0 => RankBand.TopQuarter,
        1 => RankBand.SecondQuarter,
        2 => RankBand.ThirdQuarter,
        _ => RankBand.BottomQuarter,
    };

    static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
