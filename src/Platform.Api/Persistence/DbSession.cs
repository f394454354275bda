using System.Data.Common;
using Dapper;

namespace Platform.Api.Persistence;

/// <summary>
/// One open connection (and maybe a transaction) for a unit of work. A tenant session adds its binding (the owner, and
/// on the grantee path the grant) to every statement's parameters and refuses any statement that does not filter by it.
/// </summary>
public sealed class DbSession(DbConnection connection, DbTransaction? transaction, SqlDialect dialect, SessionBinding? binding)
{
    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? param, CancellationToken ct) =>
        connection.QueryAsync<T>(Command(sql, param, ct));

    public async Task<IReadOnlyList<T>> ListAsync<T>(string sql, object? param, CancellationToken ct) =>
        (await connection.QueryAsync<T>(Command(sql, param, ct))).AsList();

    /// <summary>
    /// A statement with <c>IN @Ids</c> run over <paramref name="ids"/> a chunk at a time: SQL Server takes at most 2,100
    /// parameters in one statement, and a budget line's discounts can be more. The rows come chunk by chunk, each chunk in
    /// the statement's order, so the statement must not page or order across ids.
    /// </summary>
    public async Task<IReadOnlyList<T>> ListByIdsAsync<T>(string sql, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var rows = new List<T>();
        foreach (var chunk in ids.Distinct().Chunk(IdsPerStatement))
            rows.AddRange(await connection.QueryAsync<T>(Command(sql, new { Ids = chunk }, ct)));
        return rows;
    }

    /// <summary>Well under SQL Server's 2,100 parameters per statement, leaving room for the statement's other parameters.</summary>
    public const int IdsPerStatement = 1000;

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? param, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<T>(Command(sql, param, ct));

    public Task<T?> ExecuteScalarAsync<T>(string sql, object? param, CancellationToken ct) =>
        connection.ExecuteScalarAsync<T>(Command(sql, param, ct));

    public Task<int> ExecuteAsync(string sql, object? param, CancellationToken ct) =>
        connection.ExecuteAsync(Command(sql, param, ct));

    /// <summary>
    /// The owner path inside a system-path transaction: the same connection and transaction, with every statement bound to
    /// <paramref name="ownerId"/> as on <c>TenantDb</c>. For a write that is the owner's but also notifies another tenant in
    /// the same transaction (a shortlist notifies its applicants), or that a job does for an owner (the scan closes a tender).
    /// </summary>
    public DbSession OwnedBy(Guid ownerId) => new(connection, transaction, dialect, new SessionBinding(ownerId, Grant: null));

    CommandDefinition Command(string sql, object? param, CancellationToken ct)
    {
        if (binding is not null)
        {
            binding.Check(sql);
            // A list of parameter objects runs the statement once per item: each item gets the binding.
            param = param is System.Collections.IEnumerable items and not string
                ? items.Cast<object>().Select(binding.Bind).ToList()
                : binding.Bind(param);
        }

        return new CommandDefinition(dialect.Render(sql, inWriteTransaction: transaction is not null), param, transaction, cancellationToken: ct);
    }
}
