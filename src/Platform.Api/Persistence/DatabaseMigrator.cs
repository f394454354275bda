using System.Reflection;
using DbUp;
using DbUp.Engine;
using Microsoft.Data.Sqlite;

namespace Platform.Api.Persistence;

/// <summary>
/// Applies the numbered scripts of migrations/&lt;provider&gt;/ that have not run yet. On SQLite it creates the
/// file when there is none, and the API then writes to that file (<see cref="SqliteFile.Adopt"/>).
/// </summary>
public sealed class DatabaseMigrator(SystemDb db, ILogger<DatabaseMigrator> logger)
{
    public void Migrate()
    {
        var upgrader = BuildUpgrader();
        if (upgrader.IsUpgradeRequired())
        {
            var result = upgrader.PerformUpgrade();
            if (!result.Successful)
                throw new InvalidOperationException($"Database migration failed in script '{result.ErrorScript?.Name}'.", result.Error);

            logger.LogInformation("Applied {Count} migration script(s) to the {Provider} database", result.Scripts.Count(), db.Provider);
        }

        if (db.File is { } file)
            file.Adopt(SqliteFile.IdentityOf(file.Path) ?? throw new DatabaseUnavailableException($"The database file {file.Path} vanished while it was migrated."));
    }

    UpgradeEngine BuildUpgrader()
    {
        var prefix = $"Migrations.{(db.Provider == DatabaseProvider.Sqlite ? "sqlite" : "sqlserver")}.";
        var assembly = Assembly.GetExecutingAssembly();

        var builder = db.Provider switch
        {
            DatabaseProvider.Sqlite => PrepareSqlite(),
            DatabaseProvider.SqlServer => DeployChanges.To.SqlDatabase(db.ConnectionString),
            _ => throw new InvalidOperationException($"Unknown database provider '{db.Provider}'."),
        };

        return builder
            .WithScriptsEmbeddedInAssembly(assembly, name => name.StartsWith(prefix, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogTo(new DbUpLogger(logger))
            .Build();
    }

    DbUp.Builder.UpgradeEngineBuilder PrepareSqlite()
    {
        // Unpooled: a pooled connection could still hold a file that a restore has since replaced.
        var creating = new SqliteConnectionStringBuilder(db.ConnectionString) { Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();
        var directory = Path.GetDirectoryName(db.File!.Path);
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);

        using (var connection = new SqliteConnection(creating))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // Readers never wait for the writer; persistent for the file once set.
            command.CommandText = "PRAGMA journal_mode = WAL;";
            command.ExecuteNonQuery();
        }

        return DeployChanges.To.SqliteDatabase(creating);
    }

    sealed class DbUpLogger(ILogger logger) : DbUp.Engine.Output.IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) => logger.LogTrace(format, args);
        public void LogDebug(string format, params object[] args) => logger.LogDebug(format, args);
        public void LogInformation(string format, params object[] args) => logger.LogDebug(format, args);
        public void LogWarning(string format, params object[] args) => logger.LogWarning(format, args);
        public void LogError(string format, params object[] args) => logger.LogError(format, args);
        public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, format, args);
    }
}
