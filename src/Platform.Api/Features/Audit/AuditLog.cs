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
    Tender,
    Application,
    Development,
    Juror,

    /// <summary>A juror's declared conflict of interest with an application (the entity id is the application's).</summary>
    JuryConflict,

    /// <summary>A juror's scores of an application (the entity id is the application's; the client is the juror).</summary>
    JuryScore,
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

    /// <summary>A grantee read the owner's data under the sharing grant (the entity): changes name the grantee and the resource.</summary>
    ReadByGrantee,

    /// <summary>The lease's base rent was revised from a month on (the revision is the new value).</summary>
    RentRevised,
    Published,
    Closed,
    Shortlisted,
    Cancelled,
    Submitted,
    Withdrawn,
    Assessed,

    /// <summary>An eligible application was left off the tender's shortlist.</summary>
    NotSelected,

    /// <summary>A development's programme got a new version (the version is the new value).</summary>
    ProgrammeVersionAdded,
    /// <summary>The tender's jury started hearing and scoring the shortlisted applicants.</summary>
    PitchingStarted,
}

public sealed class AuditChange
{
    public const int MaxValueLength = 4000;

    /// <summary>The field as named in the resource, nested fields with dots, items of a list of objects by index: <c>address.postcode</c>, <c>criteria[0].weight</c>.</summary>
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

    public Task RecordAsync(DbSession session, AuditEntityType entityType, Guid entityId, AuditAction action, object? before, object? after, CancellationToken ct) =>
        session.ExecuteAsync(InsertSql, Event(entityType, entityId, action, before, after), ct);

    /// <summary>For a session on the system path (a change that crosses tenants): records the event in <paramref name="ownerId"/>'s trail.</summary>
    public Task RecordForAsync(DbSession session, Guid ownerId, AuditEntityType entityType, Guid entityId, AuditAction action, object? before, object? after,
        CancellationToken ct) =>
        RecordForAsync(session, ownerId, Event(entityType, entityId, action, before, after), ct);

    /// <summary>
    /// A job's own change on the system path (the reminder scan closing a tender at closesAt): recorded in
    /// <paramref name="ownerId"/>'s trail by the client <c>system</c>, also when an operator's request started the run.
    /// </summary>
    public Task RecordAsSystemAsync(DbSession session, Guid ownerId, AuditEntityType entityType, Guid entityId, AuditAction action, object? before,
        object? after, CancellationToken ct) =>
        RecordForAsync(session, ownerId, Event(entityType, entityId, action, before, after, SystemClient), ct);

    public const string SystemClient = "system";

    Task RecordForAsync(DbSession session, Guid ownerId, object auditEvent, CancellationToken ct)
    {
        var parameters = new Dapper.DynamicParameters(auditEvent);
        parameters.Add("TenantId", ownerId);
        return session.ExecuteAsync(InsertSql, parameters, ct);
    }

    object Event(AuditEntityType entityType, Guid entityId, AuditAction action, object? before, object? after, string? clientId = null)
    {
        var now = clock.GetUtcNow();
        var changes = Diff(Flatten(before), Flatten(after));
        return new
        {
            Id = Ids.New(now),
            EntityType = EnumText<AuditEntityType>.ToText(entityType),
            EntityId = entityId,
            Action = EnumText<AuditAction>.ToText(action),
            ClientId = clientId ?? http.HttpContext?.User.ClientIdOf() ?? SystemClient,
            OccurredAt = now,
            Changes = JsonSerializer.Serialize(changes, ApiJson.Options),
        };
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
        else if (node is JsonArray { Count: > 0 } items && items.All(item => item is JsonObject))
        {
            // A list of objects (a tender's criteria, a schedule's steps) by item, so each value stays within MaxValueLength.
            for (var i = 0; i < items.Count; i++)
                Flatten(items[i], $"{path}[{i}]", fields);
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
