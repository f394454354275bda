using System.Diagnostics;
using System.Reflection;
using Dapper;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Platform.Api;
using Platform.Api.Features.Notifications;
using Platform.Api.Features.Reminders;
using Platform.Api.Features.Webhooks;
using Platform.Api.Persistence;

namespace Platform.Benchmarks;

/// <summary>
/// Seeds a SQLite database with active discounts, a share of which have an evaluation due today, and times one
/// reminder scan. The scan should cost in proportion to what is due, not to what is stored.
/// </summary>
public static class ReminderScanBenchmark
{
    static readonly DateOnly Today = new(2026, 10, 1);

    public static async Task<Result> RunAsync(int discounts, int due)
    {
        var file = Path.Combine(Path.GetTempPath(), $"plinth-bench-{Guid.NewGuid():N}.db");
        try
        {
            var db = new SystemDb(Options.Create(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file}" }));
            new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance).Migrate();
            var seedTime = Stopwatch.StartNew();
            await SeedAsync(db, discounts, due);
            seedTime.Stop();

            var clock = new FixedClock(new DateTimeOffset(Today.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero));
            var webhooks = new WebhookDispatch(db, new NoJobs(), clock);
            var scan = new ReminderScan(db, webhooks, new TenantNotices(webhooks, clock), new PlatformCalendar(clock, Options.Create(new PlatformOptions())), NullLogger<ReminderScan>.Instance);

            var first = Stopwatch.StartNew();
            var written = await scan.RunAsync(CancellationToken.None);
            first.Stop();
            var second = Stopwatch.StartNew();
            var rerun = await scan.RunAsync(CancellationToken.None);
            second.Stop();

            return new Result(discounts, due, written.EvaluationsDue, rerun.EvaluationsDue, first.Elapsed, second.Elapsed, seedTime.Elapsed, await PlanAsync(db));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    /// <summary>What SQLite does for the scan's query of due evaluations.</summary>
    static async Task<string> PlanAsync(SystemDb db)
    {
        var sql = (string)typeof(ReminderScan).GetField("DueEvaluationsSql", BindingFlags.NonPublic | BindingFlags.Static)!.GetRawConstantValue()!;
        await using var connection = await db.OpenAsync(CancellationToken.None);
        var rows = await connection.QueryAsync("EXPLAIN QUERY PLAN " + db.Dialect.Render(sql), new { Today = Today.ToString("yyyy-MM-dd"), Limit = 500 });
        return string.Join("; ", rows.Select(r => (string)r.detail));
    }

    static async Task SeedAsync(SystemDb db, int discounts, int due)
    {
        var tenant = Guid.NewGuid();
        var plinth = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await using var connection = (SqliteConnection)await db.OpenAsync(CancellationToken.None);
        await using var transaction = connection.BeginTransaction();
        await connection.ExecuteAsync("""
            INSERT INTO tenants (id, slug, name, kind, municipality_code, created_at) VALUES (@Tenant, 'bench', 'Bench', 'housing_corporation', 'GM0344', @Now);
            INSERT INTO plinths (id, tenant_id, name, street, house_number, postcode, city, municipality_code, neighbourhood_code, dwellings_above,
                                 plinth_area_m2, priority_neighbourhood, created_at, updated_at, version)
            VALUES (@Plinth, @Tenant, 'Bench', 'Benchstraat', 1, '3555 AB', 'Utrecht', 'GM0344', 'BU03440101', 10, 100, 0, @Now, @Now, 1);
            """, new { Tenant = tenant, Plinth = plinth, Now = now }, transaction);

        var commands = new[]
        {
            "INSERT INTO units (id, tenant_id, plinth_id, name, category, detail_code, area_m2, status, created_at, updated_at, version) VALUES ($unit, $tenant, $plinth, 'Unit', 'BED', 'ATE', 50, 'vacant', $now, $now, 1)",
            "INSERT INTO leases (id, tenant_id, unit_id, lessee_name, lessee_kvk_number, lessee_contact_email, regime, start_date, base_rent_cents_per_month, created_at, updated_at, version) VALUES ($lease, $tenant, $unit, 'Maker', '12345678', 'maker@example.org', '7:230a', '2026-01-01', 100000, $now, $now, 1)",
            "INSERT INTO discounts (id, tenant_id, lease_id, start_date, end_date, justification, evaluation_cadence_months, reminder_lead_months, ending_on, created_at, updated_at, version) VALUES ($discount, $tenant, $lease, $start, $end, 'Bench', 12, 3, $endingOn, $now, $now, 1)",
            "INSERT INTO discount_periods (id, tenant_id, discount_id, number, start_date, end_date, terms_from, terms, evaluation_due_on) VALUES ($period, $tenant, $discount, 1, $start, $end, $start, '{\"kind\":\"percentage\",\"percentage\":25}', $dueOn)",
        }.Select(text =>
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = text;
            return command;
        }).ToArray();

        // Every discount is active today; 'due' of them started on 1 January, so their evaluation is due on 1 October.
        for (var i = 0; i < discounts; i++)
        {
            var isDue = i % (discounts / Math.Max(1, due)) == 0 && i / (discounts / Math.Max(1, due)) < due;
            var start = isDue ? new DateOnly(2026, 1, 1) : new DateOnly(2026, 3, 1).AddDays(i % 200);
            var end = start.AddYears(1).AddDays(-1);
            var values = new Dictionary<string, object>
            {
                ["$unit"] = Id(Guid.NewGuid()), ["$lease"] = Id(Guid.NewGuid()), ["$discount"] = Id(Guid.NewGuid()),
                ["$period"] = Id(Guid.NewGuid()), ["$tenant"] = Id(tenant), ["$plinth"] = Id(plinth), ["$now"] = now.ToString("O"),
                ["$start"] = start.ToString("yyyy-MM-dd"), ["$end"] = end.ToString("yyyy-MM-dd"), ["$endingOn"] = end.AddDays(-30).ToString("yyyy-MM-dd"),
                ["$dueOn"] = end.AddDays(-91).ToString("yyyy-MM-dd"),
            };
            foreach (var command in commands)
            {
                command.Parameters.Clear();
                foreach (var (name, value) in values.Where(v => command.CommandText.Contains(v.Key, StringComparison.Ordinal)))
                    command.Parameters.AddWithValue(name, value);
                await command.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
        await connection.ExecuteAsync("ANALYZE main;");
    }

    /// <summary>A GUID as Microsoft.Data.Sqlite stores the ones Dapper binds: upper-case text.</summary>
    static string Id(Guid id) => id.ToString("D").ToUpperInvariant();

    public sealed record Result(int Discounts, int Due, int Written, int WrittenByRerun, TimeSpan Scan, TimeSpan Rerun, TimeSpan Seed, string Plan);

    sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>No webhooks exist in the benchmark, so no job is ever enqueued.</summary>
    sealed class NoJobs : IBackgroundJobClient
    {
        public string Create(Job job, IState state) => throw new NotSupportedException();

        public bool ChangeState(string jobId, IState state, string expectedState) => throw new NotSupportedException();
    }
}
