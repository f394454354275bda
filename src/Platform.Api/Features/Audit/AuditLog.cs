using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Api.Persistence;
using Platform.Api.Security;

namespace Platform.Api.Features.Audit;

public enum AuditEntityType
{
    Plinth,
    Unit,
    Lease,
    Discount,
    SharingGrant,
}

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
    Reclassified,
    Terminated,
    Evaluated,
    Ended,
    Revoked,
    RentRevised,

    /// <summary>A grantee read the owner's data under the sharing grant (the entity): changes name the grantee and the resource.</summary>
    ReadByGrantee,
}

public sealed class AuditChange
{
    public const int MaxValueLength = 4000;

    /// <summary>The field as named in the resource, nested fields with dots: <c>address.postcode</c>.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(200)]
    public required string Field { get; init; }

    [System.ComponentModel.DataAnnotations.MaxLength(MaxValueLength)]
    public string? Old { get; init; }

    [System.ComponentModel.DataAnnotations.MaxLength(MaxValueLength)]
    public string? New { get; init; }
}

/// <summary>
/// Records who changed what and when, in the same transaction as the change. The change list is the
/// difference between the resource as the API showed it before and after.
/// </summary>
public sealed class AuditLog(IHttpContextAccessor http, TimeProvider clock)
{
    const string InsertSql = """
        INSERT INTO audit_events (id, tenant_id, entity_type, entity_id, action, client_id, occurred_at, changes)
        VALUES (@Id, @TenantId, @EntityType, @EntityId, @Action, @ClientId, @OccurredAt, @Changes)
        """;

    static readonly HashSet<string> Unrecorded = ["etag", "updatedAt", "createdAt"];

    // tenantId: the owner, named on the system path; an owner session binds its own.
    public Task RecordAsync(DbSession session, AuditEntityType entityType, Guid entityId, AuditAction action, object? before, object? after, CancellationToken ct,
        Guid? tenantId = null)
    {
        var now = clock.GetUtcNow();
        var changes = Diff(Flatten(before), Flatten(after));
        return session.ExecuteAsync(InsertSql, new
        {
            Id = Ids.New(now),
            TenantId = tenantId,
            EntityType = EnumText<AuditEntityType>.ToText(entityType),
            EntityId = entityId,
            Action = EnumText<AuditAction>.ToText(action),
            ClientId = http.HttpContext?.User.ClientIdOf() ?? "system",
            OccurredAt = now,
            Changes = JsonSerializer.Serialize(changes, ApiJson.Options),
        }, ct);
    }

    static List<AuditChange> Diff(Dictionary<string, string?> before, Dictionary<string, string?> after) =>
        before.Keys.Union(after.Keys)
            .Where(field => !Unrecorded.Contains(field))
            .Select(field => new AuditChange { Field = field, Old = before.GetValueOrDefault(field), New = after.GetValueOrDefault(field) })
            .Where(change => change.Old != change.New)
            .OrderBy(change => change.Field, StringComparer.Ordinal)
            .ToList();

    static Dictionary<string, string?> Flatten(object? resource)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (resource is not null)
            Flatten(JsonSerializer.SerializeToNode(resource, resource.GetType(), ApiJson.Options), "", fields);
        return fields;
    }

    static void Flatten(JsonNode? node, string path, Dictionary<string, string?> fields)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, child) in obj)
                Flatten(child, path.Length == 0 ? name : $"{path}.{name}", fields);
        }
        else
        {
            fields[path] = node switch
            {
                null => null,
                JsonValue value when value.TryGetValue(out string? text) => text,
                _ => node.ToJsonString(ApiJson.Options),
            };
        }
    }
}
