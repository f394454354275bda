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
        var weights = criteria.ToDictionary(c => c.Key, c => (long)c.Weight, StringComparer.Ordinal);
        var totalWeight = weights.Values.Sum();
        var conflicted = conflicts.ToHashSet();
        var counted = scores
            .Where(s => weights.ContainsKey(s.CriterionKey) && !conflicted.Contains(new JurorConflict(s.JurorId, s.ApplicationId)))
            .GroupBy(s => s.ApplicationId)
            .ToDictionary(g => g.Key, g => g.GroupBy(s => s.JurorId)
                .Select(juror => juror.DistinctBy(s => s.CriterionKey).ToList())
                .Where(juror => juror.Count == weights.Count)
                .ToList());

        var tallies = applications.Select(id => TallyOf(id, counted.GetValueOrDefault(id) ?? [], criteria, weights, totalWeight)).ToList();
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

    static Tally TallyOf(Guid id, List<List<JurorScore>> jurors, IReadOnlyList<RankingCriterion> criteria, Dictionary<string, long> weights, long totalWeight)
    {
        var numerator = jurors.SelectMany(j => j).Sum(s => weights[s.CriterionKey] * s.Score);
        var means = jurors.Count == 0 ? [] : criteria
            .Select(c => new CriterionMean(c.Key, Round((decimal)jurors.Sum(j => j.Single(s => s.CriterionKey == c.Key).Score) / jurors.Count)))
            .ToList();
        return new Tally(id, numerator, totalWeight * jurors.Count, jurors.Count, means);
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
