using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Platform.Api.Concurrency;
using Platform.Api.Features.Awards;
using Platform.Api.Features.Sharing;
using Platform.Api.Persistence;
using Platform.Api.Validation;

namespace Platform.Api.Features.Tenders;

public sealed class TenderResponse
{
    public required Guid Id { get; init; }

    /// <summary>The unit the tender lets; a tender created before a tender let exactly one unit may list several.</summary>
    [MaxLength(TenderFieldRules.MaxStoredUnits)]
    public required IReadOnlyList<Guid> UnitIds { get; init; }

    [MaxLength(FieldLimits.Name)]
    public required string Title { get; init; }

    [MaxLength(TenderFieldRules.TextLength)]
    public required string Description { get; init; }

    [MaxLength(TenderFieldRules.TextLength)]
    public required string NeighbourhoodProfile { get; init; }

    [MaxLength(TenderFieldRules.EligibilityLength)]
    public required string Eligibility { get; init; }

    [MaxLength(5)]
    public required IReadOnlyList<TenderSection> RequiredSections { get; init; }

    [MaxLength(TenderFieldRules.MaxCriteria)]
    public required IReadOnlyList<TenderCriterion> Criteria { get; init; }

    public required DateTimeOffset OpensAt { get; init; }

    public required DateTimeOffset ClosesAt { get; init; }

    public PitchNight? PitchNight { get; init; }

    /// <summary>From the shortlist on: each shortlisted applicant's turn on the pitch night, in shortlist order (none without a pitch night).</summary>
    [MaxLength(ShortlistTenderRequest.MaxEntries)]
    public required IReadOnlyList<PitchSlot> PitchSlots { get; init; }

    public required OfferedTerms OfferedTerms { get; init; }

    public required TenderVisibility Visibility { get; init; }

    /// <summary>published until opensAt, then open; the other statuses as last decided.</summary>
    public required TenderStatus Status { get; init; }

    /// <summary>The transitions the tender allows now.</summary>
    [MaxLength(4)]
    public required IReadOnlyList<TenderTransition> AllowedTransitions { get; init; }

    public required DateTimeOffset? PublishedAt { get; init; }

    public required DateTimeOffset? ClosedAt { get; init; }

    public required DateTimeOffset? CancelledAt { get; init; }

    /// <summary>Once awarded: the winner, the jury's report, the lease and discount it became, and when.</summary>
    public TenderAwardResponse? Award { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The current ETag, as in the ETag header: send it as If-Match to change the tender.</summary>
    [MaxLength(12)]
    [RegularExpression(ETags.Pattern)]
    [System.Text.Json.Serialization.JsonPropertyName("etag")]
    public required string ETag { get; init; }

    public static TenderResponse From(TenderRow row, DateTimeOffset now)
    {
        var status = TenderRules.StatusAt(EnumText<TenderStatus>.Parse(row.Status), row.OpensAt, now);
        var pitchNight = row.PitchNight is null ? null : TenderJson.Read<PitchNight>(row.PitchNight);
        return new TenderResponse
        {
            Id = row.Id,
            UnitIds = row.UnitIds,
            Title = row.Title,
            Description = row.Description,
            NeighbourhoodProfile = row.NeighbourhoodProfile,
            Eligibility = row.Eligibility,
            RequiredSections = TenderJson.Sections(row.RequiredSections),
            Criteria = TenderJson.Read<List<TenderCriterion>>(row.Criteria),
            OpensAt = row.OpensAt,
            ClosesAt = row.ClosesAt,
            PitchNight = pitchNight,
            PitchSlots = TenderRules.PitchSlots(pitchNight, row.Shortlist),
            OfferedTerms = TenderJson.Read<OfferedTerms>(row.OfferedTerms),
            Visibility = EnumText<TenderVisibility>.Parse(row.Visibility),
            Status = status,
            AllowedTransitions = TenderRules.AllowedFrom(status),
            PublishedAt = row.PublishedAt,
            ClosedAt = row.ClosedAt,
            CancelledAt = row.CancelledAt,
            Award = row.Award is null ? null : TenderAwardResponse.From(row.Award),
            CreatedAt = row.CreatedAt,
            UpdatedAt = row.UpdatedAt,
            ETag = ETags.For(row.Version),
        };
    }
}

/// <summary>The tender's structured fields as stored: JSON in the API's own spelling, sections as a space list.</summary>
public static class TenderJson
{
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, ApiJson.Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, ApiJson.Options)!;

    public static string SectionList(IEnumerable<TenderSection> sections) => SpaceList.Join(sections.Select(EnumText<TenderSection>.ToText))!;

    public static IReadOnlyList<TenderSection> Sections(string list) =>
        SpaceList.Split(list).Select(EnumText<TenderSection>.Parse).Order().ToList();
}
