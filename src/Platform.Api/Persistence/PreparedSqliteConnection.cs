using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace Platform.Api.Persistence;

/// <summary>
/// One open SQLite connection that keeps its prepared statements between calls. Microsoft.Data.Sqlite prepares a
/// statement per command and Dapper disposes its command after every call, and closing a connection (handing it back
/// to the driver's pool) disposes every command on it: so every call compiled its SQL again. Here the connection stays
/// open between units of work (<see cref="SqliteConnectionLeases"/>) and hands Dapper commands that run on a prepared
/// <see cref="SqliteCommand"/> kept per SQL text.
/// </summary>
public sealed class PreparedSqliteConnection(SqliteConnection connection, int generation) : DbConnection
{
    /// <summary>Statements beyond this many (a list expanded by Dapper makes a text per length) run unprepared.</summary>
    const int MaxPreparedStatements = 256;

    readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    /// <summary>The lease generation the connection was opened in; a cleared pool does not take it back.</summary>
    internal int Generation { get; } = generation;

    /// <summary>The prepared command for <paramref name="sql"/>, or a new one; the caller has it alone until it hands it back.</summary>
    internal SqliteCommand Take(string sql)
    {
        if (_prepared.Remove(sql, out var command))
            return command;
        command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    internal void HandBack(SqliteCommand command)
    {
        command.Parameters.Clear();
        command.Transaction = null;
        if (_prepared.Count >= MaxPreparedStatements || !_prepared.TryAdd(command.CommandText, command))
            command.Dispose();
    }

    [AllowNull]
    public override string ConnectionString
    {
        get => connection.ConnectionString;
        set => throw new NotSupportedException("A prepared connection keeps the connection string it was opened with.");
    }

    /// <summary>Seconds a statement retries a busy database.</summary>
    public int DefaultTimeout => connection.DefaultTimeout;

    public override string Database => connection.Database;

    public override string DataSource => connection.DataSource;

    public override string ServerVersion => connection.ServerVersion;

    public override ConnectionState State => connection.State;

    public override void ChangeDatabase(string databaseName) => throw new NotSupportedException();

    public override void Open()
    {
        if (connection.State != ConnectionState.Open)
            throw new InvalidOperationException("A prepared connection is opened once, when it is leased out the first time.");
    }

    /// <summary>The connection stays open for its next lease; <see cref="SqliteConnectionLeases"/> closes it.</summary>
    public override void Close()
    {
    }

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => connection.BeginTransaction(isolationLevel);

    protected override DbCommand CreateDbCommand() => new PreparedSqliteCommand(this);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var command in _prepared.Values)
                command.Dispose();
            _prepared.Clear();
            connection.Dispose();
        }

        base.Dispose(disposing);
    }
}
