using Platform.Api.Persistence;

namespace Platform.Api.Features.Tenants;

public enum TenantKind
{
    Municipality,
    HousingCorporation,
    Collective,
}

public sealed class TenantRow
{
    public Guid Id { get; init; }
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public required string Kind { get; init; }
    public required string MunicipalityCode { get; init; }
    public string? KvkNumber { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

public sealed class TenantStore(SystemDb db)
{
    const string Columns = $"""
        id AS {nameof(TenantRow.Id)}, slug AS {nameof(TenantRow.Slug)}, name AS {nameof(TenantRow.Name)},
        kind AS {nameof(TenantRow.Kind)}, municipality_code AS {nameof(TenantRow.MunicipalityCode)},
        kvk_number AS {nameof(TenantRow.KvkNumber)}, created_at AS {nameof(TenantRow.CreatedAt)}
        """;

    const string FindBySlugSql = $"SELECT {Columns} FROM tenants WHERE slug = @Slug";

    const string ListSql = $"""
        SELECT {Columns} FROM tenants
        WHERE slug > @After
        ORDER BY slug {SqlDialect.Limit}
        """;

    const string InsertSql = """
        INSERT INTO tenants (id, slug, name, kind, municipality_code, kvk_number, created_at)
        VALUES (@Id, @Slug, @Name, @Kind, @MunicipalityCode, @KvkNumber, @CreatedAt)
        """;

    public Task<TenantRow?> FindBySlugAsync(string slug, CancellationToken ct) =>
        db.RunAsync(session => session.QuerySingleOrDefaultAsync<TenantRow>(FindBySlugSql, new { Slug = slug }, ct), ct);

    public Task<IReadOnlyList<TenantRow>> ListAsync(string after, int limit, CancellationToken ct) =>
        db.RunAsync(session => session.ListAsync<TenantRow>(ListSql, new { After = after, Limit = limit }, ct), ct);

    /// <returns>False when the slug is taken.</returns>
    public async Task<bool> TryInsertAsync(TenantRow tenant, CancellationToken ct)
    {
        try
        {
            await db.TransactAsync(session => session.ExecuteAsync(InsertSql, tenant, ct), ct);
            return true;
        }
        catch (Exception e) when (DbErrors.IsUniqueViolation(e))
        {
            return false;
        }
    }
}
