using System.ComponentModel.DataAnnotations;
using Platform.Api.Concurrency;
using Platform.Api.Validation;

namespace Platform.Api.Features.Plinths;

public sealed class PlinthResponse
{
    public required Guid Id { get; init; }

    [MaxLength(FieldLimits.Name)]
    public required string Name { get; init; }

    public required Address Address { get; init; }

    [MaxLength(FieldLimits.MunicipalityCode)]
    [RegularExpression(DutchCodes.MunicipalityCodePattern)]
    public required string MunicipalityCode { get; init; }

    [MaxLength(10)]
    [RegularExpression(DutchCodes.NeighbourhoodCodePattern)]
    public required string NeighbourhoodCode { get; init; }

    [Range(0, 100_000)]
    public required int DwellingsAbove { get; init; }

    public required decimal PlinthAreaM2 { get; init; }

    [MaxLength(100)]
    public string? Theme { get; init; }

    public required bool PriorityNeighbourhood { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The current ETag, as in the ETag header: send it as If-Match to change or delete the plinth.</summary>
    [MaxLength(12)]
    [RegularExpression(ETags.Pattern)]
    [System.Text.Json.Serialization.JsonPropertyName("etag")]
    public required string ETag { get; init; }

    public static PlinthResponse From(PlinthRow row) => new()
    {
        Id = row.Id,
        Name = row.Name,
        Address = new Address
        {
            Street = row.Street,
            HouseNumber = row.HouseNumber,
            HouseNumberAddition = row.HouseNumberAddition,
            Postcode = row.Postcode,
            City = row.City,
        },
        MunicipalityCode = row.MunicipalityCode,
        NeighbourhoodCode = row.NeighbourhoodCode,
        DwellingsAbove = row.DwellingsAbove,
        PlinthAreaM2 = row.PlinthAreaM2,
        Theme = row.Theme,
        PriorityNeighbourhood = row.PriorityNeighbourhood,
        CreatedAt = row.CreatedAt,
        UpdatedAt = row.UpdatedAt,
        ETag = ETags.For(row.Version),
    };
}
