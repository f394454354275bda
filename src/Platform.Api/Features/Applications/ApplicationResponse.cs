using System.ComponentModel.DataAnnotations;
using Platform.Api.Concurrency;
using Platform.Api.Features.Awards;
using Platform.Api.Features.Tenders;
using Platform.Api.Persistence;
using Platform.Api.Validation;

namespace Platform.Api.Features.Applications;

/// <summary>An application, as its landlord and the tenant that submitted it see it.</summary>
public sealed class ApplicationResponse
{
    public required Guid Id { get; init; }

    public required Guid TenderId { get; init; }

    /// <summary>The landlord's slug: the tenant the application belongs to.</summary>
    [MaxLength(FieldLimits.Slug)]
    [RegularExpression(DutchCodes.SlugPattern)]
    public required string Landlord { get; init; }

    /// <summary>The slug of the tenant whose client submitted it (a collective's own, or the landlord's website).</summary>
    [MaxLength(FieldLimits.Slug)]
    [RegularExpression(DutchCodes.SlugPattern)]
    public required string SubmittedBy { get; init; }

    public required Applicant Applicant { get; init; }

    public required ApplicationSections Sections { get; init; }

    public DateOnly? RequestedStartDate { get; init; }

    public required ApplicationStatus Status { get; init; }

    /// <summary>The landlord's reason when it marked the application eligible or ineligible.</summary>
    [MaxLength(ApplicationStore.ReasonLength)]
    public string? AssessmentReason { get; init; }

    /// <summary>The landlord's note when it shortlisted the application.</summary>
    [MaxLength(ShortlistEntry.NoteLength)]
    public string? ShortlistNote { get; init; }

    /// <summary>A shortlisted application's own turn on the pitch night, when the tender has one.</summary>
    public PitchSlot? PitchSlot { get; init; }

    /// <summary>After the award: the application's own rank band and per-criterion means, as the jury gave them.</summary>
    public JuryOutcomeResponse? JuryOutcome { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The current ETag, as in the ETag header: send it as If-Match to change the application.</summary>
    [MaxLength(12)]
    [RegularExpression(ETags.Pattern)]
    [System.Text.Json.Serialization.JsonPropertyName("etag")]
    public required string ETag { get; init; }

    public static ApplicationResponse From(ApplicationRow row) => new()
    {
        Id = row.Id,
        TenderId = row.TenderId,
        Landlord = row.LandlordSlug,
        SubmittedBy = row.SubmitterSlug,
        Applicant = new Applicant
        {
            Name = row.ApplicantName,
            Organisation = row.ApplicantOrganisation,
            KvkNumber = row.ApplicantKvkNumber,
            Email = row.ApplicantEmail,
            Phone = row.ApplicantPhone,
        },
        Sections = TenderJson.Read<ApplicationSections>(row.Sections),
        RequestedStartDate = row.RequestedStartDate,
        Status = EnumText<ApplicationStatus>.Parse(row.Status),
        AssessmentReason = row.AssessmentReason,
        ShortlistNote = row.ShortlistNote,
        PitchSlot = row is { ShortlistPosition: { } position, TenderPitchNight: { } night }
            ? TenderRules.SlotOf(TenderJson.Read<PitchNight>(night), new ShortlistPlace(row.Id, position))
            : null,
        JuryOutcome = row.JuryOutcome is null ? null : TenderJson.Read<JuryOutcomeResponse>(row.JuryOutcome),
        SubmittedAt = row.CreatedAt,
        UpdatedAt = row.UpdatedAt,
        ETag = ETags.For(row.Version),
    };
}
