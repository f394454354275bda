using Platform.Api.Features.Webhooks;
using Platform.Api.Persistence;

namespace Platform.Api.Features.Notifications;

/// <summary>
/// One notice for one tenant's feed. <paramref name="Key"/> makes it unique within its type: a notice whose key was
/// written before is not written again, so a rerun, a retry or a replay notifies once.
/// </summary>
public sealed record TenantNotice(Guid TenantId, NotificationType Type, NotificationSubject Subject, Guid SubjectId, DateOnly DueOn, string Key, string Message);

/// <summary>A notice as written: its notification, and the webhook deliveries to enqueue once the transaction commits.</summary>
public sealed record WrittenNotice(Guid NotificationId, IReadOnlyList<Guid> Deliveries);

/// <summary>
/// Writes notices into tenants' feeds, with a delivery per subscribed webhook, inside the caller's transaction.
/// The notice may belong to a tenant other than the request's (an applicant, a grantee), hence the system path's session.
/// </summary>
public sealed class TenantNotices(WebhookDispatch webhooks, TimeProvider clock)
{
    const string InsertNotificationSql = """
        INSERT INTO notifications (id, tenant_id, type, unique_key, subject_type, subject_id, due_on, message, created_at)
        SELECT @Id, @TenantId, @Type, @Key, @SubjectType, @SubjectId, @DueOn, @Message, @Now
        WHERE NOT EXISTS (SELECT 1 FROM notifications WHERE tenant_id = @TenantId AND unique_key = @Key)
        """;

    /// <returns>The notice as written, or null when one with its key was written before.</returns>
    public async Task<WrittenNotice?> WriteAsync(DbSession session, TenantNotice notice, CancellationToken ct)
    {
        var type = EnumText<NotificationType>.ToText(notice.Type);
        var now = clock.GetUtcNow();
        var id = Ids.New(now);
        var inserted = await session.ExecuteAsync(InsertNotificationSql, new
        {
            Id = id,
            notice.TenantId,
            Type = type,
            Key = $"{type}:{notice.Key}",
            SubjectType = EnumText<NotificationSubject>.ToText(notice.Subject),
            notice.SubjectId,
            notice.DueOn,
            notice.Message,
            Now = now,
        }, ct);
        return inserted == 1 ? new WrittenNotice(id, await webhooks.CreateDeliveriesAsync(session, notice.TenantId, id, type, ct)) : null;
    }

    /// <summary>Writes each notice; returns every delivery, to hand to <see cref="WebhookDispatch.Enqueue"/> after commit.</summary>
    public async Task<IReadOnlyList<Guid>> WriteAllAsync(DbSession session, IEnumerable<TenantNotice> notices, CancellationToken ct)
    {
        var deliveries = new List<Guid>();
        foreach (var notice in notices)
            if (await WriteAsync(session, notice, ct) is { } written)
                deliveries.AddRange(written.Deliveries);
        return deliveries;
    }
}
