using Hangfire;
using Platform.Api.Persistence;

namespace Platform.Api.Features.Webhooks;

/// <summary>
/// Turns a notification into one delivery per subscribed webhook, in the transaction that writes the
/// notification, and hands each delivery to Hangfire once that transaction is committed.
/// </summary>
public sealed class WebhookDispatch(SystemDb db, IBackgroundJobClient jobs, TimeProvider clock)
{
    /// <summary>A pending delivery this long past its next attempt has lost its job.</summary>
    public static readonly TimeSpan StrandedAfter = TimeSpan.FromMinutes(10);

    const string SubscribersSql = """
        SELECT id FROM webhooks
        WHERE tenant_id = @TenantId AND deleted_at IS NULL AND events LIKE @Pattern
        """;

    const string InsertDeliverySql = """
        INSERT INTO webhook_deliveries (id, tenant_id, webhook_id, notification_id, event, status, attempts, next_attempt_at, created_at, completed_at)
        VALUES (@Id, @TenantId, @WebhookId, @NotificationId, @Event, 'pending', 0, @Now, @Now, NULL)
        """;

    /// <returns>The new deliveries, to <see cref="Enqueue"/> after the transaction commits.</returns>
    public async Task<IReadOnlyList<Guid>> CreateDeliveriesAsync(DbSession session, Guid tenantId, Guid notificationId, string eventName, CancellationToken ct)
    {
        var webhooks = await session.ListAsync<Guid>(SubscribersSql, new { TenantId = tenantId, Pattern = $"% {eventName} %" }, ct);
        var deliveries = new List<Guid>();
        foreach (var webhookId in webhooks)
        {
            var id = Ids.New(clock.GetUtcNow());
            await session.ExecuteAsync(InsertDeliverySql, new
            {
                Id = id, TenantId = tenantId, WebhookId = webhookId, NotificationId = notificationId, Event = eventName, Now = clock.GetUtcNow(),
            }, ct);
            deliveries.Add(id);
        }

        return deliveries;
    }

    const string StrandedSql = $"""
        SELECT id FROM webhook_deliveries {SqlDialect.UpdateLock}
        WHERE status = 'pending' AND next_attempt_at < @Cutoff
        ORDER BY next_attempt_at {SqlDialect.Limit}
        """;

    const string ClaimSql = "UPDATE webhook_deliveries SET next_attempt_at = @Now WHERE id = @Id";

    /// <summary>Queues again the pending deliveries whose job was lost; returns how many.</summary>
    public async Task<int> RequeueStrandedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stranded = await db.TransactAsync(async session =>
        {
            var ids = await session.ListAsync<Guid>(StrandedSql, new { Cutoff = now - StrandedAfter, Limit = 500 }, ct);
            foreach (var id in ids)
                await session.ExecuteAsync(ClaimSql, new { Id = id, Now = now }, ct);
            return ids;
        }, ct);
        Enqueue(stranded);
        return stranded.Count;
    }

    public void Enqueue(IEnumerable<Guid> deliveryIds)
    {
        foreach (var id in deliveryIds)
            jobs.Enqueue<WebhookSender>(sender => sender.DeliverAsync(id, CancellationToken.None));
    }
}
