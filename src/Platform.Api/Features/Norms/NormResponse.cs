using System.ComponentModel.DataAnnotations;
using Platform.Api.Concurrency;
using Platform.Api.Features.Developments;
using Platform.Api.Features.Sharing;
using Platform.Api.OpenApi;
using Platform.Api.Persistence;
using Platform.Api.Validation;

namespace Platform.Api.Features.Norms;

public sealed class NormScopeResponse
{
    [MaxLength(FieldLimits.MunicipalityCode)]
    [RegularExpression(DutchCodes.MunicipalityCodePattern)]
    public required string MunicipalityCode { get; init; }

    /// <summary>Empty: the whole municipality.</summary>
    [MaxLength(DevelopmentRequest.MaxNeighbourhoods)]
    [EachItem(DutchCodes.NeighbourhoodCodePattern, FieldLimits.NeighbourhoodCode)]
    public required IReadOnlyList<string> NeighbourhoodCodes { get; init; }
}

public sealed class NormResponse
{
    public required Guid Id { get; init; }

    public required NormKind Kind { get; init; }

    [Range(0, NormRequest.MaxPerDwellingM2)]
    public required decimal Value { get; init; }

    public required NormScopeResponse AppliesTo { get; init; }

    public required DateOnly ValidFrom { get; init; }

    /// <summary>Set for affordable_share_of_work_space_percent only (default 12500), null for the other kinds.</summary>
    [Range(1, NormRequest.MaxRentCentsPerM2Year)]
    public required long? MaxAffordableRentCentsPerM2Year { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The current ETag, as in the ETag header: send it as If-Match to change or delete the norm.</summary>
    [MaxLength(12)]
    [RegularExpression(ETags.Pattern)]
    [System.Text.Json.Serialization.JsonPropertyName("etag")]
    public required string ETag { get; init; }

    public static NormResponse From(NormRow row) => new()
    {
        Id = row.Id,
        Kind = EnumText<NormKind>.Parse(row.Kind),
        Value = row.Value,
        AppliesTo = new NormScopeResponse { MunicipalityCode = row.MunicipalityCode, NeighbourhoodCodes = SpaceList.Split(row.NeighbourhoodCodes) },
        ValidFrom = row.ValidFrom,
        MaxAffordableRentCentsPerM2Year = row.MaxAffordableRentCentsPerM2Year,
        CreatedAt = row.CreatedAt,
        UpdatedAt = row.UpdatedAt,
        ETag = ETags.For(row.Version),
    };
}
