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
    public required TermStatus Status { get; init; }

    /// <summary>
    /// The last day of the statutory term that runs today (or starts after today) of a 7:290 lease, which ends only by notice
    /// (art. 7:293 BW): five years from the start for an agreed term of more than two and less than five years or an indefinite
    /// one (art. 7:292 lid 1), the end date for five years or more, and five years more once that term has passed (7:292 lid 2).
    /// Null when the lease ends on its end date (7:230a, other, a 7:290 lease of at most two years under art. 7:301, a
    /// terminated lease) and after the extended term, when the lease continues for an indefinite time (art. 7:300).
    /// </summary>
    public DateOnly? StatutoryEndDate { get; init; }

    /// <summary>
    /// The last day on which notice ends the lease at statutoryEndDate: one year before it (notice of at least one year,
    /// art. 7:293 BW; a statutory end on 29 February gives 28 February). Null exactly when statutoryEndDate is.
    /// </summary>
    public DateOnly? NoticeDeadline { get; init; }

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

    public static LeaseResponse From(LeaseRow row, TermStatus status, StatutoryTerm? term) => new()
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
        StatutoryEndDate = term?.EndDate,
        NoticeDeadline = term?.NoticeDeadline,
        TerminationReason = row.TerminationReason,
        TerminatedAt = row.TerminatedAt,
        CreatedAt = row.CreatedAt,
        UpdatedAt = row.UpdatedAt,
        ETag = ETags.For(row.Version),
    };
}
