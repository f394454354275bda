using Platform.Api.Features.Norms;

namespace Platform.Api.Features.Reports.Norms;

/// <summary>A norm in force, as the report applies it: to the whole municipality, or to some of its neighbourhoods.</summary>
public sealed record NormInForce(Guid Id, NormKind Kind, decimal Value, IReadOnlyList<string> NeighbourhoodCodes)
{
    /// <summary>Whether the norm applies to what lies in these neighbourhoods: a norm for the whole municipality always does.</summary>
    public bool AppliesIn(IEnumerable<string> neighbourhoodCodes) =>
        NeighbourhoodCodes.Count == 0 || NeighbourhoodCodes.Intersect(neighbourhoodCodes, StringComparer.Ordinal).Any();
}

/// <summary>One norm checked on a development or a neighbourhood.</summary>
public sealed record NormOutcome(NormInForce Norm, NormCheck Check);

/// <summary>A development the report counts: its neighbourhoods, and its figures from the current programme (null: no version yet).</summary>
public sealed record ReportedDevelopment(Guid Id, IReadOnlyList<string> NeighbourhoodCodes, DevelopmentFigures? Figures);

/// <summary>
/// A neighbourhood's figures: the current programmes of the counted developments that lie in it, added up (a development in two
/// neighbourhoods counts in both), and its functions: each dwelling those developments add is a residential function, each unit
/// on the counted plinths in it a non-residential one.
/// </summary>
public sealed record NeighbourhoodFigures(string NeighbourhoodCode, int Developments, DevelopmentFigures Programme, long NonResidentialUnits)
{
    public long Functions => Programme.DwellingsAdded + NonResidentialUnits;
}

/// <summary>Which norms apply where, and what a neighbourhood adds up to; the arithmetic of each norm is <see cref="NormRules"/>'.</summary>
public static class NormsReportRules
{
    /// <summary>The norms that apply to the development, each checked on its current programme; none without a programme.</summary>
    public static IReadOnlyList<NormOutcome> ForDevelopment(IReadOnlyList<NormInForce> norms, ReportedDevelopment development) =>
        development.Figures is not { } figures
            ? []
            : Checked(norms.Where(n => n.AppliesIn(development.NeighbourhoodCodes)), n => NormRules.ForDevelopment(n.Kind, n.Value, figures));

    /// <summary>The norms that apply in the neighbourhood, the programme norms on its developments' sums, the function mix on its functions.</summary>
    public static IReadOnlyList<NormOutcome> ForNeighbourhood(IReadOnlyList<NormInForce> norms, NeighbourhoodFigures neighbourhood) =>
        Checked(norms.Where(n => n.AppliesIn([neighbourhood.NeighbourhoodCode])), n => n.Kind == NormKind.NonResidentialFunctionSharePercent
            ? NormRules.ShareOf(neighbourhood.Functions, n.Value, neighbourhood.NonResidentialUnits)
            : NormRules.ForDevelopment(n.Kind, n.Value, neighbourhood.Programme));

    /// <summary>
    /// Every neighbourhood a counted development or unit lies in, in code order, with the programmed developments in it added up;
    /// a development without a programme yet adds nothing.
    /// </summary>
    public static IReadOnlyList<NeighbourhoodFigures> Neighbourhoods(IReadOnlyList<ReportedDevelopment> developments, IReadOnlyDictionary<string, long> unitsByNeighbourhood) =>
        developments.SelectMany(d => d.NeighbourhoodCodes).Concat(unitsByNeighbourhood.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(code =>
            {
                var programmed = developments.Where(d => d.Figures is not null && d.NeighbourhoodCodes.Contains(code, StringComparer.Ordinal)).Select(d => d.Figures!).ToList();
                return new NeighbourhoodFigures(code, programmed.Count, DevelopmentFigures.Sum(programmed), unitsByNeighbourhood.GetValueOrDefault(code));
            })
            .ToList();

    static IReadOnlyList<NormOutcome> Checked(IEnumerable<NormInForce> norms, Func<NormInForce, NormCheck?> check) =>
        norms.Select(n => (Norm: n, Check: check(n))).Where(c => c.Check is not null).Select(c => new NormOutcome(c.Norm, c.Check!)).ToList();
}
