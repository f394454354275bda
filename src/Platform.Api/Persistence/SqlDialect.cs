using System.Runtime.CompilerServices;

namespace Platform.Api.Persistence;

/// <summary>
/// The few things that differ between SQLite and SQL Server. Statements are written once, in the subset both
/// understand, with markers where a dialect fills in its own words; a test parses every statement as T-SQL.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>Goes after ORDER BY: read at most <c>@Limit</c> rows.</summary>
    public const string Limit = "/*limit*/";

    /// <summary>Goes after a table name in a read that precedes a write in the same transaction.</summary>
    public const string UpdateLock = "/*update-lock*/";

    protected abstract string LimitClause { get; }

    protected abstract string UpdateLockHint { get; }

    // Statements are constants, so each is rendered once; keyed by reference, a lookup does not hash the text.
    readonly ConditionalWeakTable<string, string> _rendered = new();

    readonly ConditionalWeakTable<string, string> _renderedForRead = new();

    public string Render(string sql) =>
        _rendered.GetValue(sql, text => text.Replace(Limit, LimitClause, StringComparison.Ordinal).Replace(UpdateLock, UpdateLockHint, StringComparison.Ordinal));

    /// <summary>
    /// The statement as sent; outside a write transaction without its update locks, so a read that shares a statement
    /// with a write (a GET reusing a locking find) never blocks writers on SQL Server.
    /// </summary>
    public string Render(string sql, bool inWriteTransaction) => inWriteTransaction
        ? Render(sql)
        : _renderedForRead.GetValue(sql, text => text.Replace(Limit, LimitClause, StringComparison.Ordinal).Replace(UpdateLock, "", StringComparison.Ordinal));
}

public sealed class SqliteDialect : SqlDialect
{
    protected override string LimitClause => "LIMIT @Limit";

    // A SQLite write transaction (BEGIN IMMEDIATE) already holds the only write lock.
    protected override string UpdateLockHint => "";
}

public sealed class SqlServerDialect : SqlDialect
{
    protected override string LimitClause => "OFFSET 0 ROWS FETCH NEXT @Limit ROWS ONLY";

    protected override string UpdateLockHint => "WITH (UPDLOCK, HOLDLOCK)";
}
