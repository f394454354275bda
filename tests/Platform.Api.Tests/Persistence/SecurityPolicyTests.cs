using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Platform.Api.Tests.Persistence;

/// <summary>
/// The SQL Server security policy as the migrations leave it, read from their parse trees (SQL Server does not run here):
/// the grant-aware filter on the kinds a grantee reads, and owner-only block predicates everywhere.
/// </summary>
public sealed class SecurityPolicyTests
{
    /// <summary>What grantees read: plinths, units and leases (0007), and for the reports the money behind them (0014).</summary>
    static readonly string[] GranteeReadTables =
        ["counter_performances", "discount_periods", "discounts", "evaluations", "leases", "plinths", "rent_revisions", "units"];

    /// <summary>Each table's predicates after all migrations: (table, filter or block) → the predicate functions.</summary>
    static Dictionary<(string Table, SecurityPredicateType Type), List<string>> Policy()
    {
        var policy = new Dictionary<(string, SecurityPredicateType), List<string>>();
        foreach (var script in SqlServerSyntaxTests.MigrationScripts().Select(s => s.Data))
        {
            var tree = new TSql160Parser(initialQuotedIdentifiers: true)
                .Parse(new StringReader(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "migrations", "sqlserver", script))), out var errors);
            Assert.Empty(errors);
            foreach (var action in tree.Collect<SecurityPolicyStatement>().SelectMany(s => s.SecurityPredicateActions))
            {
                var key = (action.TargetObjectName.BaseIdentifier.Value, action.SecurityPredicateType);
                var predicates = policy.TryGetValue(key, out var existing) ? existing : policy[key] = [];
                if (action.ActionType is SecurityPredicateActionType.Alter or SecurityPredicateActionType.Drop)
                    predicates.Clear();
                if (action.ActionType is SecurityPredicateActionType.Create or SecurityPredicateActionType.Alter)
                    predicates.Add(action.FunctionCall.FunctionName.Value);
            }
        }

        return policy;
    }

    [Fact]
    public void A_grantee_session_reads_plinths_units_leases_and_the_money_behind_reports_of_a_granting_owner_and_nothing_else()
    {
        var filters = Policy().Where(p => p.Key.Type == SecurityPredicateType.Filter).ToDictionary(p => p.Key.Table, p => Assert.Single(p.Value));

        Assert.Equal(GranteeReadTables, filters.Where(f => f.Value == "tenant_read_predicate").Select(f => f.Key).Order());
        Assert.Equal("sharing_grant_predicate", filters["sharing_grants"]);
        Assert.All(filters.Where(f => !GranteeReadTables.Contains(f.Key) && f.Key != "sharing_grants"), f => Assert.Equal("tenant_predicate", f.Value));
    }

    [Fact]
    public void Every_filtered_table_blocks_writes_of_any_tenant_but_the_sessions_own()
    {
        var policy = Policy();
        var filtered = policy.Keys.Where(k => k.Type == SecurityPredicateType.Filter).Select(k => k.Table).ToList();

        Assert.Superset(GranteeReadTables.ToHashSet(), filtered.ToHashSet());
        Assert.All(filtered, table => Assert.Equal(["tenant_predicate"], policy[(table, SecurityPredicateType.Block)].Distinct()));
    }
}
