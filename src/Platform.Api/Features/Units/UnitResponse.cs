using System.ComponentModel.DataAnnotations;
using Platform.Api.Concurrency;
using Platform.Api.Persistence;
using Platform.Api.Validation;

namespace Platform.Api.Features.Units;

public sealed class UnitResponse
{
    public required Guid Id { get; init; }

    public required Guid PlinthId { get; init; }

    [MaxLength(FieldLimits.Name)]
    public required string Name { get; init; }

    public required UnitCategory Category { get; init; }

    [MaxLength(3)]
    [RegularExpression(UnitClassification.DetailCodePattern)]
    public required string DetailCode { get; init; }

    /// <summary>
    /// Whether the unit is DAEB (social, state-backed) or niet-DAEB (commercial): daebOverride.daeb when there is one, else by
    /// detail code: MOG is DAEB except MWR and WWR, BED is never DAEB.
    /// </summary>
    public required bool Daeb { get; init; }

    /// <summary>The explicit DAEB decision against the detail code, when one was made.</summary>
    public DaebOverride? DaebOverride { get; init; }

    public required decimal AreaM2 { get; init; }

    [Range(0, UnitFieldRules.MaxRentCentsPerYear)]
    public long? MarketRentCentsPerYear { get; init; }

    public DateOnly? ValuationDate { get; init; }

    [MaxLength(FieldLimits.Name)]
    public string? ValuationSource { get; init; }

    [Range(0, UnitFieldRules.MaxRentCentsPerYear)]
    public long? TargetRentCentsPerYear { get; init; }

    /// <summary>let while one of the unit's leases is active today; otherwise the status last set.</summary>
    public required UnitStatus Status { get; init; }

    [Range(1, 6)]
    public int? EnvironmentalCategory { get; init; }

    /// <summary>
    /// Since when the unit has had no lease, when it is not let today: the day after its last lease ended, or the day it was created
    /// when it never had one; null while a lease is active.
    /// </summary>
    public DateOnly? VacantSince { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The current ETag, as in the ETag header: send it as If-Match to change the unit.</summary>
    [MaxLength(12)]
    [RegularExpression(ETags.Pattern)]
    [System.Text.Json.Serialization.JsonPropertyName("etag")]
    public required string ETag { get; init; }

    public static UnitResponse From(UnitRow row)
    {
        var classing = row.Classing;
        return new UnitResponse
        {
            Id = row.Id,
            PlinthId = row.PlinthId,
            Name = row.Name,
            Category = classing.Category,
            DetailCode = row.DetailCode,
            Daeb = UnitClassification.IsDaeb(classing),
            DaebOverride = classing.Override is { } decided ? new DaebOverride { Daeb = decided.Daeb, Reason = decided.Reason } : null,
            AreaM2 = row.AreaM2,
            MarketRentCentsPerYear = row.MarketRentCentsPerYear,
            ValuationDate = row.ValuationDate,
            ValuationSource = row.ValuationSource,
            TargetRentCentsPerYear = row.TargetRentCentsPerYear,
            Status = row.Let ? UnitStatus.Let : EnumText<UnitStatus>.Parse(row.Status),
            EnvironmentalCategory = row.EnvironmentalCategory,
            VacantSince = row.VacantSince,
            CreatedAt = row.CreatedAt,
            UpdatedAt = row.UpdatedAt,
            ETag = ETags.For(row.Version),
        };
    }
}
