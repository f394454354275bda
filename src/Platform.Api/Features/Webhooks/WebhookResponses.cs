using System.ComponentModel.DataAnnotations;
using Platform.Api.Features.Notifications;
using Platform.Api.Persistence;

namespace Platform.Api.Features.Webhooks;

public sealed class WebhookResponse
{
    public required Guid Id { get; init; }

    [MaxLength(2048)]
    [Url]
    public required string Url { get; init; }

    [MaxLength(4)]
    public required IReadOnlyList<NotificationType> Events { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public static WebhookResponse From(WebhookRow row) => new()
    {
        Id = row.Id,
        Url = row.Url,
        Events = row.EventList.Select(EnumText<NotificationType>.Parse).ToList(),
        CreatedAt = row.CreatedAt,
    };
}

public enum DeliveryStatus
{
    Pending,
    Succeeded,
    Failed,
}

public sealed class DeliveryAttemptResponse
{
    [Range(1, 100)]
    public required int Number { get; init; }

    public required DateTimeOffset AttemptedAt { get; init; }

    /// <summary>The receiver's HTTP status; none when it could not be reached or did not answer in time.</summary>
    [Range(100, 599)]
    public int? StatusCode { get; init; }

    [MaxLength(1000)]
    public string? Error { get; init; }

    [Range(0, int.MaxValue)]
    public required int DurationMs { get; init; }
}

public sealed class DeliveryResponse
{
    public required Guid Id { get; init; }

    public required Guid WebhookId { get; init; }

    public required Guid NotificationId { get; init; }

    public required NotificationType Event { get; init; }

    public required DeliveryStatus Status { get; init; }

    [Range(0, 100)]
    public required int Attempts { get; init; }

    /// <summary>When the next attempt is scheduled, while the delivery is pending.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Every attempt so far, first first.</summary>
    [MaxLength(100)]
    public required IReadOnlyList<DeliveryAttemptResponse> AttemptLog { get; init; }

    public static DeliveryResponse From(DeliveryRow row, IReadOnlyList<AttemptRow> attempts) => new()
    {
        Id = row.Id,
        WebhookId = row.WebhookId,
        NotificationId = row.NotificationId,
        Event = EnumText<NotificationType>.Parse(row.Event),
        Status = EnumText<DeliveryStatus>.Parse(row.Status),
        Attempts = row.Attempts,
        NextAttemptAt = row.NextAttemptAt,
        CreatedAt = row.CreatedAt,
        CompletedAt = row.CompletedAt,
        AttemptLog = attempts.Select(a => new DeliveryAttemptResponse
        {
            Number = a.Number,
            AttemptedAt = a.AttemptedAt,
            StatusCode = a.StatusCode,
            Error = a.Error,
            DurationMs = a.DurationMs,
        }).ToList(),
    };
}
