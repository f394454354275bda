using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Platform.Api.Persistence;

/// <summary>
/// The system path: statements that run for the platform itself (administration, jobs, the token server, the schema),
/// bound to no tenant, so a grep for <c>SystemDb</c> finds every statement outside the tenant wall. Tenant data goes
/// through <see cref="Platform.Api.Tenancy.TenantDb"/> (the owner) or <see cref="Platform.Api.Tenancy.GranteeDb"/> (a grantee).
/// Each call leases a connection for its unit of work: on SQLite one that stays open with its prepared statements
/// (<see cref="SqliteConnectionLeases"/>), on SQL Server one from the driver's pool. No caller holds one between calls.
/// On SQLite, write transactions take turns inside the process (SQLite has one writer; a queue here is cheaper
/// and fairer than connections spinning on its lock), and each one first checks that the path still names the
/// database file the API adopted.
/// </summary>
public sealed class SystemDb
{
    /// <summary>How long a write waits for its turn before it answers 503.</summary>
    static readonly TimeSpan WriterWait = TimeSpan.FromSeconds(10);

    // WAL with synchronous=NORMAL: a commit does not wait for fsync, so a power cut may lose the last commits but never
    // corrupts the file. busy_timeout covers a lock held elsewhere. No mmap of the main file either: a fault on a
    // mapped page is SIGBUS, a fault on read() is an error code.
    const string SqliteSessionPragmas = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL; PRAGMA mmap_size = 0;";

    static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> PreparedHandles = new();

    readonly Func<DbConnection> _create;
    readonly SemaphoreSlim? _writer;
    readonly SqliteConnectionLeases? _leases;

