using System.ComponentModel.DataAnnotations;

namespace Platform.Api.Features.Awards;

/// <summary>A tender's award as stored in tender_awards.</summary>
public sealed record TenderAward
{
    public Guid TenderId { get; init; }
    public Guid ApplicationId { get; init; }
    public required string JuryReport { get; init; }
    public Guid LeaseId { get; init; }
    public Guid? DiscountId { get; init; }
    public DateTimeOffset AwardedAt { get; init; }
}

/// <summary>The jury's choice: the winning application, the report that explains it, and the lease (and discount) it became.</summary>
public sealed class TenderAwardResponse
{
    public required Guid ApplicationId { get; init; }

    /// <summary>The paragraph that explains the choice.</summary>
    [MinLength(AwardTenderRequest.JuryReportMinLength)]
    [MaxLength(AwardTenderRequest.JuryReportMaxLength)]
    public required string JuryReport { get; init; }

    /// <summary>The winner's lease on the tender's unit, with the offered rent, regime and start.</summary>
    public required Guid LeaseId { get; init; }

    /// <summary>The offered discount on that lease; null when the tender offered none.</summary>
    public required Guid? DiscountId { get; init; }

    public required DateTimeOffset AwardedAt { get; init; }

    public static TenderAwardResponse From(TenderAward award) => new()
    {
        ApplicationId = award.ApplicationId,
        JuryReport = award.JuryReport,
        LeaseId = award.LeaseId,
        DiscountId = award.DiscountId,
        AwardedAt = award.AwardedAt,
    };
}
