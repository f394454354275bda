using Platform.Api.Persistence;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Webhooks;

public sealed class WebhookRow
{
    public Guid Id { get; init; }
    public required string Url { get; init; }

    /// <summary>Event names separated and surrounded by spaces, so one LIKE finds a subscription.</summary>
    public required string Events { get; init; }

    public required string Secret { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public IReadOnlyList<string> EventList => Events.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static string JoinEvents(IEnumerable<string> events) => $" {string.Join(' ', events.Distinct().Order(StringComparer.Ordinal))} ";
}

public sealed class DeliveryRow
{
    public Guid Id { get; init; }
    public Guid WebhookId { get; init; }
    public Guid NotificationId { get; init; }
    public required string Event { get; init; }
    public required string Status { get; init; }
    public int Attempts { get; init; }
    public DateTimeOffset? NextAttemptAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
}

public sealed class AttemptRow
{
    public Guid DeliveryId { get; init; }
    public int Number { get; init; }
    public DateTimeOffset AttemptedAt { get; init; }
    public int? StatusCode { get; init; }
    public string? Error { get; init; }
    public int DurationMs { get; init; }
}

/// <summary>A tenant's webhooks and their delivery log.</summary>
public sealed class WebhookStore(TenantDb db, TimeProvider clock)
{
    const string Columns = $"""
        id AS {nameof(WebhookRow.Id)}, url AS {nameof(WebhookRow.Url)}, events AS {nameof(WebhookRow.Events)},
        secret AS {nameof(WebhookRow.Secret)}, created_at AS {nameof(WebhookRow.CreatedAt)}
        """;

    internal const string DeliveryColumns = $"""
        id AS {nameof(DeliveryRow.Id)}, webhook_id AS {nameof(DeliveryRow.WebhookId)}, notification_id AS {nameof(DeliveryRow.NotificationId)},
        event AS {nameof(DeliveryRow.Event)}, status AS {nameof(DeliveryRow.Status)}, attempts AS {nameof(DeliveryRow.Attempts)},
        next_attempt_at AS {nameof(DeliveryRow.NextAttemptAt)}, created_at AS {nameof(DeliveryRow.CreatedAt)}, completed_at AS {nameof(DeliveryRow.CompletedAt)}
        """;

    const string FindSql = $"SELECT {Columns} FROM webhooks WHERE tenant_id = @TenantId AND id = @Id AND deleted_at IS NULL";

    const string ListSql = $"""
        SELECT {Columns} FROM webhooks
        WHERE tenant_id = @TenantId AND deleted_at IS NULL AND id > @After
        ORDER BY id {SqlDialect.Limit}
        """;

    const string InsertSql = """
        INSERT INTO webhooks (id, tenant_id, url, events, secret, created_at, deleted_at)
        VALUES (@Id, @TenantId, @Url, @Events, @Secret, @CreatedAt, NULL)
        """;

    const string DeleteSql = "UPDATE webhooks SET deleted_at = @Now WHERE tenant_id = @TenantId AND id = @Id AND deleted_at IS NULL";

    const string ListDeliveriesSql = $"""
        SELECT {DeliveryColumns} FROM webhook_deliveries
        WHERE tenant_id = @TenantId AND webhook_id = @WebhookId AND id > @After
        ORDER BY id {SqlDialect.Limit}
        """;

    const string FindDeliverySql = $"SELECT {DeliveryColumns} FROM webhook_deliveries WHERE tenant_id = @TenantId AND webhook_id = @WebhookId AND id = @Id";

    const string AttemptsSql = $"""
        SELECT delivery_id AS {nameof(AttemptRow.DeliveryId)}, number AS {nameof(AttemptRow.Number)}, attempted_at AS {nameof(AttemptRow.AttemptedAt)},
               status_code AS {nameof(AttemptRow.StatusCode)}, error AS {nameof(AttemptRow.Error)}, duration_ms AS {nameof(AttemptRow.DurationMs)}
        FROM webhook_attempts
        WHERE tenant_id = @TenantId AND delivery_id IN @Ids
        ORDER BY delivery_id, number
        """;

