using System.ComponentModel.DataAnnotations;
using Platform.Api.Concurrency;

namespace Platform.Api.Features.DiscountPolicy;

/// <summary>The tenant's discount policy; every rule is null while it does not apply (all null: no policy).</summary>
public sealed class DiscountPolicyResponse
{
    [Range(0, 100)]
    public required int? MinBelowMarketPercent { get; init; }

    [Range(0, 100)]
    public required int? MaxBelowMarketPercent { get; init; }

    [Range(1, DiscountPolicyFields.MaxTermMonthsLimit)]
    public required int? MaxTermMonths { get; init; }

    /// <summary>Discounts only for units whose plinth lies in a priority neighbourhood (the plinth's priorityNeighbourhood).</summary>
    public required bool? PriorityNeighbourhoodsOnly { get; init; }

    /// <summary>When the policy was last set; null while it never was.</summary>
    public required DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>The current ETag, as in the ETag header ("0" while the policy was never set): send it as If-Match to replace the policy.</summary>
    [MaxLength(12)]
    [RegularExpression(ETags.Pattern)]
    [System.Text.Json.Serialization.JsonPropertyName("etag")]
    public required string ETag { get; init; }

    public static DiscountPolicyResponse From(DiscountPolicyRow row) => new()
    {
        MinBelowMarketPercent = row.MinBelowMarketPercent,
        MaxBelowMarketPercent = row.MaxBelowMarketPercent,
        MaxTermMonths = row.MaxTermMonths,
        PriorityNeighbourhoodsOnly = row.PriorityNeighbourhoodsOnly,
        UpdatedAt = row.UpdatedAt,
        ETag = ETags.For(row.Version),
    };
}
