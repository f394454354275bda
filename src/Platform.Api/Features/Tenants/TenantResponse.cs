using System.ComponentModel.DataAnnotations;
using Platform.Api.Persistence;
using Platform.Api.Validation;

namespace Platform.Api.Features.Tenants;

public sealed class TenantResponse
{
    public required Guid Id { get; init; }

    /// <summary>The tenant's name in every <c>/v1/tenants/{tenant}/…</c> path.</summary>
    [MaxLength(FieldLimits.Slug)]
    [RegularExpression(DutchCodes.SlugPattern)]
    public required string Slug { get; init; }

    [MaxLength(FieldLimits.Name)]
    public required string Name { get; init; }

    public required TenantKind Kind { get; init; }

    /// <summary>CBS municipality code, <c>GM</c> and four digits (e.g. <c>GM0344</c> Utrecht).</summary>
    [MaxLength(FieldLimits.MunicipalityCode)]
    [RegularExpression(DutchCodes.MunicipalityCodePattern)]
    public required string MunicipalityCode { get; init; }

    /// <summary>Chamber of Commerce (KvK) number, eight digits.</summary>
    [MaxLength(FieldLimits.KvkNumber)]
    [RegularExpression(DutchCodes.KvkNumberPattern)]
    public string? KvkNumber { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public static TenantResponse From(TenantRow row) => new()
    {
        Id = row.Id,
        Slug = row.Slug,
        Name = row.Name,
        Kind = EnumText<TenantKind>.Parse(row.Kind),
        MunicipalityCode = row.MunicipalityCode,
        KvkNumber = row.KvkNumber,
        CreatedAt = row.CreatedAt,
    };
}
