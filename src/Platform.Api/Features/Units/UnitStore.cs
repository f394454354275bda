using Platform.Api.Concurrency;
using Platform.Api.Features.Audit;
using Platform.Api.Persistence;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Units;

public sealed record UnitRow
{
    public Guid Id { get; init; }
    public Guid PlinthId { get; init; }
    public required string Name { get; init; }
    public required string Category { get; init; }
    public required string DetailCode { get; init; }
    public decimal AreaM2 { get; init; }
    public long? MarketRentCentsPerYear { get; init; }
    public DateOnly? ValuationDate { get; init; }
    public string? ValuationSource { get; init; }
    public long? TargetRentCentsPerYear { get; init; }

    /// <summary>The status as stored (vacant, in_tender, unavailable).</summary>
    public required string Status { get; init; }

    /// <summary>Whether a lease of the unit is active today; then the unit shows as let.</summary>
    public bool Let { get; init; }

    public int? EnvironmentalCategory { get; init; }

    /// <summary>The DAEB override's decision, when there is one; its reason is <see cref="DaebOverrideReason"/>.</summary>
    public bool? DaebOverride { get; init; }

    public string? DaebOverrideReason { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The calendar day the unit was created (null for units created before migration 0014 that it could not date).</summary>
    public DateOnly? CreatedOn { get; init; }

    /// <summary>The last day of the unit's latest lease that ended before today; null without one.</summary>
    public DateOnly? LastLeaseEnd { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public int Version { get; init; }

    public DateOnly? VacantSince => UnitVacancy.Since(Let, LastLeaseEnd, CreatedOn, CreatedAt);

    public UnitClassing Classing => new(EnumText<UnitCategory>.Parse(Category), DetailCode,
        DaebOverride is { } daeb ? new DaebOverrideDecision(daeb, DaebOverrideReason!) : null);
}

public sealed class UnitClassificationRow
{
    public Guid Id { get; init; }
    public required string FromCategory { get; init; }
    public required string FromDetailCode { get; init; }
    public required string ToCategory { get; init; }
    public required string ToDetailCode { get; init; }
    public bool FromDaeb { get; init; }
    public bool ToDaeb { get; init; }
    public bool? DaebOverride { get; init; }
    public string? DaebOverrideReason { get; init; }
    public required string Reason { get; init; }
    public DateTimeOffset ChangedAt { get; init; }
    public required string ChangedBy { get; init; }
}

public sealed class UnitFilter
{
    public Guid? PlinthId { get; init; }
    public string? Category { get; init; }
    public string? DetailCode { get; init; }
    public string? Status { get; init; }
}

public sealed class UnitStore(TenantDb db, GranteeDb grantee, AuditLog audit, TimeProvider clock, PlatformCalendar calendar)
{
    /// <summary>Whether unit <c>u</c> has a lease active on <c>@Today</c>; a condition, so not named <c>…Sql</c>.</summary>
    internal const string ActiveLease = $"""
        EXISTS (SELECT 1 FROM leases l
                WHERE l.tenant_id = u.tenant_id AND l.unit_id = u.id AND {DatedTerm.ActiveCondition})
        """;

    /// <summary>The last day of unit <c>u</c>'s latest lease that ended before <c>@Today</c> (null without one): where its vacancy starts.</summary>
    internal const string LastLeaseEnd = """
        (SELECT MAX(l.end_date) FROM leases l
         WHERE l.tenant_id = u.tenant_id AND l.unit_id = u.id AND l.end_date < @Today)
        """;

    const string Columns = $"""
        u.id AS {nameof(UnitRow.Id)}, u.plinth_id AS {nameof(UnitRow.PlinthId)}, u.name AS {nameof(UnitRow.Name)},
        u.category AS {nameof(UnitRow.Category)}, u.detail_code AS {nameof(UnitRow.DetailCode)}, u.area_m2 AS {nameof(UnitRow.AreaM2)},
        u.market_rent_cents_per_year AS {nameof(UnitRow.MarketRentCentsPerYear)}, u.valuation_date AS {nameof(UnitRow.ValuationDate)},
        u.valuation_source AS {nameof(UnitRow.ValuationSource)}, u.target_rent_cents_per_year AS {nameof(UnitRow.TargetRentCentsPerYear)},
        u.status AS {nameof(UnitRow.Status)}, CASE WHEN {ActiveLease} THEN 1 ELSE 0 END AS {nameof(UnitRow.Let)},
        u.environmental_category AS {nameof(UnitRow.EnvironmentalCategory)}, u.daeb_override AS {nameof(UnitRow.DaebOverride)},
        u.daeb_override_reason AS {nameof(UnitRow.DaebOverrideReason)}, u.created_at AS {nameof(UnitRow.CreatedAt)},
        u.created_on AS {nameof(UnitRow.CreatedOn)}, {LastLeaseEnd} AS {nameof(UnitRow.LastLeaseEnd)},
        u.updated_at AS {nameof(UnitRow.UpdatedAt)}, u.version AS {nameof(UnitRow.Version)}
        """;

    const string FindSql = $"SELECT {Columns} FROM units u WHERE u.tenant_id = @TenantId AND u.id = @Id";

    const string FindForUpdateSql = $"SELECT {Columns} FROM units u {SqlDialect.UpdateLock} WHERE u.tenant_id = @TenantId AND u.id = @Id";

    const string GranteeFindSql = $"{FindSql} AND u.plinth_id {GranteeDb.GrantedPlinths}";

    const string ListSql = $"""
        SELECT {Columns} FROM units u
        WHERE u.tenant_id = @TenantId AND u.id > @After
          AND {ListFilter}
        ORDER BY u.id {SqlDialect.Limit}
        """;

    const string GranteeListSql = $"""
        SELECT {Columns} FROM units u
        WHERE u.tenant_id = @TenantId AND u.id > @After AND u.plinth_id {GranteeDb.GrantedPlinths}
          AND {ListFilter}
        ORDER BY u.id {SqlDialect.Limit}
        """;

    /// <summary>The list's query parameters, the same on both paths.</summary>
    const string ListFilter = $"""
        (@PlinthId IS NULL OR u.plinth_id = @PlinthId)
          AND (@Category IS NULL OR u.category = @Category)
          AND (@DetailCode IS NULL OR u.detail_code = @DetailCode)
          AND (@Status IS NULL
               OR (@Status = 'let' AND {ActiveLease})
               OR (@Status <> 'let' AND u.status = @Status AND NOT {ActiveLease}))
        """;

    const string PlinthExistsSql = $"SELECT COUNT(*) FROM plinths {SqlDialect.UpdateLock} WHERE tenant_id = @TenantId AND id = @PlinthId";

    const string InsertSql = """
        INSERT INTO units (id, tenant_id, plinth_id, name, category, detail_code, area_m2, market_rent_cents_per_year, valuation_date,
                           valuation_source, target_rent_cents_per_year, status, environmental_category, daeb_override, daeb_override_reason,
                           created_at, created_on, updated_at, version)
        VALUES (@Id, @TenantId, @PlinthId, @Name, @Category, @DetailCode, @AreaM2, @MarketRentCentsPerYear, @ValuationDate,
                @ValuationSource, @TargetRentCentsPerYear, @Status, @EnvironmentalCategory, @DaebOverride, @DaebOverrideReason,
                @CreatedAt, @CreatedOn, @UpdatedAt, @Version)
        """;

    const string UpdateSql = """
        UPDATE units
        SET name = @Name, category = @Category, detail_code = @DetailCode, area_m2 = @AreaM2,
            market_rent_cents_per_year = @MarketRentCentsPerYear, valuation_date = @ValuationDate, valuation_source = @ValuationSource,
            target_rent_cents_per_year = @TargetRentCentsPerYear, status = @Status, environmental_category = @EnvironmentalCategory,
            daeb_override = @DaebOverride, daeb_override_reason = @DaebOverrideReason, updated_at = @UpdatedAt, version = @Version
        WHERE tenant_id = @TenantId AND id = @Id
        """;

    const string InsertClassificationSql = """
        INSERT INTO unit_classifications (id, tenant_id, unit_id, from_category, from_detail_code, to_category, to_detail_code,
                                          from_daeb, to_daeb, daeb_override, daeb_override_reason, reason, changed_at, changed_by)
        VALUES (@Id, @TenantId, @UnitId, @FromCategory, @FromDetailCode, @ToCategory, @ToDetailCode,
                @FromDaeb, @ToDaeb, @DaebOverride, @DaebOverrideReason, @Reason, @ChangedAt, @ChangedBy)
        """;

    const string ListClassificationsSql = $"""
        SELECT id AS {nameof(UnitClassificationRow.Id)}, from_category AS {nameof(UnitClassificationRow.FromCategory)},
               from_detail_code AS {nameof(UnitClassificationRow.FromDetailCode)}, to_category AS {nameof(UnitClassificationRow.ToCategory)},
               to_detail_code AS {nameof(UnitClassificationRow.ToDetailCode)}, from_daeb AS {nameof(UnitClassificationRow.FromDaeb)},
               to_daeb AS {nameof(UnitClassificationRow.ToDaeb)}, daeb_override AS {nameof(UnitClassificationRow.DaebOverride)},
               daeb_override_reason AS {nameof(UnitClassificationRow.DaebOverrideReason)}, reason AS {nameof(UnitClassificationRow.Reason)},
               changed_at AS {nameof(UnitClassificationRow.ChangedAt)}, changed_by AS {nameof(UnitClassificationRow.ChangedBy)}
        FROM unit_classifications
        WHERE tenant_id = @TenantId AND unit_id = @UnitId AND id > @After
        ORDER BY id {SqlDialect.Limit}
        """;

    DateOnly Today => calendar.Today;

    public Task<UnitRow?> FindAsync(Guid id, CancellationToken ct) => grantee.Admitted
        ? grantee.FindAsync<UnitRow>(GranteeFindSql, new { Id = id, Today }, ct)
        : db.RunAsync(session => session.QuerySingleOrDefaultAsync<UnitRow>(FindSql, new { Id = id, Today }, ct), ct);

    public Task<IReadOnlyList<UnitRow>> ListAsync(UnitFilter filter, Guid after, int limit, CancellationToken ct)
    {
        var parameters = new { After = after, Limit = limit, Today, filter.PlinthId, filter.Category, filter.DetailCode, filter.Status };
        return grantee.Admitted
            ? grantee.ListAsync<UnitRow>(GranteeListSql, parameters, ct)
            : db.RunAsync(session => session.ListAsync<UnitRow>(ListSql, parameters, ct), ct);
    }

    public Task<IReadOnlyList<UnitClassificationRow>> ListClassificationsAsync(Guid unitId, Guid after, int limit, CancellationToken ct) =>
        db.RunAsync(session => session.ListAsync<UnitClassificationRow>(ListClassificationsSql, new { UnitId = unitId, After = after, Limit = limit }, ct), ct);

    public Task<WriteOutcome<UnitRow>> CreateAsync(CreateUnitRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var row = ToRow(request, Ids.New(now), request.PlinthId, now, now, version: 1) with { CreatedOn = calendar.Today };
        return db.TransactAsync(async session =>
        {
            if (await session.ExecuteScalarAsync<int>(PlinthExistsSql, new { request.PlinthId }, ct) == 0)
                return WriteOutcome<UnitRow>.Invalid("plinthId", "The tenant has no plinth with this id.");
            await session.ExecuteAsync(InsertSql, row, ct);
            await audit.RecordAsync(session, AuditEntityType.Unit, row.Id, AuditAction.Created, null, UnitResponse.From(row), ct);
            return WriteOutcome<UnitRow>.Done(row);
        }, ct);
    }

    public Task<WriteOutcome<UnitRow>> UpdateAsync(Guid id, int? expectedVersion, UpdateUnitRequest request, string changedBy, CancellationToken ct) =>
        db.TransactAsync(async session =>
        {
            var current = await session.QuerySingleOrDefaultAsync<UnitRow>(FindForUpdateSql, new { Id = id, Today }, ct);
            if (current is null)
                return WriteOutcome<UnitRow>.NotFound;
            if (expectedVersion is { } expected && expected != current.Version)
                return WriteOutcome<UnitRow>.Stale;

            var now = clock.GetUtcNow();
            var updated = ToRow(request, id, current.PlinthId, current.CreatedAt, now, current.Version + 1)
                with { Let = current.Let, CreatedOn = current.CreatedOn, LastLeaseEnd = current.LastLeaseEnd };
            var reclassification = UnitClassification.Reclassify(current.Classing, updated.Classing, request.Reason);
            if (reclassification.Refusal is { } refusal)
                return WriteOutcome<UnitRow>.Invalid("reason", refusal);

            await session.ExecuteAsync(UpdateSql, updated, ct);
            var reclassified = reclassification.Record;
            if (reclassified)
            {
                await session.ExecuteAsync(InsertClassificationSql, new
                {
                    Id = Ids.New(now),
                    UnitId = id,
                    FromCategory = current.Category,
                    FromDetailCode = current.DetailCode,
                    ToCategory = updated.Category,
                    ToDetailCode = updated.DetailCode,
                    FromDaeb = UnitClassification.IsDaeb(current.Classing),
                    ToDaeb = UnitClassification.IsDaeb(updated.Classing),
                    updated.DaebOverride,
                    updated.DaebOverrideReason,
                    reclassification.Reason,
                    ChangedAt = now,
                    ChangedBy = changedBy,
                }, ct);
            }

            await audit.RecordAsync(session, AuditEntityType.Unit, id, reclassified ? AuditAction.Reclassified : AuditAction.Updated,
                UnitResponse.From(current), UnitResponse.From(updated), ct);
            return WriteOutcome<UnitRow>.Done(updated);
        }, ct);

    static UnitRow ToRow(UnitFields fields, Guid id, Guid plinthId, DateTimeOffset createdAt, DateTimeOffset updatedAt, int version) => new()
    {
        Id = id,
        PlinthId = plinthId,
        Name = fields.Name.Trim(),
        Category = EnumText<UnitCategory>.ToText(fields.Category!.Value),
        DetailCode = fields.DetailCode,
        AreaM2 = fields.AreaM2,
        MarketRentCentsPerYear = fields.MarketRentCentsPerYear,
        ValuationDate = fields.ValuationDate,
        ValuationSource = fields.ValuationSource,
        TargetRentCentsPerYear = fields.TargetRentCentsPerYear,
        Status = EnumText<UnitStatus>.ToText(fields.Status!.Value),
        EnvironmentalCategory = fields.EnvironmentalCategory,
        DaebOverride = fields.DaebOverride?.Daeb,
        DaebOverrideReason = fields.DaebOverride?.Reason.Trim(),
        CreatedAt = createdAt,
        UpdatedAt = updatedAt,
        Version = version,
    };
}