    public SystemDb(IOptions<DatabaseOptions> options)
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
                    // Only start-up creates the file (DatabaseMigrator); a file deleted later stays missing.
                    Mode = SqliteOpenMode.ReadWrite,
                    // Seconds the driver retries a busy database (another process holding the lock) before it fails.
                    DefaultTimeout = 5,
                };
                File = new SqliteFile(sqlite.DataSource);
                // One process owns the file: SQLite's unix-excl VFS locks other processes out and keeps the WAL index in
                // this process's memory instead of a memory-mapped -shm file, where a write to a page the file system
                // refuses (the file made immutable, truncated, or its disk full) is SIGBUS, which ends the process.
                if (!OperatingSystem.IsWindows())
                    sqlite.DataSource = new Uri(File.Path).AbsoluteUri + "?vfs=unix-excl";
                ConnectionString = sqlite.ToString();
                Dialect = new SqliteDialect();
                _writer = new SemaphoreSlim(1, 1);
                _create = () => new SqliteConnection(ConnectionString);
                // The leased connections stay open themselves: the driver's pool under them would only hold closed ones.
                _leases = new SqliteConnectionLeases(new SqliteConnectionStringBuilder(ConnectionString) { Pooling = false }.ToString(), SqliteSessionPragmas);
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

    /// <summary>The SQLite file; null on SQL Server.</summary>
    public SqliteFile? File { get; }

    /// <summary>Runs <paramref name="work"/> on one connection, without a transaction.</summary>
    public Task<T> RunAsync<T>(Func<DbSession, Task<T>> work, CancellationToken ct) => RunAsync(work, binding: null, transactional: false, ct);

    /// <summary>Runs <paramref name="work"/> in one write transaction, committed when it returns.</summary>
    public Task<T> TransactAsync<T>(Func<DbSession, Task<T>> work, CancellationToken ct) => RunAsync(work, binding: null, transactional: true, ct);

    internal async Task<T> RunAsync<T>(Func<DbSession, Task<T>> work, SessionBinding? binding, bool transactional, CancellationToken ct)
    {
        var writing = transactional && _writer is not null;
        if (writing && !await _writer!.WaitAsync(WriterWait, ct))
            throw new DatabaseUnavailableException($"No write could start within {WriterWait.TotalSeconds:0} s.");
        try
        {
            if (writing)
                File!.EnsureWritable();
            var result = await RunOnConnectionAsync(work, binding, transactional, ct);
            // The commit went to the file the path names, or it is not durable.
            if (writing)
                File!.EnsureAdopted();
            return result;
        }
        catch (Exception e) when (DbErrors.IsUnavailable(e))
        {
            // Pooled connections may hold a deleted file or a read-only handle: the next call opens afresh.
            ClearPool();
            throw;
        }
        finally
        {
            if (writing)
                _writer!.Release();
        }
    }

    async Task<T> RunOnConnectionAsync<T>(Func<DbSession, Task<T>> work, SessionBinding? binding, bool transactional, CancellationToken ct)
    {
        if (_leases is not null)
        {
            var leased = await _leases.LeaseAsync(ct);
            var intact = false;
            try
            {
                var result = await RunInSessionAsync(leased, work, binding, transactional, ct);
                intact = true;
                return result;
            }
            finally
            {
                await _leases.ReturnAsync(leased, intact);
            }
        }

        // SQL Server.
        await using var connection = await OpenAsync(ct);
        if (binding is not null)
        {
            // Second wall: row-level security on SQL Server (migration 0007). Its filter admits the rows of tenant_id (the acting
            // tenant), and on the grantee path those of owner_tenant_id while that owner has a grant to tenant_id active on
            // grant_day; its block predicates admit the rows of tenant_id only, so a grantee session writes nothing of the owner's.
            await using var context = connection.CreateCommand();
            context.CommandText = """
                EXEC sp_set_session_context @key = N'tenant_id', @value = @TenantId, @read_only = 1;
                EXEC sp_set_session_context @key = N'owner_tenant_id', @value = @OwnerTenantId, @read_only = 1;
                EXEC sp_set_session_context @key = N'grant_day', @value = @GrantDay, @read_only = 1;
                """;
            AddParameter(context, "@TenantId", binding.WritingTenantId);
            AddParameter(context, "@OwnerTenantId", binding.TenantId);
            AddParameter(context, "@GrantDay", binding.Grant is { } grant ? grant.Day.ToDateTime(TimeOnly.MinValue) : DBNull.Value);
            await context.ExecuteNonQueryAsync(ct);
        }

        return await RunInSessionAsync(connection, work, binding, transactional, ct);
    }

    async Task<T> RunInSessionAsync<T>(DbConnection connection, Func<DbSession, Task<T>> work, SessionBinding? binding, bool transactional, CancellationToken ct)
    {
        if (!transactional)
            return await work(new DbSession(connection, null, Dialect, binding));

        // SQLite: BEGIN IMMEDIATE takes the write lock at once. SQL Server: reads that guard a write take update locks.
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var result = await work(new DbSession(connection, transaction, Dialect, binding));
        await transaction.CommitAsync(ct);
        return result;
    }

    static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = _create();
        try
        {
            await connection.OpenAsync(ct);
            // The pragmas belong to SQLite's own connection, which the pool hands out again: set them once per handle.
            if (connection is SqliteConnection { Handle: { } handle } && !PreparedHandles.TryGetValue(handle, out _))
            {
                await using var pragmas = connection.CreateCommand();
                pragmas.CommandText = SqliteSessionPragmas;
                await pragmas.ExecuteNonQueryAsync(ct);
                PreparedHandles.AddOrUpdate(handle, PreparedHandles);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> while no write transaction runs (SQLite; on SQL Server at once).</summary>
    public async Task BetweenWritesAsync(Action work, CancellationToken ct)
    {
        if (_writer is null)
        {
            work();
            return;
        }

        await _writer.WaitAsync(ct);
        try
        {
            work();
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Closes the idle pooled SQLite connections, and the busy ones when they are returned.</summary>
    public void ClearPool()
    {
        if (_leases is not null)
        {
            _leases.Clear();
            using var connection = new SqliteConnection(ConnectionString);
            SqliteConnection.ClearPool(connection);
        }
    }
}
