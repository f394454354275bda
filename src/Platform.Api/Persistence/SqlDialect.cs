namespace Platform.Api.Persistence;

/// <summary>
/// The few statements that differ between SQLite and SQL Server. Everything else is written once, in the
/// common subset of both, and every statement is parsed as T-SQL by a test.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>Appended after an ORDER BY clause to read at most <c>@Limit</c> rows.</summary>
    public abstract string LimitClause { get; }

    public string WithLimit(string sqlEndingInOrderBy) => $"{sqlEndingInOrderBy}\n{LimitClause}";
}

public sealed class SqliteDialect : SqlDialect
{
    public override string LimitClause => "LIMIT @Limit";
}

public sealed class SqlServerDialect : SqlDialect
{
    public override string LimitClause => "OFFSET 0 ROWS FETCH NEXT @Limit ROWS ONLY";
}
