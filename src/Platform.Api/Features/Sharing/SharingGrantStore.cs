using Platform.Api.Concurrency;
using Platform.Api.Features.Audit;
using Platform.Api.Features.Reminders;
using Platform.Api.Features.Webhooks;
using Platform.Api.Persistence;
using Platform.Api.Security;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Sharing;

public sealed class SharingGrantRow
{
    public Guid Id { get; init; }
    public required string OwnerSlug { get; init; }
    public required string OwnerName { get; init; }
    public required string GranteeSlug { get; init; }
    public required string GranteeName { get; init; }
    public required string Resources { get; init; }
    public string? MunicipalityCodes { get; init; }
    public string? PlinthIds { get; init; }
    public required string Purpose { get; init; }
    public DateOnly ValidFrom { get; init; }
    public DateOnly? ValidUntil { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }

    public GrantTerm Term => new(ValidFrom, ValidUntil, RevokedAt is not null);

    public IReadOnlyList<SharedResource> ResourceList => SpaceList.Split(Resources).Select(EnumText<SharedResource>.Parse).ToList();
}

/// <summary>
/// A tenant's sharing grants. Reads are on the owner path: the owner lists and reads its grants; the grantee lists the ones
/// it received (on SQL Server the security policy shows a grant to its owner and to its grantee, and lets only the owner
/// write). Creating and revoking run on the system path, with the owner named in every statement, because the same
/// transaction writes the grantee's notice into the grantee's partition.
/// </summary>
public sealed class SharingGrantStore(
    TenantDb db, SystemDb system, ReminderScan notices, WebhookDispatch webhooks, AuditLog audit, TimeProvider clock, PlatformCalendar calendar,
    IHttpContextAccessor http)
{
    const string Columns = $"""
        g.id AS {nameof(SharingGrantRow.Id)}, o.slug AS {nameof(SharingGrantRow.OwnerSlug)}, o.name AS {nameof(SharingGrantRow.OwnerName)},
        r.slug AS {nameof(SharingGrantRow.GranteeSlug)},
        r.name AS {nameof(SharingGrantRow.GranteeName)}, g.resources AS {nameof(SharingGrantRow.Resources)},
        g.municipality_codes AS {nameof(SharingGrantRow.MunicipalityCodes)}, g.plinth_ids AS {nameof(SharingGrantRow.PlinthIds)},
        g.purpose AS {nameof(SharingGrantRow.Purpose)}, g.valid_from AS {nameof(SharingGrantRow.ValidFrom)},
        g.valid_until AS {nameof(SharingGrantRow.ValidUntil)}, g.created_at AS {nameof(SharingGrantRow.CreatedAt)},
        g.revoked_at AS {nameof(SharingGrantRow.RevokedAt)}
        """;

    const string Names = "JOIN tenants o ON o.id = g.tenant_id JOIN tenants r ON r.id = g.grantee_tenant_id";

    const string FindSql = $"SELECT {Columns} FROM sharing_grants g {Names} WHERE g.tenant_id = @TenantId AND g.id = @Id";

    const string FindForRevokeSql = $"SELECT {Columns} FROM sharing_grants g {SqlDialect.UpdateLock} {Names} WHERE g.tenant_id = @TenantId AND g.id = @Id";

    const string ListSql = $"""
        SELECT {Columns} FROM sharing_grants g {Names}
        WHERE g.tenant_id = @TenantId AND g.id > @After
        ORDER BY g.id {SqlDialect.Limit}
        """;

    const string ListReceivedSql = $"""
        SELECT {Columns} FROM sharing_grants g {Names}
        WHERE g.grantee_tenant_id = @TenantId AND g.id > @After
        ORDER BY g.id {SqlDialect.Limit}
        """;

    const string UnrevokedToGranteeSql = $"""
        SELECT {Columns} FROM sharing_grants g {SqlDialect.UpdateLock} {Names}
        WHERE g.tenant_id = @TenantId AND g.grantee_tenant_id = @GranteeTenantId AND g.revoked_at IS NULL
        """;

    const string OwnedPlinthsSql = $"SELECT id FROM plinths {SqlDialect.UpdateLock} WHERE tenant_id = @TenantId AND id IN @Ids";

    const string InsertSql = """
        INSERT INTO sharing_grants (id, tenant_id, grantee_tenant_id, resources, municipality_codes, plinth_ids, purpose, valid_from, valid_until,
                                    created_at, created_by, revoked_at, revoked_on, revoked_by, created_notified, revoked_notified)
        VALUES (@Id, @TenantId, @GranteeTenantId, @Resources, @MunicipalityCodes, @PlinthIds, @Purpose, @ValidFrom, @ValidUntil,
                @CreatedAt, @CreatedBy, NULL, NULL, NULL, 0, 0)
        """;

    const string RevokeSql = """
        UPDATE sharing_grants SET revoked_at = @Now, revoked_on = @Today, revoked_by = @ClientId
        WHERE tenant_id = @TenantId AND id = @Id AND revoked_at IS NULL
        """;

    public DateOnly Today => calendar.Today;

    public Task<SharingGrantRow?> FindAsync(Guid id, CancellationToken ct) =>
        db.RunAsync(session => session.QuerySingleOrDefaultAsync<SharingGrantRow>(FindSql, new { Id = id }, ct), ct);

    public Task<IReadOnlyList<SharingGrantRow>> ListAsync(Guid after, int limit, CancellationToken ct) =>
        db.RunAsync(session => session.ListAsync<SharingGrantRow>(ListSql, new { After = after, Limit = limit }, ct), ct);

    public Task<IReadOnlyList<SharingGrantRow>> ListReceivedAsync(Guid after, int limit, CancellationToken ct) =>
        db.RunAsync(session => session.ListAsync<SharingGrantRow>(ListReceivedSql, new { After = after, Limit = limit }, ct), ct);

    public async Task<WriteOutcome<SharingGrantRow>> CreateAsync(Guid granteeTenantId, CreateSharingGrantRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var id = Ids.New(now);
        var owner = db.TenantId;
        var resources = request.Resources.Distinct().ToList();
        var proposed = new GrantTerm(request.ValidFrom, request.ValidUntil, Revoked: false);
        var plinthIds = request.Filter?.PlinthIds ?? [];
        IReadOnlyList<Guid> deliveries = [];
        var outcome = await system.TransactAsync(async session =>
        {
            var owned = plinthIds.Count == 0 ? []
                : (await session.ListAsync<Guid>(OwnedPlinthsSql, new { TenantId = owner, Ids = plinthIds.Distinct().ToList() }, ct)).ToHashSet();
            if (SharingGrantRules.FirstUnknownPlinth(plinthIds, owned) is { } unknown)
                return WriteOutcome<SharingGrantRow>.Invalid($"filter.plinthIds[{unknown}]", $"The owner has no plinth {plinthIds[unknown]}.");

            var existing = await session.ListAsync<SharingGrantRow>(UnrevokedToGranteeSql, new { TenantId = owner, GranteeTenantId = granteeTenantId }, ct);
            if (existing.FirstOrDefault(g => SharingGrantRules.Overlaps(g.Term, g.ResourceList, proposed, resources, Today)) is { } overlapping)
                return WriteOutcome<SharingGrantRow>.Conflict("sharing-grant-overlaps",
                    $"Grant {overlapping.Id} already shares {string.Join(", ", overlapping.ResourceList.Intersect(resources).Select(EnumText<SharedResource>.ToText))} "
                    + "with this grantee during this term; revoke it first.");

            await session.ExecuteAsync(InsertSql, new
            {
                Id = id,
                TenantId = owner,
                GranteeTenantId = granteeTenantId,
                Resources = SpaceList.Join(resources.Select(EnumText<SharedResource>.ToText)),
                MunicipalityCodes = SpaceList.Join(request.Filter?.MunicipalityCodes ?? []),
                PlinthIds = SpaceList.Join(plinthIds.Select(p => p.ToString())),
                Purpose = request.Purpose.Trim(),
                request.ValidFrom,
                request.ValidUntil,
                CreatedAt = now,
                CreatedBy = ClientId,
            }, ct);
            var created = (await session.QuerySingleOrDefaultAsync<SharingGrantRow>(FindSql, new { TenantId = owner, Id = id }, ct))!;
            await audit.RecordForAsync(session, owner, AuditEntityType.SharingGrant, id, AuditAction.Created, null, SharingGrantResponse.From(created, Today), ct);
            deliveries = await notices.NotifyGrantAsync(session, id, revoked: false, ct);
            return WriteOutcome<SharingGrantRow>.Done(created);
        }, ct);
        webhooks.Enqueue(deliveries);
        return outcome;
    }

    public async Task<WriteOutcome<SharingGrantRow>> RevokeAsync(Guid id, CancellationToken ct)
    {
        var owner = db.TenantId;
        IReadOnlyList<Guid> deliveries = [];
        var outcome = await system.TransactAsync(async session =>
        {
            var current = await session.QuerySingleOrDefaultAsync<SharingGrantRow>(FindForRevokeSql, new { TenantId = owner, Id = id }, ct);
            if (current is null)
                return WriteOutcome<SharingGrantRow>.NotFound;
            if (current.RevokedAt is not null)
                return WriteOutcome<SharingGrantRow>.Conflict("sharing-grant-revoked", $"Grant {id} was revoked already.");

            await session.ExecuteAsync(RevokeSql, new { TenantId = owner, Id = id, Now = clock.GetUtcNow(), Today, ClientId }, ct);
            var revoked = (await session.QuerySingleOrDefaultAsync<SharingGrantRow>(FindSql, new { TenantId = owner, Id = id }, ct))!;
            await audit.RecordForAsync(session, owner, AuditEntityType.SharingGrant, id, AuditAction.Revoked,
                SharingGrantResponse.From(current, Today), SharingGrantResponse.From(revoked, Today), ct);
            deliveries = await notices.NotifyGrantAsync(session, id, revoked: true, ct);
            return WriteOutcome<SharingGrantRow>.Done(revoked);
        }, ct);
        webhooks.Enqueue(deliveries);
        return outcome;
    }

    string ClientId => http.HttpContext?.User.ClientIdOf() ?? "system";
}
