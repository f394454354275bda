using System.ComponentModel.DataAnnotations;
using Platform.Api.Concurrency;
using Platform.Api.Persistence;

namespace Platform.Api.Features.Leases;

public sealed class LeaseResponse
{
    public required Guid Id { get; init; }

    public required Guid UnitId { get; init; }

    public required Lessee Lessee { get; init; }

    public required LeaseRegime Regime { get; init; }

    public required DateOnly StartDate { get; init; }

    public DateOnly? EndDate { get; init; }

    /// <summary>The base rent agreed at the start, in euro cents per month; rent revisions change it from a month on (see the rent and the rent schedule).</summary>
    [Range(1, LeaseFieldRules.MaxRentCentsPerMonth)]
    public required long BaseRentCentsPerMonth { get; init; }

    /// <summary>upcoming before the start date, ended after the end date, active in between.</summary>
    public required LeaseStatus Status { get; init; }

    /// <summary>Why the lease was ended early, when it was.</summary>
    [MaxLength(1000)]
    public string? TerminationReason { get; init; }

    public DateTimeOffset? TerminatedAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The current ETag, as in the ETag header: send it as If-Match to change the lease.</summary>
    [MaxLength(12)]
    [RegularExpression(ETags.Pattern)]
    [System.Text.Json.Serialization.JsonPropertyName("etag")]
    public required string ETag { get; init; }

    public static LeaseResponse From(LeaseRow row, LeaseStatus status) => new()
    {
        Id = row.Id,
        UnitId = row.UnitId,
        Lessee = new Lessee
        {
            Name = row.LesseeName,
            KvkNumber = row.LesseeKvkNumber,
            SbiCode = row.LesseeSbiCode,
            ContactEmail = row.LesseeContactEmail,
        },
        Regime = EnumText<LeaseRegime>.Parse(row.Regime),
        StartDate = row.StartDate,
        EndDate = row.EndDate,
        BaseRentCentsPerMonth = row.BaseRentCentsPerMonth,
        Status = status,
        TerminationReason = row.TerminationReason,
        TerminatedAt = row.TerminatedAt,
        CreatedAt = row.CreatedAt,
        UpdatedAt = row.UpdatedAt,
        ETag = ETags.For(row.Version),
    };
}
