using System.ComponentModel.DataAnnotations;
using Platform.Api.Concurrency;
using Platform.Api.Persistence;
using Platform.Api.Validation;

namespace Platform.Api.Features.Jurors;

/// <summary>A neighbourhood juror: a resident of the neighbourhood, or a professional (an entrepreneur, a shopkeepers' association).</summary>
public enum JurorRole
{
    Resident,
    Professional,
}

public enum JurorStatus
{
    Active,
    Revoked,
}

public sealed class JurorResponse
{
    public required Guid Id { get; init; }

    public required Guid TenderId { get; init; }

    [MaxLength(FieldLimits.Name)]
    public required string Name { get; init; }

    public required JurorRole Role { get; init; }

    /// <summary>Revoked jurors' keys answer 401; an active juror's key works until the tender is awarded or cancelled.</summary>
    public required JurorStatus Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset? RevokedAt { get; init; }

    [MaxLength(12)]
    [RegularExpression(ETags.Pattern)]
    [System.Text.Json.Serialization.JsonPropertyName("etag")]
    public required string ETag { get; init; }

    public static JurorResponse From(JurorRow row) => new()
    {
        Id = row.Id,
        TenderId = row.TenderId,
        Name = row.Name,
        Role = EnumText<JurorRole>.Parse(row.Role),
        Status = row.RevokedAt is null ? JurorStatus.Active : JurorStatus.Revoked,
        CreatedAt = row.CreatedAt,
        RevokedAt = row.RevokedAt,
        ETag = ETags.For(row.Version),
    };
}
