using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Platform.Api.Persistence;

/// <summary>
/// The open SQLite connections between units of work, each with its prepared statements (instead of the driver's pool,
/// whose hand-back disposes them). A unit of work leases one and returns it; one that failed is closed instead, and
/// <see cref="Clear"/> closes the idle ones at once and the leased ones when they come back, so after a database fault
/// no connection to the old file or handle is used again.
/// </summary>
public sealed class SqliteConnectionLeases(string connectionString, string sessionPragmas)
{
    /// <summary>Idle connections kept beyond this many are closed; a burst opens more for its duration.</summary>
    const int MaxIdle = 32;

    readonly ConcurrentStack<PreparedSqliteConnection> _idle = new();
    int _generation;

    public async Task<PreparedSqliteConnection> LeaseAsync(CancellationToken ct)
    {
        while (_idle.TryPop(out var idle))
        {
            if (idle.Generation == Volatile.Read(ref _generation))
                return idle;
            await idle.DisposeAsync();
        }

        var generation = Volatile.Read(ref _generation);
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = sessionPragmas;
            await pragmas.ExecuteNonQueryAsync(ct);
            return new PreparedSqliteConnection(connection, generation);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <param name="connection">The leased connection.</param>
    /// <param name="intact">False when the unit of work failed: its connection may be mid-transaction or on a broken handle.</param>
    public async ValueTask ReturnAsync(PreparedSqliteConnection connection, bool intact)
    {
        if (intact && connection.Generation == Volatile.Read(ref _generation) && _idle.Count < MaxIdle)
            _idle.Push(connection);
        else
            await connection.DisposeAsync();
    }

    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        while (_idle.TryPop(out var idle))
            idle.Dispose();
    }
}
