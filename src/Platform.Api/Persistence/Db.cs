using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Platform.Api.Persistence;

/// <summary>
/// Opens one pooled connection per call. Nothing holds a connection between calls.
/// </summary>
public sealed class Db
{
    readonly Func<DbConnection> _create;

    public Db(IOptions<DatabaseOptions> options)
    {
        var configured = options.Value;
        Provider = configured.Provider;
        switch (configured.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = new SqliteConnectionStringBuilder(configured.ResolvedConnectionString)
                {
                    ForeignKeys = true,
                    Pooling = true,
                };
                ConnectionString = sqlite.ToString();
                Dialect = new SqliteDialect();
                _create = () => new SqliteConnection(ConnectionString);
                break;
            case DatabaseProvider.SqlServer:
                ConnectionString = configured.ResolvedConnectionString;
                Dialect = new SqlServerDialect();
                _create = () => new SqlConnection(ConnectionString);
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{configured.Provider}'.");
        }
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public SqlDialect Dialect { get; }

    /// <summary>Runs <paramref name="work"/> on one connection, without a transaction.</summary>
    public Task<T> RunAsync<T>(Func<DbSession, Task<T>> work, CancellationToken ct) => RunAsync(work, tenantId: null, transactional: false, ct);

    /// <summary>Runs <paramref name="work"/> in one write transaction, committed when it returns.</summary>
    public Task<T> TransactAsync<T>(Func<DbSession, Task<T>> work, CancellationToken ct) => RunAsync(work, tenantId: null, transactional: true, ct);

    internal async Task<T> RunAsync<T>(Func<DbSession, Task<T>> work, Guid? tenantId, bool transactional, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        if (tenantId is { } tenant && Provider == DatabaseProvider.SqlServer)
        {
            // Second wall: row-level security on SQL Server filters every tenant table on this value.
            await using var context = connection.CreateCommand();
            context.CommandText = "EXEC sp_set_session_context @key = N'tenant_id', @value = @TenantId, @read_only = 1";
            var parameter = context.CreateParameter();
            parameter.ParameterName = "@TenantId";
            parameter.Value = tenant;
            context.Parameters.Add(parameter);
            await context.ExecuteNonQueryAsync(ct);
        }

        if (!transactional)
            return await work(new DbSession(connection, null, Dialect, tenantId));

        // SQLite: BEGIN IMMEDIATE takes the write lock at once. SQL Server: reads that guard a write take update locks.
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var result = await work(new DbSession(connection, transaction, Dialect, tenantId));
        await transaction.CommitAsync(ct);
        return result;
    }

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = _create();
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
