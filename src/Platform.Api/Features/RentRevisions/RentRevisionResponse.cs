using System.ComponentModel.DataAnnotations;
using Platform.Api.Features.Leases;
using Platform.Api.Persistence;

namespace Platform.Api.Features.RentRevisions;

public sealed class RentRevisionResponse
{
    public required Guid Id { get; init; }

    public required Guid LeaseId { get; init; }

    /// <summary>The first day of the first month charged at this base rent.</summary>
    public required DateOnly EffectiveFrom { get; init; }

    [Range(1, LeaseFieldRules.MaxRentCentsPerMonth)]
    public required long BaseRentCentsPerMonth { get; init; }

    public required RentRevisionReason Reason { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The API client that made the revision.</summary>
    [MaxLength(100)]
    public required string CreatedBy { get; init; }

    public static RentRevisionResponse From(RentRevisionRow row) => new()
    {
        Id = row.Id,
        LeaseId = row.LeaseId,
        EffectiveFrom = row.EffectiveFrom,
        BaseRentCentsPerMonth = row.BaseRentCentsPerMonth,
        Reason = EnumText<RentRevisionReason>.Parse(row.Reason),
        CreatedAt = row.CreatedAt,
        CreatedBy = row.CreatedBy,
    };
}