    public Task<WebhookRow?> FindAsync(Guid id, CancellationToken ct) =>
        db.RunAsync(session => session.QuerySingleOrDefaultAsync<WebhookRow>(FindSql, new { Id = id }, ct), ct);

    public Task<IReadOnlyList<WebhookRow>> ListAsync(Guid after, int limit, CancellationToken ct) =>
        db.RunAsync(session => session.ListAsync<WebhookRow>(ListSql, new { After = after, Limit = limit }, ct), ct);

    public Task<WebhookRow> CreateAsync(string url, IEnumerable<string> events, CancellationToken ct)
    {
        var row = new WebhookRow
        {
            Id = Ids.New(clock.GetUtcNow()),
            Url = url,
            Events = WebhookRow.JoinEvents(events),
            Secret = "whsec_" + Security.ClientSecrets.Generate(),
            CreatedAt = clock.GetUtcNow(),
        };
        return db.TransactAsync(async session =>
        {
            await session.ExecuteAsync(InsertSql, row, ct);
            return row;
        }, ct);
    }

    public Task<bool> DeleteAsync(Guid id, CancellationToken ct) =>
        db.TransactAsync(async session => await session.ExecuteAsync(DeleteSql, new { Id = id, Now = clock.GetUtcNow() }, ct) == 1, ct);

    public Task<IReadOnlyList<(DeliveryRow Delivery, IReadOnlyList<AttemptRow> Attempts)>> ListDeliveriesAsync(Guid webhookId, Guid after, int limit, CancellationToken ct) =>
        db.RunAsync<IReadOnlyList<(DeliveryRow, IReadOnlyList<AttemptRow>)>>(async session =>
        {
            var deliveries = await session.ListAsync<DeliveryRow>(ListDeliveriesSql, new { WebhookId = webhookId, After = after, Limit = limit }, ct);
            if (deliveries.Count == 0)
                return [];
            var attempts = (await session.ListAsync<AttemptRow>(AttemptsSql, new { Ids = deliveries.Select(d => d.Id).ToList() }, ct)).ToLookup(a => a.DeliveryId);
            return deliveries.Select(d => (d, (IReadOnlyList<AttemptRow>)attempts[d.Id].ToList())).ToList();
        }, ct);

    const string RedeliverSql = """
        INSERT INTO webhook_deliveries (id, tenant_id, webhook_id, notification_id, event, status, attempts, next_attempt_at, created_at, completed_at)
        SELECT @NewId, tenant_id, webhook_id, notification_id, event, 'pending', 0, @Now, @Now, NULL
        FROM webhook_deliveries
        WHERE tenant_id = @TenantId AND webhook_id = @WebhookId AND id = @Id
        """;

    /// <summary>A new delivery of the same notification to the same webhook; null when there is no such delivery.</summary>
    public Task<DeliveryRow?> RedeliverAsync(Guid webhookId, Guid id, CancellationToken ct) =>
        db.TransactAsync(async session =>
        {
            var newId = Ids.New(clock.GetUtcNow());
            var copied = await session.ExecuteAsync(RedeliverSql, new { NewId = newId, WebhookId = webhookId, Id = id, Now = clock.GetUtcNow() }, ct);
            return copied == 0 ? null : await session.QuerySingleOrDefaultAsync<DeliveryRow>(FindDeliverySql, new { WebhookId = webhookId, Id = newId }, ct);
        }, ct);

    public Task<DeliveryRow?> FindDeliveryAsync(Guid webhookId, Guid id, CancellationToken ct) =>
        db.RunAsync(session => session.QuerySingleOrDefaultAsync<DeliveryRow>(FindDeliverySql, new { WebhookId = webhookId, Id = id }, ct), ct);
}
