using Platform.Api.Concurrency;
using Platform.Api.Features.Audit;
using Platform.Api.Features.Sharing;
using Platform.Api.Features.Tenants;
using Platform.Api.Persistence;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Developments;

public sealed class DevelopmentRow
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public required string MunicipalityCode { get; init; }
    public required string NeighbourhoodCodes { get; init; }
    public int DwellingsAdded { get; init; }
    public int DwellingsRemoved { get; init; }
    public int WorkSpaceRemovedM2 { get; init; }
    public int? CurrentProgrammeVersion { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public int Version { get; init; }
}

/// <summary>A tenant's housing developments; their programme versions are in <see cref="ProgrammeVersionStore"/>.</summary>
public sealed class DevelopmentStore(TenantDb db, AuditLog audit, TimeProvider clock)
{
    /// <summary>The kinds of tenant that develop housing: corporations and municipalities, not collectives.</summary>
    public static readonly IReadOnlySet<string> OwnerKinds = new HashSet<string>
    {
        EnumText<TenantKind>.ToText(TenantKind.HousingCorporation), EnumText<TenantKind>.ToText(TenantKind.Municipality),
    };

    const string Columns = $"""
        d.id AS {nameof(DevelopmentRow.Id)}, d.name AS {nameof(DevelopmentRow.Name)}, d.municipality_code AS {nameof(DevelopmentRow.MunicipalityCode)},
        d.neighbourhood_codes AS {nameof(DevelopmentRow.NeighbourhoodCodes)}, d.dwellings_added AS {nameof(DevelopmentRow.DwellingsAdded)},
        d.dwellings_removed AS {nameof(DevelopmentRow.DwellingsRemoved)}, d.work_space_removed_m2 AS {nameof(DevelopmentRow.WorkSpaceRemovedM2)},
        (SELECT MAX(v.number) FROM programme_versions v WHERE v.tenant_id = d.tenant_id AND v.development_id = d.id) AS {nameof(DevelopmentRow.CurrentProgrammeVersion)},
        d.created_at AS {nameof(DevelopmentRow.CreatedAt)}, d.updated_at AS {nameof(DevelopmentRow.UpdatedAt)}, d.version AS {nameof(DevelopmentRow.Version)}
        """;

    const string TenantKindSql = "SELECT kind FROM tenants WHERE id = @TenantId";

    const string FindSql = $"SELECT {Columns} FROM developments d WHERE d.tenant_id = @TenantId AND d.id = @Id";

    public const string FindForUpdateSql = $"SELECT {Columns} FROM developments d {SqlDialect.UpdateLock} WHERE d.tenant_id = @TenantId AND d.id = @Id";

    const string ListSql = $"""
        SELECT {Columns} FROM developments d
        WHERE d.tenant_id = @TenantId AND d.id > @After
        ORDER BY d.id {SqlDialect.Limit}
        """;

    const string InsertSql = """
        INSERT INTO developments (id, tenant_id, name, municipality_code, neighbourhood_codes, dwellings_added, dwellings_removed,
                                  work_space_removed_m2, created_at, updated_at, version)
        VALUES (@Id, @TenantId, @Name, @MunicipalityCode, @NeighbourhoodCodes, @DwellingsAdded, @DwellingsRemoved,
                @WorkSpaceRemovedM2, @CreatedAt, @UpdatedAt, @Version)
        """;

    const string UpdateSql = """
        UPDATE developments
        SET name = @Name, municipality_code = @MunicipalityCode, neighbourhood_codes = @NeighbourhoodCodes, dwellings_added = @DwellingsAdded,
            dwellings_removed = @DwellingsRemoved, work_space_removed_m2 = @WorkSpaceRemovedM2, updated_at = @UpdatedAt, version = @Version
        WHERE tenant_id = @TenantId AND id = @Id
        """;

    /// <summary>Whether the tenant is of a kind that develops housing.</summary>
    public async Task<bool> OwnerMayDevelopAsync(CancellationToken ct) =>
        OwnerKinds.Contains(await db.RunAsync(session => session.ExecuteScalarAsync<string>(TenantKindSql, null, ct), ct) ?? "");

    public Task<DevelopmentRow?> FindAsync(Guid id, CancellationToken ct) =>
        db.RunAsync(session => session.QuerySingleOrDefaultAsync<DevelopmentRow>(FindSql, new { Id = id }, ct), ct);

    public Task<IReadOnlyList<DevelopmentRow>> ListAsync(Guid after, int limit, CancellationToken ct) =>
        db.RunAsync(session => session.ListAsync<DevelopmentRow>(ListSql, new { After = after, Limit = limit }, ct), ct);

    public Task<DevelopmentRow> CreateAsync(DevelopmentRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var row = ToRow(request, Ids.New(now), currentProgrammeVersion: null, now, now, version: 1);
        return db.TransactAsync(async session =>
        {
            await session.ExecuteAsync(InsertSql, row, ct);
            await audit.RecordAsync(session, AuditEntityType.Development, row.Id, AuditAction.Created, null, DevelopmentResponse.From(row), ct);
            return row;
        }, ct);
    }

    public Task<WriteOutcome<DevelopmentRow>> UpdateAsync(Guid id, int? expectedVersion, DevelopmentRequest request, CancellationToken ct) =>
        db.TransactAsync(async session =>
        {
            var current = await session.QuerySingleOrDefaultAsync<DevelopmentRow>(FindForUpdateSql, new { Id = id }, ct);
            if (current is null)
                return WriteOutcome<DevelopmentRow>.NotFound;
            if (expectedVersion is { } expected && expected != current.Version)
                return WriteOutcome<DevelopmentRow>.Stale;

            var updated = ToRow(request, id, current.CurrentProgrammeVersion, current.CreatedAt, clock.GetUtcNow(), current.Version + 1);
            await session.ExecuteAsync(UpdateSql, updated, ct);
            await audit.RecordAsync(session, AuditEntityType.Development, id, AuditAction.Updated,
                DevelopmentResponse.From(current), DevelopmentResponse.From(updated), ct);
            return WriteOutcome<DevelopmentRow>.Done(updated);
        }, ct);

    static DevelopmentRow ToRow(DevelopmentRequest request, Guid id, int? currentProgrammeVersion, DateTimeOffset createdAt, DateTimeOffset updatedAt, int version) => new()
    {
        Id = id,
        Name = request.Name.Trim(),
        MunicipalityCode = request.MunicipalityCode,
        NeighbourhoodCodes = SpaceList.Join(request.NeighbourhoodCodes)!,
        DwellingsAdded = request.DwellingsAdded,
        DwellingsRemoved = request.DwellingsRemoved,
        WorkSpaceRemovedM2 = request.WorkSpaceRemovedM2,
        CurrentProgrammeVersion = currentProgrammeVersion,
        CreatedAt = createdAt,
        UpdatedAt = updatedAt,
        Version = version,
    };
}
