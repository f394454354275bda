using Platform.Api.Concurrency;
using Platform.Api.Features.Sharing;
using Platform.Api.Features.Tenants;
using Platform.Api.Persistence;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Norms;

public sealed class NormRow
{
    public Guid Id { get; init; }
    public required string Kind { get; init; }
    public decimal Value { get; init; }
    public required string MunicipalityCode { get; init; }
    public string? NeighbourhoodCodes { get; init; }
    public DateOnly ValidFrom { get; init; }
    public long? MaxAffordableRentCentsPerM2Year { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public int Version { get; init; }
}

/// <summary>The tenant a norm is written for: only a municipality sets norms, and only for its own municipality.</summary>
public sealed class NormSetter
{
    public required string Kind { get; init; }
    public required string MunicipalityCode { get; init; }

    public bool IsMunicipality => Kind == EnumText<TenantKind>.ToText(TenantKind.Municipality);
}

/// <summary>A municipality's norms for work space.</summary>
public sealed class NormStore(TenantDb db, TimeProvider clock)
{
    const string Columns = $"""
        id AS {nameof(NormRow.Id)}, kind AS {nameof(NormRow.Kind)}, value AS {nameof(NormRow.Value)},
        municipality_code AS {nameof(NormRow.MunicipalityCode)}, neighbourhood_codes AS {nameof(NormRow.NeighbourhoodCodes)},
        valid_from AS {nameof(NormRow.ValidFrom)}, max_affordable_rent_cents_per_m2_year AS {nameof(NormRow.MaxAffordableRentCentsPerM2Year)},
        created_at AS {nameof(NormRow.CreatedAt)}, updated_at AS {nameof(NormRow.UpdatedAt)}, version AS {nameof(NormRow.Version)}
        """;

    const string SetterSql = $"""
        SELECT kind AS {nameof(NormSetter.Kind)}, municipality_code AS {nameof(NormSetter.MunicipalityCode)}
        FROM tenants WHERE id = @TenantId
        """;

    const string FindSql = $"SELECT {Columns} FROM norms WHERE tenant_id = @TenantId AND id = @Id";

    const string FindForUpdateSql = $"SELECT {Columns} FROM norms {SqlDialect.UpdateLock} WHERE tenant_id = @TenantId AND id = @Id";

    const string ListSql = $"""
        SELECT {Columns} FROM norms
        WHERE tenant_id = @TenantId AND id > @After
        ORDER BY id {SqlDialect.Limit}
        """;

    /// <summary>The norms in force on a day, in the order they were set.</summary>
    const string InForceSql = $"SELECT {Columns} FROM norms WHERE tenant_id = @TenantId AND valid_from <= @Today ORDER BY id";

    const string InsertSql = """
        INSERT INTO norms (id, tenant_id, kind, value, municipality_code, neighbourhood_codes, valid_from, max_affordable_rent_cents_per_m2_year,
                           created_at, updated_at, version)
        VALUES (@Id, @TenantId, @Kind, @Value, @MunicipalityCode, @NeighbourhoodCodes, @ValidFrom, @MaxAffordableRentCentsPerM2Year,
                @CreatedAt, @UpdatedAt, @Version)
        """;

    const string UpdateSql = """
        UPDATE norms
        SET kind = @Kind, value = @Value, municipality_code = @MunicipalityCode, neighbourhood_codes = @NeighbourhoodCodes, valid_from = @ValidFrom,
            max_affordable_rent_cents_per_m2_year = @MaxAffordableRentCentsPerM2Year, updated_at = @UpdatedAt, version = @Version
        WHERE tenant_id = @TenantId AND id = @Id
        """;

    const string DeleteSql = "DELETE FROM norms WHERE tenant_id = @TenantId AND id = @Id";

    public Task<NormSetter> SetterAsync(CancellationToken ct) =>
        db.RunAsync(async session => (await session.QuerySingleOrDefaultAsync<NormSetter>(SetterSql, null, ct))!, ct);

