using Platform.Api.Persistence;

namespace Platform.Api.Features.ApiClients;

public sealed class ApiClientRow
{
    public required string ClientId { get; init; }
    public Guid? TenantId { get; init; }
    public string? TenantSlug { get; init; }
    public required string DisplayName { get; init; }
    public required string SecretHash { get; init; }
    public required string Scopes { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>The clients table, shared by the client endpoints, the token server and the bootstrap.</summary>
public sealed class ApiClientStore(SystemDb db, TimeProvider clock)
{
    const string Columns = $"""
        c.client_id AS {nameof(ApiClientRow.ClientId)}, c.tenant_id AS {nameof(ApiClientRow.TenantId)},
        t.slug AS {nameof(ApiClientRow.TenantSlug)}, c.display_name AS {nameof(ApiClientRow.DisplayName)},
        c.secret_hash AS {nameof(ApiClientRow.SecretHash)}, c.scopes AS {nameof(ApiClientRow.Scopes)},
        c.created_at AS {nameof(ApiClientRow.CreatedAt)}, c.revoked_at AS {nameof(ApiClientRow.RevokedAt)}
        """;

    const string FindSql = $"""
        SELECT {Columns}
        FROM api_clients c LEFT JOIN tenants t ON t.id = c.tenant_id
        WHERE c.client_id = @ClientId
        """;

    const string FindActiveOfTenantSql = $"""
        SELECT {Columns}
        FROM api_clients c LEFT JOIN tenants t ON t.id = c.tenant_id
        WHERE c.tenant_id = @TenantId AND c.client_id = @ClientId AND c.revoked_at IS NULL
        """;

    const string ListActiveOfTenantSql = $"""
        SELECT {Columns}
        FROM api_clients c LEFT JOIN tenants t ON t.id = c.tenant_id
        WHERE c.tenant_id = @TenantId AND c.revoked_at IS NULL AND c.client_id > @After
        ORDER BY c.client_id {SqlDialect.Limit}
        """;

    const string InsertSql = """
        INSERT INTO api_clients (client_id, tenant_id, display_name, secret_hash, scopes, created_at, revoked_at)
        VALUES (@ClientId, @TenantId, @DisplayName, @SecretHash, @Scopes, @CreatedAt, NULL)
        """;

    const string RevokeSql = """
        UPDATE api_clients SET revoked_at = @Now
        WHERE client_id = @ClientId AND tenant_id = @TenantId AND revoked_at IS NULL
        """;

    const string CountPlatformClientsSql = "SELECT COUNT(*) FROM api_clients WHERE tenant_id IS NULL";

    public Task<ApiClientRow?> FindAsync(string clientId, CancellationToken ct) =>
        db.RunAsync(session => session.QuerySingleOrDefaultAsync<ApiClientRow>(FindSql, new { ClientId = clientId }, ct), ct);

    public Task<ApiClientRow?> FindActiveOfTenantAsync(Guid tenantId, string clientId, CancellationToken ct) =>
        db.RunAsync(session => session.QuerySingleOrDefaultAsync<ApiClientRow>(FindActiveOfTenantSql, new { TenantId = tenantId, ClientId = clientId }, ct), ct);

    public Task<IReadOnlyList<ApiClientRow>> ListActiveOfTenantAsync(Guid tenantId, string after, int limit, CancellationToken ct) =>
        db.RunAsync(session => session.ListAsync<ApiClientRow>(ListActiveOfTenantSql, new { TenantId = tenantId, After = after, Limit = limit }, ct), ct);

    /// <summary>Creates a client and returns it with its secret, which is stored only as a hash.</summary>
    public async Task<(ApiClientRow Client, string Secret)> CreateAsync(
        Guid? tenantId, string clientId, string displayName, IEnumerable<string> scopes, string? secret, CancellationToken ct)
    {
        secret ??= Security.ClientSecrets.Generate();
        var row = new ApiClientRow
        {
            ClientId = clientId,
            TenantId = tenantId,
            DisplayName = displayName,
            SecretHash = Security.ClientSecrets.Hash(secret),
            Scopes = string.Join(' ', scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
            CreatedAt = clock.GetUtcNow(),
        };
        await db.TransactAsync(session => session.ExecuteAsync(InsertSql, row, ct), ct);
        return (row, secret);
    }

    public async Task<bool> RevokeAsync(Guid tenantId, string clientId, CancellationToken ct) =>
        await db.TransactAsync(session => session.ExecuteAsync(RevokeSql, new { ClientId = clientId, TenantId = tenantId, Now = clock.GetUtcNow() }, ct), ct) == 1;

    public Task<int> CountPlatformClientsAsync(CancellationToken ct) =>
        db.RunAsync(session => session.ExecuteScalarAsync<int>(CountPlatformClientsSql, null, ct), ct);
}
