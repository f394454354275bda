using System.ComponentModel.DataAnnotations;
using Platform.Api.Persistence;
using Platform.Api.Validation;

namespace Platform.Api.Features.Notifications;

public enum NotificationType
{
    [System.Text.Json.Serialization.JsonStringEnumMemberName("discount.evaluation_due")] DiscountEvaluationDue,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("discount.evaluation_overdue")] DiscountEvaluationOverdue,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("discount.ending")] DiscountEnding,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("lease.ending")] LeaseEnding,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("lease.notice_deadline")] LeaseNoticeDeadline,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("sharing_grant.created")] SharingGrantCreated,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("sharing_grant.revoked")] SharingGrantRevoked,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("application.shortlisted")] ApplicationShortlisted,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("application.not_selected")] ApplicationNotSelected,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("pitch_night.upcoming")] PitchNightUpcoming,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("tender.closing_soon")] TenderClosingSoon,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("programme.work_space_reduced")] ProgrammeWorkSpaceReduced,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("application.awarded")] ApplicationAwarded,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("application.rejected")] ApplicationRejected,
}

public enum NotificationSubject
{
    Discount,
    Lease,
    SharingGrant,
    Tender,
    Application,
    Development,
}

public sealed class NotificationResponse
{
    public required Guid Id { get; init; }

    public required NotificationType Type { get; init; }

    public required NotificationSubject SubjectType { get; init; }

    public required Guid SubjectId { get; init; }

    /// <summary>The day the reminder is about: the evaluation's due date, the day the discount or lease ends, a 7:290 lease's notice deadline, a sharing grant's first day or the day it was revoked, the day a tender's shortlist was made or its award, the day of its pitch night or of its closing, or the day a cut in a development's work space was decided.</summary>
    public required DateOnly DueOn { get; init; }

    [MaxLength(1000)]
    public required string Message { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    [MaxLength(FieldLimits.ClientId)]
    public string? AcknowledgedBy { get; init; }

    public static NotificationResponse From(NotificationRow row) => new()
    {
        Id = row.Id,
        Type = EnumText<NotificationType>.Parse(row.Type),
        SubjectType = EnumText<NotificationSubject>.Parse(row.SubjectType),
        SubjectId = row.SubjectId,
        DueOn = row.DueOn,
        Message = row.Message,
        CreatedAt = row.CreatedAt,
        AcknowledgedAt = row.AcknowledgedAt,
        AcknowledgedBy = row.AcknowledgedBy,
    };
}
