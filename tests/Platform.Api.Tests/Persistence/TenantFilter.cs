using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Platform.Api.Tests.Persistence;

/// <summary>
/// Proves from the parse tree, not from the text, that a statement reads and writes only the rows its path may: every
/// reference to a tenant-owned table is filtered by <c>tenant_id = @TenantId</c> in a conjunct of its own query (an
/// <c>OR</c> beside it lifts the filter), or by <c>tenant_id</c> equal to that of a filtered table of the same or an
/// enclosing query; every insert into one writes <c>@TenantId</c> as its tenant. A grantee statement (one that reads
/// the grant view) is also a SELECT whose outer query keeps only rows <c>IN</c> a subquery over the grant view filtered
/// by the request's grant. SQLite has no row-level security: this is its wall, checked over every statement.
/// </summary>
public sealed class TenantFilter(IReadOnlySet<string> tenantTables)
{
    public const string GrantView = "granted_plinths";

    /// <summary>Besides the owner, the grantee of a grant reads it (received grants), as the SQL Server policy allows.</summary>
    static readonly Dictionary<string, string[]> ReaderColumns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sharing_grants"] = ["tenant_id", "grantee_tenant_id"],
    };

    static readonly string[] GrantFilter = ["grant_id:@GrantId", "tenant_id:@TenantId", "grantee_tenant_id:@GranteeTenantId"];

    /// <summary>The tenant-owned tables of the SQL Server migrations: every table with a <c>tenant_id</c> column.</summary>
    public static TenantFilter FromMigrations(IEnumerable<string> scripts)
    {
        var tables = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var script in scripts)
        {
            foreach (var create in Parse(script, out _).Collect<CreateTableStatement>())
            {
                if (create.Definition.ColumnDefinitions.Any(c => c.ColumnIdentifier.Value.Equals("tenant_id", StringComparison.OrdinalIgnoreCase)))
                    tables.Add(create.SchemaObjectName.BaseIdentifier.Value);
            }
        }

        return new TenantFilter(tables);
    }

    public IReadOnlySet<string> TenantTables => tenantTables;

    /// <returns>What is wrong with the statement's filtering; empty when nothing is.</returns>
    public IReadOnlyList<string> Violations(string sql)
    {
        var tree = Parse(sql, out var errors);
        if (errors.Count > 0)
            return [$"does not parse: {errors[0].Message}"];

        var violations = new List<string>();
        var scopes = Scopes(tree);
        var filtered = FilteredReferences(scopes);
        foreach (var scope in scopes)
        {
            foreach (var table in scope.Tables.Where(t => tenantTables.Contains(t.Name) && !filtered.Contains(t)))
                violations.Add($"{table.Name} {table.Alias} is not filtered by tenant_id = @TenantId");
        }

        foreach (var insert in tree.Collect<InsertSpecification>())
            violations.AddRange(InsertViolations(insert));

        if (scopes.SelectMany(s => s.Tables).Any(t => t.Name.Equals(GrantView, StringComparison.OrdinalIgnoreCase)))
            violations.AddRange(GranteeViolations(tree, scopes));
        return violations;
    }

    static TSqlFragment Parse(string sql, out IList<ParseError> errors) =>
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out errors);

    IEnumerable<string> InsertViolations(InsertSpecification insert)
    {
        if (insert.Target is not NamedTableReference target || !tenantTables.Contains(target.SchemaObject.BaseIdentifier.Value))
            yield break;
        var name = target.SchemaObject.BaseIdentifier.Value;
        var index = insert.Columns.ToList().FindIndex(c => LastName(c) == "tenant_id");
        if (index < 0)
        {
            yield return $"insert into {name} names no tenant_id";
            yield break;
        }

        // A copy (INSERT … SELECT tenant_id FROM …) keeps the tenant of rows its FROM reads, which the query check filters.
        var (values, copies) = insert.InsertSource switch
        {
            ValuesInsertSource rows => (rows.RowValues.Select(r => r.ColumnValues[index]).ToList(), false),
            SelectInsertSource { Select: QuerySpecification select } =>
                ([((SelectScalarExpression)select.SelectElements[index]).Expression], select.FromClause is not null),
            _ => ([], false),
        };
        if (values.Count == 0 || !values.All(v => IsVariable(v, "@TenantId") || (copies && v is ColumnReferenceExpression c && LastName(c) == "tenant_id")))
            yield return $"insert into {name} does not write @TenantId as tenant_id";
    }

    static IEnumerable<string> GranteeViolations(TSqlFragment tree, IReadOnlyList<Scope> scopes)
    {
        if (tree is not TSqlScript { Batches: [{ Statements: [SelectStatement] }] })
            yield return "a grantee statement must be one SELECT";

        var grantScopes = scopes.Where(s => s.Tables.Any(t => t.Name.Equals(GrantView, StringComparison.OrdinalIgnoreCase))).ToList();
        foreach (var scope in grantScopes)
        {
            var view = scope.Tables.First(t => t.Name.Equals(GrantView, StringComparison.OrdinalIgnoreCase));
            foreach (var required in GrantFilter)
            {
                var (column, variable) = (required[..required.IndexOf(':')], required[(required.IndexOf(':') + 1)..]);
                if (!scope.Conjuncts.Any(c => ComparesColumnWith(c, scope, view, column, variable)))
                    yield return $"{GrantView} {view.Alias} is not filtered by {column} = {variable}";
            }
        }

        // The outer query keeps only rows IN a subquery that reaches the grant view.
        var outer = scopes.OrderBy(s => s.Start).First();
        var narrowed = outer.Conjuncts.OfType<InPredicate>().Any(p => p is { NotDefined: false, Subquery: { } subquery }
            && grantScopes.Any(g => g.Start >= subquery.StartOffset && g.Start < subquery.StartOffset + subquery.FragmentLength));
        if (!narrowed)
            yield return $"the outer query is not narrowed to rows IN a subquery over {GrantView}";
    }

    /// <summary>Table references filtered by tenant, directly or by a tenant_id equal to a filtered one's, outer scopes first.</summary>
    HashSet<TableRef> FilteredReferences(IReadOnlyList<Scope> scopes)
    {
        var filtered = new HashSet<TableRef>();
        foreach (var scope in scopes.OrderBy(s => s.Start).ThenByDescending(s => s.Length))
        {
            var visible = scopes.Where(s => s.Start <= scope.Start && scope.Start + scope.Length <= s.Start + s.Length).SelectMany(s => s.Tables).ToList();
            bool changed;
            do
            {
                changed = false;
                foreach (var table in scope.Tables.Where(t => !filtered.Contains(t)))
                {
                    var readers = ReaderColumns.GetValueOrDefault(table.Name, ["tenant_id"]);
                    var direct = scope.Conjuncts.Any(c => readers.Any(column => ComparesColumnWith(c, scope, table, column, "@TenantId")));
                    var correlated = scope.Conjuncts.Any(c => visible.Any(other => other != table && filtered.Contains(other) && EqualsTenantOf(c, scope, table, other)));
                    if (direct || correlated)
                        changed = filtered.Add(table);
                }
            }
            while (changed);
        }

        return filtered;
    }

    static bool ComparesColumnWith(BooleanExpression condition, Scope scope, TableRef table, string column, string variable) =>
        condition is BooleanComparisonExpression { ComparisonType: BooleanComparisonType.Equals } comparison
        && ((Names(comparison.FirstExpression, scope, table, column) && IsVariable(comparison.SecondExpression, variable))
            || (Names(comparison.SecondExpression, scope, table, column) && IsVariable(comparison.FirstExpression, variable)));

    static bool EqualsTenantOf(BooleanExpression condition, Scope scope, TableRef table, TableRef other) =>
        condition is BooleanComparisonExpression { ComparisonType: BooleanComparisonType.Equals } comparison
        && ((Names(comparison.FirstExpression, scope, table, "tenant_id") && NamesQualified(comparison.SecondExpression, other, "tenant_id"))
            || (Names(comparison.SecondExpression, scope, table, "tenant_id") && NamesQualified(comparison.FirstExpression, other, "tenant_id")));

    /// <summary>The column of the table: qualified by its alias, or unqualified when the table is the only one of its query.</summary>
    static bool Names(ScalarExpression expression, Scope scope, TableRef table, string column) =>
        expression is ColumnReferenceExpression { MultiPartIdentifier.Identifiers: var parts } reference
        && LastName(reference) == column
        && (parts.Count == 1 ? scope.Tables.Count == 1 : parts[^2].Value.Equals(table.Alias, StringComparison.OrdinalIgnoreCase));

    static bool NamesQualified(ScalarExpression expression, TableRef table, string column) =>
        expression is ColumnReferenceExpression { MultiPartIdentifier.Identifiers: var parts } reference
        && LastName(reference) == column && parts.Count > 1 && parts[^2].Value.Equals(table.Alias, StringComparison.OrdinalIgnoreCase);

    static bool IsVariable(ScalarExpression expression, string name) =>
        expression is VariableReference variable && variable.Name.Equals(name, StringComparison.OrdinalIgnoreCase);

    static string LastName(ColumnReferenceExpression column) => column.MultiPartIdentifier.Identifiers[^1].Value.ToLowerInvariant();

    sealed record TableRef(string Name, string Alias, int Offset);

    sealed record Scope(int Start, int Length, IReadOnlyList<TableRef> Tables, IReadOnlyList<BooleanExpression> Conjuncts);

    static List<Scope> Scopes(TSqlFragment tree)
    {
        var scopes = new List<Scope>();
        foreach (var query in tree.Collect<QuerySpecification>())
            scopes.Add(ScopeOf(query, query.FromClause?.TableReferences ?? [], query.WhereClause));
        foreach (var update in tree.Collect<UpdateSpecification>())
            scopes.Add(ScopeOf(update, [update.Target, .. update.FromClause?.TableReferences ?? []], update.WhereClause));
        foreach (var delete in tree.Collect<DeleteSpecification>())
            scopes.Add(ScopeOf(delete, [delete.Target, .. delete.FromClause?.TableReferences ?? []], delete.WhereClause));
        return scopes;
    }

    static Scope ScopeOf(TSqlFragment node, IEnumerable<TableReference> from, WhereClause? where)
    {
        var tables = new List<TableRef>();
        var conjuncts = new List<BooleanExpression>();
        foreach (var reference in from)
            Walk(reference, tables, conjuncts);
        if (where?.SearchCondition is { } condition)
            conjuncts.AddRange(Conjuncts(condition));
        return new Scope(node.StartOffset, node.FragmentLength, tables, conjuncts);
    }

    static void Walk(TableReference reference, List<TableRef> tables, List<BooleanExpression> conjuncts)
    {
        switch (reference)
        {
            case NamedTableReference named:
                var name = named.SchemaObject.BaseIdentifier.Value;
                tables.Add(new TableRef(name, named.Alias?.Value ?? name, named.StartOffset));
                break;
            case QualifiedJoin join:
                Walk(join.FirstTableReference, tables, conjuncts);
                Walk(join.SecondTableReference, tables, conjuncts);
                conjuncts.AddRange(Conjuncts(join.SearchCondition));
                break;
            case JoinTableReference join:
                Walk(join.FirstTableReference, tables, conjuncts);
                Walk(join.SecondTableReference, tables, conjuncts);
                break;
            case JoinParenthesisTableReference parenthesis:
                Walk(parenthesis.Join, tables, conjuncts);
                break;
        }
    }

    /// <summary>The terms of the top-level AND chain: each one holds whatever else holds; a term under OR is none of them.</summary>
    static IEnumerable<BooleanExpression> Conjuncts(BooleanExpression condition) => condition switch
    {
        BooleanBinaryExpression { BinaryExpressionType: BooleanBinaryExpressionType.And } and => Conjuncts(and.FirstExpression).Concat(Conjuncts(and.SecondExpression)),
        BooleanParenthesisExpression parenthesis => Conjuncts(parenthesis.Expression),
        _ => [condition],
    };
}

static class FragmentSearch
{
    public static List<T> Collect<T>(this TSqlFragment fragment) where T : TSqlFragment
    {
        var collector = new Collector<T>();
        fragment.Accept(collector);
        return collector.Found;
    }

    sealed class Collector<T> : TSqlFragmentVisitor where T : TSqlFragment
    {
        public List<T> Found { get; } = [];

        public override void Visit(TSqlFragment node)
        {
            if (node is T match)
                Found.Add(match);
        }
    }
}
