using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace Platform.Api.Persistence;

/// <summary>
/// The command Dapper builds and disposes per call on a <see cref="PreparedSqliteConnection"/>: it collects the text and
/// the parameters, runs them on the connection's prepared <see cref="SqliteCommand"/> for that text, and hands that
/// command back when it is disposed. The text may change until the command runs (Dapper expands a list parameter into it).
/// </summary>
public sealed class PreparedSqliteCommand(PreparedSqliteConnection connection) : DbCommand
{
    readonly PendingParameters _parameters = new();
    SqliteCommand? _taken;

    [AllowNull]
    public override string CommandText { get; set; } = "";

    /// <summary>The connection's default (<c>DefaultTimeout</c>): prepared commands are shared, so one call cannot set its own.</summary>
    public override int CommandTimeout
    {
        get => connection.DefaultTimeout;
        set
        {
            if (value != connection.DefaultTimeout)
                throw new NotSupportedException("A prepared command runs with the connection's default timeout.");
        }
    }

    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text)
                throw new NotSupportedException("SQLite runs text commands only.");
        }
    }

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    protected override DbConnection? DbConnection
    {
        get => connection;
        set => throw new NotSupportedException("A prepared command stays on its connection.");
    }

    protected override DbParameterCollection DbParameterCollection => _parameters;

    protected override DbTransaction? DbTransaction { get; set; }

    public override void Cancel()
    {
    }

    public override void Prepare()
    {
    }

    protected override DbParameter CreateDbParameter() => new SqliteParameter();

    public override int ExecuteNonQuery() => Prepared().ExecuteNonQuery();

    public override object? ExecuteScalar() => Prepared().ExecuteScalar();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Prepared().ExecuteReader(behavior);

    /// <summary>The prepared command for the current text, bound to the current parameters and transaction.</summary>
    SqliteCommand Prepared()
    {
        if (_taken is not null && _taken.CommandText != CommandText)
        {
            connection.HandBack(_taken);
            _taken = null;
        }

        _taken ??= connection.Take(CommandText);
        _taken.Transaction = (SqliteTransaction?)DbTransaction;
        _taken.Parameters.Clear();
        foreach (SqliteParameter parameter in _parameters)
            _taken.Parameters.Add(parameter);
        return _taken;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _taken is not null)
        {
            connection.HandBack(_taken);
            _taken = null;
        }

        base.Dispose(disposing);
    }

    /// <summary>Parameters as Dapper adds them, before the command runs.</summary>
    sealed class PendingParameters : SqliteParameterCollection;
}
