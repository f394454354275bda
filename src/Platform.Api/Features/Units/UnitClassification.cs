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
            "STP", "OPV", "REZ", "BAS", "BRE", "SCH", "CJG", "KTI", "VEI",
        }.ToFrozenSet(),
    }.ToFrozenDictionary();

    public const string DetailCodePattern = @"^[A-Z]{3}\z";

    public static bool Belongs(UnitCategory category, string detailCode) => DetailCodes[category].Contains(detailCode);

    public static string CodesOf(UnitCategory category) => string.Join(", ", DetailCodes[category].Order(StringComparer.Ordinal));

    /// <summary>MOG is DAEB (services of general economic interest); BOG is not.</summary>
    public static bool IsDaeb(UnitCategory category) => category == UnitCategory.Mog;
}
