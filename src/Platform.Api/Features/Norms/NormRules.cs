using Platform.Api.Features.Developments;

namespace Platform.Api.Features.Norms;

/// <summary>What a norm requires, what there is, whether it is met, and by how much it falls short.</summary>
public sealed record NormCheck(long Required, long Actual, bool Met, long Shortfall);

/// <summary>
/// A development's figures as the norms count them, from its current programme: work space is every function but
/// housing (work, facilities, horeca and social: "werken en voorzieningen"); the commercial part is work, facilities and
/// horeca, of which the affordable m² count for the affordable share.
/// </summary>
public sealed record DevelopmentFigures(long DwellingsAdded, long WorkSpaceRemovedM2, long ProgrammeM2, long WorkSpaceM2, long CommercialM2, long AffordableCommercialM2)
{
    static readonly IReadOnlySet<ProgrammeFunction> Commercial =
        new HashSet<ProgrammeFunction> { ProgrammeFunction.Work, ProgrammeFunction.Facilities, ProgrammeFunction.Horeca };

    public static DevelopmentFigures From(int dwellingsAdded, int workSpaceRemovedM2, IReadOnlyList<ProgrammeLineTerms> lines) => new(
        dwellingsAdded,
        workSpaceRemovedM2,
        lines.Sum(l => (long)l.M2),
        lines.Where(l => l.Function != ProgrammeFunction.Housing).Sum(l => (long)l.M2),
        lines.Where(l => Commercial.Contains(l.Function)).Sum(l => (long)l.M2),
        lines.Where(l => Commercial.Contains(l.Function)).Sum(l => (long)l.AffordableM2));

    /// <summary>Several developments' figures added up, as a neighbourhood counts them.</summary>
    public static DevelopmentFigures Sum(IReadOnlyList<DevelopmentFigures> developments) => new(
        developments.Sum(d => d.DwellingsAdded),
        developments.Sum(d => d.WorkSpaceRemovedM2),
        developments.Sum(d => d.ProgrammeM2),
        developments.Sum(d => d.WorkSpaceM2),
        developments.Sum(d => d.CommercialM2),
        developments.Sum(d => d.AffordableCommercialM2));
}

/// <summary>The arithmetic of the municipal norms. A requirement is rounded up to a whole m² or function: it is the least that meets it.</summary>
public static class NormRules
{
    public static long AtLeast(decimal quantity) => (long)Math.Ceiling(quantity);

    public static NormCheck Compare(long required, long actual) => new(required, actual, actual >= required, Math.Max(0, required - actual));

    /// <summary>Amsterdam: 5 m² of work space per added dwelling, so 38 dwellings need 190 m².</summary>
    public static NormCheck PerAddedDwelling(long dwellingsAdded, decimal m2PerDwelling, long workSpaceM2) =>
        Compare(AtLeast(dwellingsAdded * m2PerDwelling), workSpaceM2);

    /// <summary>A share of a whole: 10 % of a 20,000 m² programme is 2,000 m²; a third (33.33 %) of 300 functions is 100.</summary>
    public static NormCheck ShareOf(long whole, decimal percent, long part) => Compare(AtLeast(whole * percent / 100m), part);

    /// <summary>The business space a development removes, replaced by the work space it adds (100 %: no net loss).</summary>
    public static NormCheck NoNetLoss(long removedM2, decimal percentReplaced, long workSpaceM2) => ShareOf(removedM2, percentReplaced, workSpaceM2);

    /// <summary>A norm checked on one development; null for a norm that counts a neighbourhood's functions, not a programme.</summary>
    public static NormCheck? ForDevelopment(NormKind kind, decimal value, DevelopmentFigures development) => kind switch
    {
        NormKind.M2WorkSpacePerAddedDwelling => PerAddedDwelling(development.DwellingsAdded, value, development.WorkSpaceM2),
        NormKind.WorkShareOfProgrammePercent => ShareOf(development.ProgrammeM2, value, development.WorkSpaceM2),
        NormKind.AffordableShareOfWorkSpacePercent => ShareOf(development.CommercialM2, value, development.AffordableCommercialM2),
        NormKind.NoNetLoss => NoNetLoss(development.WorkSpaceRemovedM2, value, development.WorkSpaceM2),
        _ => null,
    };
}
