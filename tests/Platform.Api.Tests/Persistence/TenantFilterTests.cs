using Platform.Api.Persistence;
using Platform.Api.Tenancy;

namespace Platform.Api.Tests.Persistence;

/// <summary>
/// The wall on SQLite, which has no row-level security: every SQL constant of the API, parsed, filters each tenant-owned
/// table by the path it runs on: the owner path by <c>tenant_id = @TenantId</c>, the grantee path by that and the grant
/// view. What does neither runs on the system path and is listed here, each with the reason it may cross tenants.
/// </summary>
public sealed class TenantFilterTests
{
    static readonly TenantFilter Filter = TenantFilter.FromMigrations(
        SqlServerSyntaxTests.MigrationScripts().Select(s => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "migrations", "sqlserver", s.Data))));

    /// <summary>Every statement on the system path that is not filtered by tenant, and why it may cross tenants.</summary>
    public static readonly IReadOnlyDictionary<string, string> SystemStatements = new Dictionary<string, string>
    {
        ["ApiClientStore.FindSql"] = "The token server and token validation find a client by its client_id, before any tenant is known.",
        ["ApiClientStore.CountPlatformClientsSql"] = "Start-up counts the platform's own clients (tenant_id IS NULL) to create the bootstrap administrator once.",
        ["GranteeAccessStore.UnrevokedGrantsSql"] = "Access resolution finds the owner's grant to the acting tenant before any path is bound (owner and grantee by hand).",
        ["GranteeAccessStore.InsertReadSql"] = "A grantee's read is written into the owner's audit trail; the grantee path is SELECT only.",
        ["ReminderScan.DueEvaluationsSql"] = "The platform-wide reminder job finds discount periods due for evaluation in every tenant.",
        ["ReminderScan.OverdueEvaluationsSql"] = "The reminder job finds discount periods ended without an evaluation in every tenant.",
        ["ReminderScan.EndingDiscountsSql"] = "The reminder job finds discounts about to end in every tenant.",
        ["ReminderScan.EndingLeasesSql"] = "The reminder job finds leases about to end in every tenant.",
        ["ReminderScan.NoticeDeadlinesSql"] = "The reminder job finds the notice deadlines of 7:290 leases in every tenant whose reminder is due.",
        ["ReminderScan.CreatedGrantsSql"] = "The reminder job finds grants whose grantee was not yet told of them (the notice goes to another tenant).",
        ["ReminderScan.RevokedGrantsSql"] = "The reminder job finds revoked grants whose grantee was not yet told.",
        ["ReminderScan.MarkNoticeDeadlineSql"] = "The reminder job marks a row it read (by id) as notified.",
        ["ReminderScan.CreatedGrantSql"] = "A grant's creation reads the grant (by id) for the grantee's notice, written in the grant's own transaction.",
        ["ReminderScan.RevokedGrantSql"] = "A grant's revocation reads the grant (by id) for the grantee's notice, written in the grant's own transaction.",
        ["ReminderScan.MarkDueSql"] = "The reminder job marks a row it read (by id) as notified.",
        ["ReminderScan.MarkOverdueSql"] = "The reminder job marks a row it read (by id) as notified.",
        ["ReminderScan.MarkDiscountEndingSql"] = "The reminder job marks a row it read (by id) as notified.",
        ["ReminderScan.MarkLeaseEndingSql"] = "The reminder job marks a row it read (by id) as notified.",
        ["ReminderScan.MarkNoticeDeadlineSql"] = "The reminder job marks a row it read (by id) as notified.",
        ["ReminderScan.MarkGrantCreatedSql"] = "The reminder job marks a row it read (by id) as notified.",
        ["ReminderScan.MarkGrantRevokedSql"] = "The reminder job marks a row it read (by id) as notified.",
        ["WebhookDispatch.StrandedSql"] = "The reminder job requeues pending deliveries of every tenant whose Hangfire job was lost.",
        ["WebhookDispatch.ClaimSql"] = "The reminder job claims a stranded delivery it read (by id).",
        ["WebhookSender.LoadSql"] = "The Hangfire delivery job loads a delivery by id with its webhook and notification; it runs outside any request.",
        ["WebhookSender.RecordSql"] = "The delivery job records the outcome of the delivery it loaded (by id).",
        ["ApplicationSubmissions.TenderSql"] = "An applicant of any tenant finds the published tender it applies to by id, in the landlord's partition.",
        ["ApplicationSubmissions.InsertReceiptSql"] = "A submission writes its receipt into the submitter's partition, beside the application in the landlord's.",
        ["ApplicationSubmissions.FindOwnSql"] = "The submitter reads its application in the landlord's partition through its own receipt (r.tenant_id = the acting tenant).",
        ["TenderReminders.DueTendersSql"] = "The reminder job finds the open tenders of every tenant that close within three days, to remind or close them.",
        ["TenderReminders.DuePitchNightsSql"] = "The reminder job finds the shortlisted tenders of every tenant whose pitch night is due to be announced.",
        ["JurorKeys.FindByKeySql"] = "The juror-key scheme finds the juror of a key (by its hash) before any tenant is known, as the token server finds a client.",
        ["ApplicationSubmissions.ListReceiptsSql"] = "The submitter lists its receipts with their applications, which live in the landlords' partitions.",
        ["NormsReportStore.DevelopmentsSql"] = "The norms report reads a municipality's own developments and those every owner shares with it for reports today (through granted_developments); the grantee path is bound to one owner.",
        ["NormsReportStore.CurrentLinesSql"] = "The norms report reads the current programme lines of the same developments: the municipality's own and those shared with it (granted_developments).",
        ["NormsReportStore.UnitsByNeighbourhoodSql"] = "The norms report counts the units on the municipality's own plinths and on those every owner shares with it for reports today (granted_plinths).",
        ["NormsReportStore.CoverageSql"] = "The norms report's coverage names (name and slug only) every owner with developments or plinths in the municipality, and whether it shares its reports with it.",
    };

    public static TheoryData<string> Statements() => SqlServerSyntaxTests.Statements();

    [Theory]
    [MemberData(nameof(Statements))]
    public void Every_statement_filters_each_tenant_table_by_its_path_or_is_a_listed_system_statement(string statement)
    {
        var violations = Filter.Violations(SqlServerSyntaxTests.StatementText(statement));

        if (SystemStatements.ContainsKey(statement))
        {
            Assert.True(violations.Count > 0, $"{statement} is filtered by tenant: take it off the system list.");
            Assert.Contains(SystemPathTypes(), t => t.Name == statement[..statement.IndexOf('.')]);
        }
        else
        {
            Assert.True(violations.Count == 0, $"{statement}: {string.Join("; ", violations)}");
        }
    }

    [Fact]
    public void Every_listed_system_statement_exists_and_says_why()
    {
        var statements = Statements().Select(s => s.Data).ToHashSet();
        Assert.All(SystemStatements, s =>
        {
            Assert.Contains(s.Key, statements);
            Assert.False(string.IsNullOrWhiteSpace(s.Value));
        });
    }

    [Fact]
    public void The_tenant_tables_come_from_the_migrations()
    {
        Assert.Superset(new HashSet<string>(["plinths", "units", "leases", "audit_events", "discounts", "notifications", "webhooks", "sharing_grants"]),
            Filter.TenantTables.ToHashSet());
        Assert.DoesNotContain("tenants", Filter.TenantTables);
    }

    [Fact]
    public void The_public_tender_listing_crosses_tenants_only_through_its_view()
    {
        var listing = SqlServerSyntaxTests.StatementText("TenderListingStore.ListingSql");

        Assert.Contains("tenders", Filter.TenantTables);
        Assert.DoesNotContain("public_tender_units", Filter.TenantTables);
        Assert.Empty(Filter.Violations(listing));
        Assert.All(Filter.TenantTables, table =>
            Assert.DoesNotMatch($@"(?i)\b(FROM|JOIN)\s+(dbo\.)?{table}\b", listing));
        Assert.Matches(@"(?i)\bFROM\s+public_tender_units\b", listing);
    }

    [Theory]
    [InlineData("SELECT name FROM plinths WHERE id = @Id OR tenant_id = @TenantId")]
    [InlineData("SELECT name FROM plinths WHERE id = @Id")]
    [InlineData("SELECT p.name FROM plinths p JOIN units u ON u.plinth_id = p.id WHERE p.tenant_id = @TenantId")]
    [InlineData("SELECT name FROM plinths WHERE tenant_id = @Other AND id = @Id")]
    [InlineData("SELECT u.id FROM units u WHERE u.tenant_id = @TenantId AND EXISTS (SELECT 1 FROM leases l WHERE l.unit_id = u.id)")]
    [InlineData("UPDATE plinths SET name = @Name WHERE id = @Id")]
    [InlineData("DELETE FROM plinths WHERE (id = @Id OR tenant_id = @TenantId)")]
    [InlineData("INSERT INTO plinths (id, tenant_id, name) VALUES (@Id, @OtherTenant, @Name)")]
    [InlineData("SELECT id FROM plinths WHERE tenant_id = @TenantId AND id IN (SELECT gp.plinth_id FROM granted_plinths gp WHERE gp.tenant_id = @TenantId)")]
    [InlineData("SELECT id FROM plinths WHERE tenant_id = @TenantId AND (id = @Id OR id IN (SELECT gp.plinth_id FROM granted_plinths gp "
                + "WHERE gp.tenant_id = @TenantId AND gp.grant_id = @GrantId AND gp.grantee_tenant_id = @GranteeTenantId))")]
    public void A_statement_that_leaves_a_tenant_table_open_fails(string sql) =>
        Assert.NotEmpty(Filter.Violations(sql));

    [Theory]
    [InlineData("SELECT name FROM plinths WHERE tenant_id = @TenantId AND (id = @Id OR name = @Name)")]
    [InlineData("SELECT u.id FROM units u WHERE u.tenant_id = @TenantId AND EXISTS (SELECT 1 FROM leases l WHERE l.tenant_id = u.tenant_id AND l.unit_id = u.id)")]
    [InlineData("INSERT INTO plinths (id, tenant_id, name) VALUES (@Id, @TenantId, @Name)")]
    [InlineData("SELECT id FROM plinths WHERE tenant_id = @TenantId AND id IN (SELECT gp.plinth_id FROM granted_plinths gp "
                + "WHERE gp.tenant_id = @TenantId AND gp.grant_id = @GrantId AND gp.grantee_tenant_id = @GranteeTenantId)")]
    [InlineData("SELECT slug FROM tenants WHERE slug = @Slug")]
    public void A_statement_filtered_by_its_path_passes(string sql) =>
        Assert.Empty(Filter.Violations(sql));

    /// <summary>The types that run statements on the system path, found by their constructor.</summary>
    static IEnumerable<Type> SystemPathTypes() =>
        typeof(SystemDb).Assembly.GetTypes()
            .Where(t => t != typeof(TenantDb) && t != typeof(GranteeDb)
                        && t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(SystemDb))));
}