    public Task<NormRow?> FindAsync(Guid id, CancellationToken ct) =>
        db.RunAsync(session => session.QuerySingleOrDefaultAsync<NormRow>(FindSql, new { Id = id }, ct), ct);

    public Task<IReadOnlyList<NormRow>> ListAsync(Guid after, int limit, CancellationToken ct) =>
        db.RunAsync(session => session.ListAsync<NormRow>(ListSql, new { After = after, Limit = limit }, ct), ct);

    public Task<IReadOnlyList<NormRow>> InForceAsync(DateOnly today, CancellationToken ct) =>
        db.RunAsync(session => session.ListAsync<NormRow>(InForceSql, new { Today = today }, ct), ct);

    public Task<WriteOutcome<NormRow>> CreateAsync(NormSetter setter, NormRequest request, CancellationToken ct)
    {
        if (Refusal(setter, request) is { } refusal)
            return Task.FromResult(refusal);
        var now = clock.GetUtcNow();
        var row = ToRow(request, Ids.New(now), now, now, version: 1);
        return db.TransactAsync(async session =>
        {
            await session.ExecuteAsync(InsertSql, row, ct);
            return WriteOutcome<NormRow>.Done(row);
        }, ct);
    }

    public Task<WriteOutcome<NormRow>> UpdateAsync(Guid id, int? expectedVersion, NormSetter setter, NormRequest request, CancellationToken ct) =>
        db.TransactAsync(async session =>
        {
            var current = await session.QuerySingleOrDefaultAsync<NormRow>(FindForUpdateSql, new { Id = id }, ct);
            if (current is null)
                return WriteOutcome<NormRow>.NotFound;
            if (expectedVersion is { } expected && expected != current.Version)
                return WriteOutcome<NormRow>.Stale;
            if (Refusal(setter, request) is { } refusal)
                return refusal;

            var updated = ToRow(request, id, current.CreatedAt, clock.GetUtcNow(), current.Version + 1);
            await session.ExecuteAsync(UpdateSql, updated, ct);
            return WriteOutcome<NormRow>.Done(updated);
        }, ct);

    public Task<WriteOutcome<NormRow>> DeleteAsync(Guid id, int? expectedVersion, CancellationToken ct) =>
        db.TransactAsync(async session =>
        {
            var current = await session.QuerySingleOrDefaultAsync<NormRow>(FindForUpdateSql, new { Id = id }, ct);
            if (current is null)
                return WriteOutcome<NormRow>.NotFound;
            if (expectedVersion is { } expected && expected != current.Version)
                return WriteOutcome<NormRow>.Stale;

            await session.ExecuteAsync(DeleteSql, new { Id = id }, ct);
            return WriteOutcome<NormRow>.Done(current);
        }, ct);

    /// <summary>A municipality sets norms for its own area only.</summary>
    static WriteOutcome<NormRow>? Refusal(NormSetter setter, NormRequest request) =>
        request.AppliesTo.MunicipalityCode == setter.MunicipalityCode ? null
            : WriteOutcome<NormRow>.Invalid("appliesTo.municipalityCode", $"A municipality sets norms for its own code, {setter.MunicipalityCode}.");

    static NormRow ToRow(NormRequest request, Guid id, DateTimeOffset createdAt, DateTimeOffset updatedAt, int version) => new()
    {
        Id = id,
        Kind = EnumText<NormKind>.ToText(request.Kind!.Value),
        Value = request.Value,
        MunicipalityCode = request.AppliesTo.MunicipalityCode,
        NeighbourhoodCodes = SpaceList.Join(request.AppliesTo.NeighbourhoodCodes),
        ValidFrom = request.ValidFrom,
        MaxAffordableRentCentsPerM2Year = request.Kind == NormKind.AffordableShareOfWorkSpacePercent
            ? request.MaxAffordableRentCentsPerM2Year ?? NormRequest.DefaultMaxAffordableRentCentsPerM2Year
            : null,
        CreatedAt = createdAt,
        UpdatedAt = updatedAt,
        Version = version,
    };
}
