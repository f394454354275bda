using Platform.Api.Persistence;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Notifications;

public sealed class NotificationRow
{
    public Guid Id { get; init; }
    public Guid TenantId { get; init; }
    public required string Type { get; init; }
    public required string SubjectType { get; init; }
    public Guid SubjectId { get; init; }
    public DateOnly DueOn { get; init; }
    public required string Message { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public string? AcknowledgedBy { get; init; }
}

/// <summary>A tenant's notification feed.</summary>
public sealed class NotificationStore(TenantDb db, TimeProvider clock)
{
    internal const string Columns = $"""
        id AS {nameof(NotificationRow.Id)}, tenant_id AS {nameof(NotificationRow.TenantId)}, type AS {nameof(NotificationRow.Type)},
        subject_type AS {nameof(NotificationRow.SubjectType)}, subject_id AS {nameof(NotificationRow.SubjectId)},
        due_on AS {nameof(NotificationRow.DueOn)}, message AS {nameof(NotificationRow.Message)}, created_at AS {nameof(NotificationRow.CreatedAt)},
        acknowledged_at AS {nameof(NotificationRow.AcknowledgedAt)}, acknowledged_by AS {nameof(NotificationRow.AcknowledgedBy)}
        """;

    const string ListSql = $"""
        SELECT {Columns} FROM notifications
        WHERE tenant_id = @TenantId AND id > @After
          AND (@Type IS NULL OR type = @Type)
          AND (@Unacknowledged = 0 OR acknowledged_at IS NULL)
        ORDER BY id {SqlDialect.Limit}
        """;

    const string FindSql = $"SELECT {Columns} FROM notifications WHERE tenant_id = @TenantId AND id = @Id";

    const string AcknowledgeSql = """
        UPDATE notifications SET acknowledged_at = @Now, acknowledged_by = @ClientId
        WHERE tenant_id = @TenantId AND id = @Id AND acknowledged_at IS NULL
        """;

    public Task<IReadOnlyList<NotificationRow>> ListAsync(string? type, bool unacknowledged, Guid after, int limit, CancellationToken ct) =>
        db.RunAsync(session => session.ListAsync<NotificationRow>(ListSql,
            new { Type = type, Unacknowledged = unacknowledged, After = after, Limit = limit }, ct), ct);

    /// <summary>Acknowledges once; acknowledging again changes nothing and answers the notification as it is.</summary>
    public Task<NotificationRow?> AcknowledgeAsync(Guid id, string clientId, CancellationToken ct) =>
        db.TransactAsync(async session =>
        {
            await session.ExecuteAsync(AcknowledgeSql, new { Id = id, Now = clock.GetUtcNow(), ClientId = clientId }, ct);
            return await session.QuerySingleOrDefaultAsync<NotificationRow>(FindSql, new { Id = id }, ct);
        }, ct);
}
