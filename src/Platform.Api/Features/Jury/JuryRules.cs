using Platform.Api.Features.Tenders;

namespace Platform.Api.Features.Jury;

/// <summary>A score sheet refused against the tender's criteria: the JSON name of the field at fault and why.</summary>
public sealed record ScoreSheetRefusal(string Field, string Reason);

/// <summary>What a juror may do when: declare a conflict of interest once the shortlist is known, score only while pitching.</summary>
public static class JuryRules
{
    public const int MinScore = 1;
    public const int MaxScore = 10;

    public const string TenderNotPitching = "tender-not-pitching";
    public const string TenderNotShortlisted = "tender-not-shortlisted";
    public const string JurorConflicted = "juror-conflicted";

    /// <summary>A juror scores while the jury hears the pitches, and revises its scores until the award ends the pitching.</summary>
    public static bool MayScore(TenderStatus status) => status == TenderStatus.Pitching;

    /// <summary>A conflict is declared from the shortlist on, when the juror knows whom it will hear, until the award.</summary>
    public static bool MayDeclareConflict(TenderStatus status) => status is TenderStatus.Shortlisted or TenderStatus.Pitching;

    /// <summary>
    /// A score sheet scores every criterion of the tender exactly once: the first key that is not a criterion of the tender, or that
    /// repeats one, is refused as <c>scores[i].criterionKey</c>; a criterion without a score is refused as <c>scores</c>.
    /// </summary>
    public static ScoreSheetRefusal? CheckSheet(IReadOnlyList<string> criteria, IReadOnlyList<string> scoredKeys)
    {
        var scored = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < scoredKeys.Count; i++)
        {
            var key = scoredKeys[i];
            if (!criteria.Contains(key, StringComparer.Ordinal))
                return new($"scores[{i}].criterionKey", $"'{key}' is no criterion of this tender; its criteria are {string.Join(", ", criteria)}.");
            if (!scored.Add(key))
                return new($"scores[{i}].criterionKey", $"'{key}' is scored twice; a score sheet scores each criterion once.");
        }

        var missing = criteria.Where(c => !scored.Contains(c)).ToList();
        return missing.Count == 0 ? null : new("scores", $"Every criterion is scored; no score for {string.Join(", ", missing)}.");
    }
}
