using Platform.Api.Concurrency;
using Platform.Api.Features.Audit;
using Platform.Api.Persistence;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Plinths;

public sealed class PlinthRow
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public required string Street { get; init; }
    public int HouseNumber { get; init; }
    public string? HouseNumberAddition { get; init; }
    public required string Postcode { get; init; }
    public required string City { get; init; }
    public required string MunicipalityCode { get; init; }
    public required string NeighbourhoodCode { get; init; }
    public int DwellingsAbove { get; init; }
    public decimal PlinthAreaM2 { get; init; }
    public string? Theme { get; init; }
    public bool PriorityNeighbourhood { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public int Version { get; init; }
}

public sealed class PlinthStore(TenantDb db, GranteeDb grantee, AuditLog audit, TimeProvider clock)
{
    const string Columns = $"""
        id AS {nameof(PlinthRow.Id)}, name AS {nameof(PlinthRow.Name)}, street AS {nameof(PlinthRow.Street)},
        house_number AS {nameof(PlinthRow.HouseNumber)}, house_number_addition AS {nameof(PlinthRow.HouseNumberAddition)},
        postcode AS {nameof(PlinthRow.Postcode)}, city AS {nameof(PlinthRow.City)},
        municipality_code AS {nameof(PlinthRow.MunicipalityCode)}, neighbourhood_code AS {nameof(PlinthRow.NeighbourhoodCode)},
        dwellings_above AS {nameof(PlinthRow.DwellingsAbove)}, plinth_area_m2 AS {nameof(PlinthRow.PlinthAreaM2)},
        theme AS {nameof(PlinthRow.Theme)}, priority_neighbourhood AS {nameof(PlinthRow.PriorityNeighbourhood)},
        created_at AS {nameof(PlinthRow.CreatedAt)}, updated_at AS {nameof(PlinthRow.UpdatedAt)}, version AS {nameof(PlinthRow.Version)}
        """;

    const string FindSql = $"SELECT {Columns} FROM plinths WHERE tenant_id = @TenantId AND id = @Id";

    const string FindForUpdateSql = $"SELECT {Columns} FROM plinths {SqlDialect.UpdateLock} WHERE tenant_id = @TenantId AND id = @Id";

    const string ListSql = $"""
        SELECT {Columns} FROM plinths
        WHERE tenant_id = @TenantId AND id > @After
        ORDER BY id {SqlDialect.Limit}
        """;

    const string GranteeFindSql = $"{FindSql} AND id {GranteeDb.GrantedPlinths}";

    const string GranteeListSql = $"""
        SELECT {Columns} FROM plinths
        WHERE tenant_id = @TenantId AND id > @After AND id {GranteeDb.GrantedPlinths}
        ORDER BY id {SqlDialect.Limit}
        """;

    const string InsertSql = """
        INSERT INTO plinths (id, tenant_id, name, street, house_number, house_number_addition, postcode, city, municipality_code,
                             neighbourhood_code, dwellings_above, plinth_area_m2, theme, priority_neighbourhood, created_at, updated_at, version)
        VALUES (@Id, @TenantId, @Name, @Street, @HouseNumber, @HouseNumberAddition, @Postcode, @City, @MunicipalityCode,
                @NeighbourhoodCode, @DwellingsAbove, @PlinthAreaM2, @Theme, @PriorityNeighbourhood, @CreatedAt, @UpdatedAt, @Version)
        """;

    const string UpdateSql = """
        UPDATE plinths
        SET name = @Name, street = @Street, house_number = @HouseNumber, house_number_addition = @HouseNumberAddition,
            postcode = @Postcode, city = @City, municipality_code = @MunicipalityCode, neighbourhood_code = @NeighbourhoodCode,
            dwellings_above = @DwellingsAbove, plinth_area_m2 = @PlinthAreaM2, theme = @Theme,
            priority_neighbourhood = @PriorityNeighbourhood, updated_at = @UpdatedAt, version = @Version
        WHERE tenant_id = @TenantId AND id = @Id
        """;

    const string CountUnitsSql = "SELECT COUNT(*) FROM units WHERE tenant_id = @TenantId AND plinth_id = @Id";

    const string DeleteSql = "DELETE FROM plinths WHERE tenant_id = @TenantId AND id = @Id";

