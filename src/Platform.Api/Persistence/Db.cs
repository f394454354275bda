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
