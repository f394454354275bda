using System.Reflection;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Platform.Api.Persistence;

namespace Platform.Api.Tests.Persistence;

/// <summary>
/// SQL Server cannot run on these machines, so every script and statement it would run is at least parsed
/// by SQL Server's own parser. This proves syntax, not behaviour: the integration suite runs against
/// SQL Server when PLATFORM_TEST_SQLSERVER is set.
/// </summary>
public sealed class SqlServerSyntaxTests
{
    static IList<ParseError> Parse(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        parser.Parse(new StringReader(sql), out var errors);
        return errors;
    }

    public static TheoryData<string> MigrationScripts() =>
        new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "migrations", "sqlserver"), "*.sql").Select(Path.GetFileName).Order()!);

    /// <summary>Every <c>const string …Sql</c> in the API: the statements the code sends.</summary>
    public static TheoryData<string> Statements()
    {
        var statements = typeof(SystemDb).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string) && f.Name.EndsWith("Sql", StringComparison.Ordinal))
            .Select(f => $"{f.DeclaringType!.Name}.{f.Name}")
            .Order(StringComparer.Ordinal);
        return new TheoryData<string>(statements);
    }

    public static string StatementText(string name)
    {
        var (typeName, fieldName) = (name[..name.IndexOf('.')], name[(name.IndexOf('.') + 1)..]);
        var type = typeof(SystemDb).Assembly.GetTypes().Single(t => t.Name == typeName);
        var sql = (string)type.GetField(fieldName, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!.GetRawConstantValue()!;
        // Rendered as the code renders it for SQL Server: the dialect fills in its limit and lock hints, and Dapper
        // expands a list parameter (IN @Ids) into a parenthesised list.
        return new SqlServerDialect().Render(sql).Replace("IN @Ids", "IN (@Ids)", StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(MigrationScripts))]
    public void Every_sql_server_migration_parses(string script)
    {
        var errors = Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "migrations", "sqlserver", script)));

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{script}:{e.Line}: {e.Message}")));
    }

    [Theory]
    [MemberData(nameof(Statements))]
    public void Every_statement_in_the_code_parses_as_t_sql(string statement)
    {
        var errors = Parse(StatementText(statement));

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{statement}:{e.Line}: {e.Message}")));
    }

    [Fact]
    public void The_statement_list_is_not_empty()
    {
        Assert.True(Statements().Count >= 5);
        Assert.NotEmpty(MigrationScripts());
    }

    [Fact]
    public void A_broken_statement_is_caught()
    {
        Assert.NotEmpty(Parse("SELECT * FROM tenants LIMIT 5"));
    }
}