    public Task<PlinthRow?> FindAsync(Guid id, CancellationToken ct) => grantee.Admitted
        ? grantee.FindAsync<PlinthRow>(GranteeFindSql, new { Id = id }, ct)
        : db.RunAsync(session => session.QuerySingleOrDefaultAsync<PlinthRow>(FindSql, new { Id = id }, ct), ct);

    public Task<IReadOnlyList<PlinthRow>> ListAsync(Guid after, int limit, CancellationToken ct) => grantee.Admitted
        ? grantee.ListAsync<PlinthRow>(GranteeListSql, new { After = after, Limit = limit }, ct)
        : db.RunAsync(session => session.ListAsync<PlinthRow>(ListSql, new { After = after, Limit = limit }, ct), ct);

    public Task<PlinthRow> CreateAsync(PlinthRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var row = ToRow(request, Ids.New(now), now, now, version: 1);
        return db.TransactAsync(async session =>
        {
            await session.ExecuteAsync(InsertSql, row, ct);
            await audit.RecordAsync(session, AuditEntityType.Plinth, row.Id, AuditAction.Created, null, PlinthResponse.From(row), ct);
            return row;
        }, ct);
    }

    public Task<WriteOutcome<PlinthRow>> UpdateAsync(Guid id, int? expectedVersion, PlinthRequest request, CancellationToken ct) =>
        db.TransactAsync(async session =>
        {
            var current = await session.QuerySingleOrDefaultAsync<PlinthRow>(FindForUpdateSql, new { Id = id }, ct);
            if (current is null)
                return WriteOutcome<PlinthRow>.NotFound;
            if (expectedVersion is { } expected && expected != current.Version)
                return WriteOutcome<PlinthRow>.Stale;

            var updated = ToRow(request, id, current.CreatedAt, clock.GetUtcNow(), current.Version + 1);
            await session.ExecuteAsync(UpdateSql, updated, ct);
            await audit.RecordAsync(session, AuditEntityType.Plinth, id, AuditAction.Updated, PlinthResponse.From(current), PlinthResponse.From(updated), ct);
            return WriteOutcome<PlinthRow>.Done(updated);
        }, ct);

    public Task<WriteOutcome<PlinthRow>> DeleteAsync(Guid id, int? expectedVersion, CancellationToken ct) =>
        db.TransactAsync(async session =>
        {
            var current = await session.QuerySingleOrDefaultAsync<PlinthRow>(FindForUpdateSql, new { Id = id }, ct);
            if (current is null)
                return WriteOutcome<PlinthRow>.NotFound;
            if (expectedVersion is { } expected && expected != current.Version)
                return WriteOutcome<PlinthRow>.Stale;
            var units = await session.ExecuteScalarAsync<int>(CountUnitsSql, new { Id = id }, ct);
            if (units > 0)
                return WriteOutcome<PlinthRow>.Conflict("plinth-has-units", $"The plinth still has {units} unit(s); remove or move them first.");

            await session.ExecuteAsync(DeleteSql, new { Id = id }, ct);
            await audit.RecordAsync(session, AuditEntityType.Plinth, id, AuditAction.Deleted, PlinthResponse.From(current), null, ct);
            return WriteOutcome<PlinthRow>.Done(current);
        }, ct);

    static PlinthRow ToRow(PlinthRequest request, Guid id, DateTimeOffset createdAt, DateTimeOffset updatedAt, int version) => new()
    {
        Id = id,
        Name = request.Name.Trim(),
        Street = request.Address.Street.Trim(),
        HouseNumber = request.Address.HouseNumber,
        HouseNumberAddition = request.Address.HouseNumberAddition,
        Postcode = request.Address.Postcode,
        City = request.Address.City.Trim(),
        MunicipalityCode = request.MunicipalityCode,
        NeighbourhoodCode = request.NeighbourhoodCode,
        DwellingsAbove = request.DwellingsAbove,
        PlinthAreaM2 = request.PlinthAreaM2,
        Theme = request.Theme,
        PriorityNeighbourhood = request.PriorityNeighbourhood,
        CreatedAt = createdAt,
        UpdatedAt = updatedAt,
        Version = version,
    };
}
