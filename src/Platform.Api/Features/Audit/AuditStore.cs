using System.Text.Json;
using Platform.Api.Persistence;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Audit;

public sealed class AuditEventRow
{
    public Guid Id { get; init; }
    public required string EntityType { get; init; }
    public Guid EntityId { get; init; }
    public required string Action { get; init; }
    public required string ClientId { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public required string Changes { get; init; }

    public IReadOnlyList<AuditChange> ChangeList => JsonSerializer.Deserialize<List<AuditChange>>(Changes, ApiJson.Options) ?? [];
}

public sealed class AuditStore(TenantDb db)
{
    const string ListSql = $"""
        SELECT id AS {nameof(AuditEventRow.Id)}, entity_type AS {nameof(AuditEventRow.EntityType)}, entity_id AS {nameof(AuditEventRow.EntityId)},
               action AS {nameof(AuditEventRow.Action)}, client_id AS {nameof(AuditEventRow.ClientId)},
               occurred_at AS {nameof(AuditEventRow.OccurredAt)}, changes AS {nameof(AuditEventRow.Changes)}
        FROM audit_events
        WHERE tenant_id = @TenantId AND id > @After
          AND (@EntityType IS NULL OR entity_type = @EntityType)
          AND (@EntityId IS NULL OR entity_id = @EntityId)
        ORDER BY id {SqlDialect.Limit}
        """;

    public Task<IReadOnlyList<AuditEventRow>> ListAsync(string? entityType, Guid? entityId, Guid after, int limit, CancellationToken ct) =>
        db.RunAsync(session => session.ListAsync<AuditEventRow>(ListSql,
            new { EntityType = entityType, EntityId = entityId, After = after, Limit = limit }, ct), ct);
}
