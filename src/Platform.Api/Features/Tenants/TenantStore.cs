using Dapper;
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

public sealed class TenantStore(Db db)
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

    public async Task<TenantRow?> FindBySlugAsync(string slug, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<TenantRow>(new CommandDefinition(FindBySlugSql, new { Slug = slug }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<TenantRow>> ListAsync(string after, int limit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<TenantRow>(new CommandDefinition(
            db.Dialect.Render(ListSql), new { After = after, Limit = limit }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <returns>False when the slug is taken.</returns>
    public async Task<bool> TryInsertAsync(TenantRow tenant, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, tenant, cancellationToken: ct));
            return true;
        }
        catch (Exception e) when (DbErrors.IsUniqueViolation(e))
        {
            return false;
        }
    }
}
