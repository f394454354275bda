using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using Platform.Api.Errors;
using Platform.Api.Paging;
using Platform.Api.Persistence;
using Platform.Api.Security;
using Platform.Api.Validation;

namespace Platform.Api.Features.Audit;

public sealed class ListAuditEventsRequest : PageQuery
{
    [Description("Only events of this kind of entity. Required unless the client holds tenant:admin.")]
    public AuditEntityType? EntityType { get; init; }

    /// <summary>Only events of this entity.</summary>
    public Guid? EntityId { get; init; }
}

public sealed class ListAuditEventsValidator : Validator<ListAuditEventsRequest>
{
    public ListAuditEventsValidator() => this.IncludePageRules(idOrdered: true);
}

public sealed class AuditEventResponse
{
    public required Guid Id { get; init; }

    public required AuditEntityType EntityType { get; init; }

    public required Guid EntityId { get; init; }

    public required AuditAction Action { get; init; }

    /// <summary>The API client that made the change.</summary>
    [MaxLength(FieldLimits.ClientId)]
    public required string ClientId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Each field that changed, with its old and new value as text.</summary>
    [MaxLength(100)]
    public required IReadOnlyList<AuditChange> Changes { get; init; }

    public static AuditEventResponse From(AuditEventRow row) => new()
    {
        Id = row.Id,
        EntityType = EnumText<AuditEntityType>.Parse(row.EntityType),
        EntityId = row.EntityId,
        Action = EnumText<AuditAction>.Parse(row.Action),
        ClientId = row.ClientId,
        OccurredAt = row.OccurredAt,
        Changes = row.ChangeList,
    };
}

public sealed class ListAuditEventsEndpoint(AuditStore audit) : Endpoint<ListAuditEventsRequest, Page<AuditEventResponse>>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/audit");
        Scopes(ApiScopes.TenantAdmin, ApiScopes.PlinthsRead, ApiScopes.PlinthsWrite, ApiScopes.LeasesRead, ApiScopes.LeasesWrite,
            ApiScopes.DiscountsRead, ApiScopes.DiscountsWrite, ApiScopes.TendersRead, ApiScopes.TendersWrite, ApiScopes.ProgrammesRead, ApiScopes.ProgrammesWrite);
        Summary(s =>
        {
            s.Summary = "List audit events";
            s.Description = "Every create, update, delete, reclassification and termination, oldest first. tenant:admin reads all; "
                            + "plinths:read reads plinth and unit events, leases:read lease events, discounts:read discount events, tenders:read tender events, programmes:read development events (name the entityType).";
        });
    }

    public override async Task HandleAsync(ListAuditEventsRequest req, CancellationToken ct)
    {
        if (!MayRead(req.EntityType))
        {
            await Send.ResultAsync(Problems.Create(StatusCodes.Status403Forbidden,
                "Without tenant:admin, name an entityType whose read scope this client holds."));
            return;
        }

        var entityType = req.EntityType is { } type ? EnumText<AuditEntityType>.ToText(type) : null;
        var rows = await audit.ListAsync(entityType, req.EntityId, req.AfterId, req.ReadLimit, ct);
        await Send.OkAsync(Page<AuditEventResponse>.From(rows, req.Limit, AuditEventResponse.From, r => r.Id.ToString()), ct);
    }

    bool MayRead(AuditEntityType? entityType) => User.HasScope(ApiScopes.TenantAdmin) || entityType switch
    {
        AuditEntityType.Plinth or AuditEntityType.Unit => User.HasScope(ApiScopes.PlinthsRead) || User.HasScope(ApiScopes.PlinthsWrite),
        AuditEntityType.Lease => User.HasScope(ApiScopes.LeasesRead) || User.HasScope(ApiScopes.LeasesWrite),
        AuditEntityType.Discount => User.HasScope(ApiScopes.DiscountsRead) || User.HasScope(ApiScopes.DiscountsWrite),
        AuditEntityType.Tender or AuditEntityType.Juror => User.HasScope(ApiScopes.TendersRead) || User.HasScope(ApiScopes.TendersWrite),
        AuditEntityType.Development => User.HasScope(ApiScopes.ProgrammesRead) || User.HasScope(ApiScopes.ProgrammesWrite),
        _ => false,
    };
}
