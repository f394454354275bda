namespace Platform.Api.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Defaults to a SQLite file under ./data when the provider is SQLite.</summary>
    public string? ConnectionString { get; set; }

    public string ResolvedConnectionString => ConnectionString switch
    {
        { Length: > 0 } configured => configured,
        _ when Provider == DatabaseProvider.Sqlite => "Data Source=data/platform.db",
        _ => throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is SqlServer."),
    };
}
