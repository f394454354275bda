using System.ComponentModel.DataAnnotations;
using Platform.Api.Concurrency;
using Platform.Api.Features.Sharing;
using Platform.Api.OpenApi;
using Platform.Api.Validation;

namespace Platform.Api.Features.Developments;

public sealed class DevelopmentResponse
{
    public required Guid Id { get; init; }

    [MaxLength(FieldLimits.Name)]
    public required string Name { get; init; }

    [MaxLength(FieldLimits.MunicipalityCode)]
    [RegularExpression(DutchCodes.MunicipalityCodePattern)]
    public required string MunicipalityCode { get; init; }

    [MaxLength(DevelopmentRequest.MaxNeighbourhoods)]
    [EachItem(DutchCodes.NeighbourhoodCodePattern, FieldLimits.NeighbourhoodCode)]
    public required IReadOnlyList<string> NeighbourhoodCodes { get; init; }

    [Range(0, DevelopmentRequest.MaxDwellings)]
    public required int DwellingsAdded { get; init; }

    [Range(0, DevelopmentRequest.MaxDwellings)]
    public required int DwellingsRemoved { get; init; }

    [Range(0, DevelopmentRequest.MaxM2)]
    public required int WorkSpaceRemovedM2 { get; init; }

    /// <summary>The number of the current programme version; null until the original (version 1) is recorded.</summary>
    [Range(1, int.MaxValue)]
    public required int? CurrentProgrammeVersion { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The current ETag, as in the ETag header: send it as If-Match to change the development.</summary>
    [MaxLength(12)]
    [RegularExpression(ETags.Pattern)]
    [System.Text.Json.Serialization.JsonPropertyName("etag")]
    public required string ETag { get; init; }

    public static DevelopmentResponse From(DevelopmentRow row) => new()
    {
        Id = row.Id,
        Name = row.Name,
        MunicipalityCode = row.MunicipalityCode,
        NeighbourhoodCodes = SpaceList.Split(row.NeighbourhoodCodes),
        DwellingsAdded = row.DwellingsAdded,
        DwellingsRemoved = row.DwellingsRemoved,
        WorkSpaceRemovedM2 = row.WorkSpaceRemovedM2,
        CurrentProgrammeVersion = row.CurrentProgrammeVersion,
        CreatedAt = row.CreatedAt,
        UpdatedAt = row.UpdatedAt,
        ETag = ETags.For(row.Version),
    };
}
