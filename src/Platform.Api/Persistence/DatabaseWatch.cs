using Microsoft.Data.Sqlite;

namespace Platform.Api.Persistence;

/// <summary>
/// Finds database faults and heals them without a restart: every two seconds on SQLite, and on every readiness
/// probe. The path must name a writable platform database. When it names another file than the adopted one (a
/// restored backup), the pools are cleared, pending migrations run and writes go to the new file. A missing file,
/// or one that is not a platform database, is never created or filled in: until an operator restores the
/// database, the API answers 503 (a restart creates a new, empty one).
/// </summary>
public sealed class DatabaseWatch(SystemDb db, DatabaseMigrator migrator, ILogger<DatabaseWatch> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    const string ProbeSql = "SELECT COUNT(*) FROM SchemaVersions";

    // SQLite only (not a "…Sql" statement both engines run): does the file hold DbUp's journal of applied migrations?
    const string SqliteJournalTableQuery = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'SchemaVersions' COLLATE NOCASE";

    readonly SemaphoreSlim _checking = new(1, 1);
    string? _reported;

    /// <returns>Null when the database takes writes; otherwise what is wrong with it.</returns>
    public async Task<string?> CheckAsync(CancellationToken ct)
    {
        await _checking.WaitAsync(ct);
        try
        {
            var fault = await FindFaultAsync(ct);
            if (fault is not null)
                db.ClearPool();
            db.File?.Report(fault);
            Log(fault);
            return fault;
        }
        finally
        {
            _checking.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (db.File is null)
            return;
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            await CheckAsync(stoppingToken);
    }

    async Task<string?> FindFaultAsync(CancellationToken ct)
    {
        try
        {
            if (db.File is { } file)
            {
                var state = file.Inspect();
                if (!state.IsWritable)
                    return state.Fault;
                if (state.Identity != file.Adopted)
                {
                    db.ClearPool();
                    if (!await IsPlatformDatabaseAsync(file.Path, ct))
                        return $"The database file {file.Path} was replaced by a file that is not a platform database.";
                    // Between writes: none may commit to the old file after the new one is adopted.
                    await db.BetweenWritesAsync(migrator.Migrate, ct);
                    logger.LogWarning("The database file {Path} was replaced; the API now writes to the new file", file.Path);
                }
            }

            await db.RunAsync(session => session.ExecuteScalarAsync<int>(ProbeSql, null, ct), ct);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return $"The database cannot be used: {e.Message}";
        }
    }

    async Task<bool> IsPlatformDatabaseAsync(string path, CancellationToken ct)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteJournalTableQuery;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    void Log(string? fault)
    {
        if (fault == _reported)
            return;
        if (fault is null)
            logger.LogInformation("The database takes writes again");
        else
            logger.LogError("The database is unavailable; requests that need it answer 503: {Fault}", fault);
        _reported = fault;
    }
}
