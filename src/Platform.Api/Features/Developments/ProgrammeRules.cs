namespace Platform.Api.Features.Developments;

/// <summary>What a floor area of a development's programme is for.</summary>
public enum ProgrammeFunction
{
    Housing,

    /// <summary>Offices, business and workshop space.</summary>
    Work,

    /// <summary>Commercial facilities: shops and services for the neighbourhood.</summary>
    Facilities,

    Horeca,

    /// <summary>Social real estate (MOG): community centres, care, education.</summary>
    Social,
}

/// <summary>One function's floor area in a programme version, and the part let as affordable work space.</summary>
public sealed record ProgrammeLineTerms(ProgrammeFunction Function, int M2, int AffordableM2);

/// <summary>One function of the original programme beside the current one.</summary>
public sealed record ProgrammeLineChange(ProgrammeFunction Function, int OriginalM2, int CurrentM2, int OriginalAffordableM2, int CurrentAffordableM2)
{
    public int ChangeM2 => CurrentM2 - OriginalM2;

    public int ChangeAffordableM2 => CurrentAffordableM2 - OriginalAffordableM2;
}

/// <summary>The rules of a development's programme versions: which changes cut work space, and what changed since the original.</summary>
public static class ProgrammeRules
{
    /// <summary>The functions whose loss is a cut in work space: it needs a reason and the owner's report grantees are told.</summary>
    public static readonly IReadOnlySet<ProgrammeFunction> WatchedFunctions = new HashSet<ProgrammeFunction> { ProgrammeFunction.Work, ProgrammeFunction.Facilities };

    public static int M2Of(IEnumerable<ProgrammeLineTerms> lines, ProgrammeFunction function) =>
        lines.Where(l => l.Function == function).Sum(l => l.M2);

    /// <summary>
    /// The watched functions that have fewer m² in <paramref name="next"/> than in <paramref name="previous"/>; empty for the
    /// original (no previous version) and for a version that keeps or grows them.
    /// </summary>
    public static IReadOnlyList<ProgrammeFunction> CutFunctions(IReadOnlyList<ProgrammeLineTerms>? previous, IReadOnlyList<ProgrammeLineTerms> next) =>
        previous is null
            ? []
            : WatchedFunctions.Order().Where(f => M2Of(next, f) < M2Of(previous, f)).ToList();

    /// <summary>Why a version may not follow <paramref name="previous"/> as written: the JSON field at fault and why; null when it may.</summary>
    public static (string Field, string Reason)? Refusal(
        IReadOnlyList<ProgrammeLineTerms>? previous, DateOnly? previousDecidedOn, IReadOnlyList<ProgrammeLineTerms> next, DateOnly decidedOn, string? reason)
    {
        if (previousDecidedOn is { } before && decidedOn < before)
            return ("decidedOn", $"'decidedOn' must not be before the previous version's decision of {before:yyyy-MM-dd}.");
        var cut = CutFunctions(previous, next);
        if (cut.Count > 0 && string.IsNullOrWhiteSpace(reason))
            return ("reason", $"A version with fewer m² of {string.Join(" and ", cut.Select(f => f.ToString().ToLowerInvariant()))} than the one before needs a 'reason'.");
        return null;
    }

    /// <summary>The original and the current programme function by function, in the order of <see cref="ProgrammeFunction"/>.</summary>
    public static IReadOnlyList<ProgrammeLineChange> Diff(IReadOnlyList<ProgrammeLineTerms> original, IReadOnlyList<ProgrammeLineTerms> current) =>
        original.Select(l => l.Function).Union(current.Select(l => l.Function)).Order()
            .Select(f => new ProgrammeLineChange(f, M2Of(original, f), M2Of(current, f),
                original.Where(l => l.Function == f).Sum(l => l.AffordableM2), current.Where(l => l.Function == f).Sum(l => l.AffordableM2)))
            .ToList();
}
