using System.Collections.Frozen;
using System.Text.Json.Serialization;

namespace Platform.Api.Features.Units;

/// <summary>VERA eenheidsoort: BED (bedrijfsruimte, BOG, commercial) or MOG (maatschappelijk vastgoed, social).</summary>
public enum UnitCategory
{
    [JsonStringEnumMemberName("BED")] Bed,
    [JsonStringEnumMemberName("MOG")] Mog,
}

public enum UnitStatus
{
    Vacant,
    /// <summary>Not set by clients: a unit is let while one of its leases is active.</summary>
    Let,
    InTender,
    Unavailable,
}

/// <summary>The VERA eenheiddetailsoort codes that belong to each category.</summary>
public static class UnitClassification
{
    static readonly FrozenDictionary<UnitCategory, FrozenSet<string>> DetailCodes = new Dictionary<UnitCategory, FrozenSet<string>>
    {
        [UnitCategory.Bed] = new[] { "ATE", "HOR", "KAN", "KIN", "PRA", "WIR", "WWI" }.ToFrozenSet(),
        [UnitCategory.Mog] = new[]
        {
            "BUU", "GEM", "BIJ", "BIB", "CUL", "DAG", "JON", "MAA", "MWR", "MUL", "WEL", "WWR", "WER", "WIJ", "ZST",
            "STP", "OPV", "REZ", "BAS", "BRE", "SCH", "CJG", "KTI", "VEI", "HOS",
        }.ToFrozenSet(),
    }.ToFrozenDictionary();

    public const string DetailCodePattern = @"^[A-Z]{3}\z";

    public static bool Belongs(UnitCategory category, string detailCode) => DetailCodes[category].Contains(detailCode);

    public static string CodesOf(UnitCategory category) => string.Join(", ", DetailCodes[category].Order(StringComparer.Ordinal));

    /// <summary>The MOG detail codes that by definition do not serve the neighbourhood, and so are not DAEB.</summary>
    static readonly FrozenSet<string> MogOutsideDaeb = new[] { "MWR", "WWR" }.ToFrozenSet();

    /// <summary>
    /// MOG is DAEB (a service of general economic interest), except the detail codes that are not aimed at the neighbourhood;
    /// BED (BOG, commercial) is never DAEB.
    /// </summary>
    public static bool IsDaebByDetailCode(UnitCategory category, string detailCode) =>
        category == UnitCategory.Mog && !MogOutsideDaeb.Contains(detailCode);

    /// <summary>An override decides the grey zone (a hairdresser in a community centre is commercial); else the detail code does.</summary>
    public static bool IsDaeb(UnitClassing classing) =>
        classing.Override?.Daeb ?? IsDaebByDetailCode(classing.Category, classing.DetailCode);

    /// <summary>
    /// What changing a unit's classing from <paramref name="from"/> to <paramref name="to"/> records in its history: nothing
    /// when its category, DAEB and override all stay; else the change, with the reason given. The reason is required when the
    /// category changes, when the detail code flips DAEB and when the override is removed; a new override brings its own
    /// reason, which serves when none is given.
    /// </summary>
    public static Reclassification Reclassify(UnitClassing from, UnitClassing to, string? reason)
    {
        var daebFlips = IsDaeb(from) != IsDaeb(to);
        var overrideChanges = from.Override != to.Override;
        if (from.Category == to.Category && !daebFlips && !overrideChanges)
            return Reclassification.None;

        var reasonGiven = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (reasonGiven is null && from.Category != to.Category)
            return Reclassification.ReasonMissing("A change of category (BOG ↔ MOG) needs a reason.");
        if (reasonGiven is null && daebFlips && to.Override is null)
            return Reclassification.ReasonMissing($"A change that makes the unit {(IsDaeb(to) ? "DAEB" : "niet-DAEB")} needs a reason.");
        var recorded = reasonGiven ?? (overrideChanges ? to.Override?.Reason : null);
        return recorded is null
            ? Reclassification.ReasonMissing("Removing the DAEB override needs a reason.")
            : Reclassification.Recorded(recorded);
    }
}

/// <summary>An explicit DAEB decision for a unit whose detail code says otherwise, with the reason for it.</summary>
public sealed record DaebOverrideDecision(bool Daeb, string Reason);

/// <summary>What decides whether a unit is DAEB.</summary>
public sealed record UnitClassing(UnitCategory Category, string DetailCode, DaebOverrideDecision? Override);

/// <summary>The outcome of <see cref="UnitClassification.Reclassify"/>: no history entry, one with this reason, or a missing reason.</summary>
public sealed record Reclassification(bool Record, string? Reason, string? Refusal)
{
    public static readonly Reclassification None = new(false, null, null);

    public static Reclassification Recorded(string reason) => new(true, reason, null);

    public static Reclassification ReasonMissing(string refusal) => new(false, null, refusal);
}
