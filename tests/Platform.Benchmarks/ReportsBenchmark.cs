using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Platform.Api.Features.Reports;
using Platform.Api.Features.Reports.Norms;
using Platform.Api.Persistence;

namespace Platform.Benchmarks;

/// <summary>
/// Seeds one housing corporation on SQLite with 10,000 units on 200 plinths, 10,000 leases (one per unit, a fifth of them
/// ended in March 2026), 5,000 discounts with a period and a counter-performance each (1,000 of them evaluated), two budget
/// lines and 200 developments with two programme versions of four lines each (half of them cut in the second), shared for
/// reports with a municipality that has six norms; then times each report through the whole API in this process (token
/// validation, tenant resolution, SQL, arithmetic, JSON or CSV): the first request after start, then, once every request
/// has run six times, the median and slowest of the following ones. The portfolio and impact are the corporation's, the
/// norms report the municipality's.
/// </summary>
public static class ReportsBenchmark
{
    const int Units = 10_000;
    const int Plinths = 200;
    const int Discounts = 5_000;
    const int Evaluated = 1_000;
    const int Developments = 200;
    const string Secret = "reports-benchmark-secret";

    static readonly string[] DetailCodes = ["ATE", "HOR", "KAN", "WIR", "PRA"];
    static readonly string[] MogCodes = ["BUU", "GEM", "CUL", "WIJ"];
    static readonly string[] Themes = ["makers", "zorg", "food", "buurt", "jongeren"];
    static readonly string[] Radii = ["building", "neighbourhood", "area", "city", "region"];

    /// <summary>Wall-clock times, and the median CPU time the whole process spent per request (steadier on a shared machine).</summary>
    public sealed record Timing(string Request, int Bytes, double FirstMs, double MedianMs, double MaxMs, double MedianCpuMs);

    public static async Task<IReadOnlyList<Timing>> RunAsync(int rounds)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"plinth-reports-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "platform.db");
        try
        {
            var db = new SystemDb(Options.Create(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file}" }));
            new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance).Migrate();
            var seed = Stopwatch.StartNew();
            await SeedAsync(db);
            Console.WriteLine($"seeded {Units:N0} units, {Units:N0} leases, {Discounts:N0} discounts, {Developments} developments in {seed.Elapsed.TotalSeconds:0.0} s");
            await PrintPlansAsync(db);
            SqliteConnection.ClearAllPools();

            await using var api = BenchmarkHost.Over(file, Secret);
            using var http = api.CreateClient();
            var corporation = await TenantTokenAsync(http, Secret, "bench", "reports:read");
            var municipality = await TenantTokenAsync(http, Secret, "bench-gemeente", "reports:read");

            var requests = new[]
                {
                    ("/v1/tenants/bench/reports/portfolio?year=2026", corporation), ("/v1/tenants/bench/reports/impact?year=2026", corporation),
                    ("/v1/tenants/bench-gemeente/reports/norms", municipality),
                }
                .SelectMany(r => new[] { "application/json", "text/csv" }, (r, accept) => (Path: r.Item1, Token: r.Item2, Accept: accept))
                .ToList();
            // Every request a few times before any is timed: else the first report's figures carry the JIT's second tier for all.
            var cold = new List<Timing>();
            foreach (var (path, token, accept) in requests)
                cold.Add(await TimeAsync(http, token, path, accept, rounds: 5));
            var timings = new List<Timing>();
            foreach (var ((path, token, accept), first) in requests.Zip(cold))
                timings.Add(await TimeAsync(http, token, path, accept, rounds) with { FirstMs = first.FirstMs });
            return timings;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Times GET <paramref name="path"/> with <paramref name="token"/>, or anonymously (or with the client's default header) when null.</summary>
    internal static async Task<Timing> TimeAsync(HttpClient http, string? token, string path, string accept, int rounds)
    {
        var times = new List<double>();
        var cpu = new List<double>();
        var process = Process.GetCurrentProcess();
        var bytes = 0;
        for (var i = 0; i <= rounds; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
            if (token is not null)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"{path} ({accept}) answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
            bytes = body.Length;
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        var following = times.Skip(1).Order().ToList();
        var cpuFollowing = cpu.Skip(1).Order().ToList();
        return new Timing($"GET {path[(path.LastIndexOf("/reports/", StringComparison.Ordinal) + 9)..]} {accept}", bytes, times[0], following[following.Count / 2], following[^1],
            cpuFollowing[cpuFollowing.Count / 2]);
    }

    /// <summary>The platform administrator makes a client of <paramref name="tenant"/> with <paramref name="scope"/>; its token is what the benchmark reads with.</summary>
    internal static async Task<string> TenantTokenAsync(HttpClient http, string adminSecret, string tenant, string scope)
    {
        var admin = await TokenAsync(http, "platform-admin", adminSecret);
        using var create = new HttpRequestMessage(HttpMethod.Post, $"/v1/tenants/{tenant}/clients")
        {
            Content = JsonContent.Create(new { displayName = "Benchmark reader", scopes = new[] { scope } }),
        };
        create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        using var created = await http.SendAsync(create);
        created.EnsureSuccessStatusCode();
        var client = await created.Content.ReadFromJsonAsync<JsonElement>();
        return await TokenAsync(http, client.GetProperty("clientId").GetString()!, client.GetProperty("clientSecret").GetString()!);
    }

    static async Task<string> TokenAsync(HttpClient http, string clientId, string secret)
    {
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    /// <summary>What SQLite does for each statement the reports run (the portfolio's and impact's on the owner path).</summary>
    static async Task PrintPlansAsync(SystemDb db)
    {
        await using var connection = await db.OpenAsync(CancellationToken.None);
        var parameters = new { TenantId = Id(TenantId), Today = "2026-09-15", YearStart = "2026-01-01", YearEnd = "2026-12-31" };
        var normsParameters = new { TenantId = Id(MunicipalityId), MunicipalityCode = "GM0344", Municipality = "% GM0344 %", Reports = "% reports %", Today = "2026-09-15" };
        foreach (var (store, values) in new[] { (typeof(ReportStore), (object)parameters), (typeof(NormsReportStore), normsParameters) })
        {
            foreach (var field in store.GetFields(BindingFlags.NonPublic | BindingFlags.Static)
                         .Where(f => f.IsLiteral && f.Name.EndsWith("Sql", StringComparison.Ordinal) && !f.Name.StartsWith("Grantee", StringComparison.Ordinal)))
            {
                var sql = db.Dialect.Render((string)field.GetRawConstantValue()!);
                var rows = await connection.QueryAsync("EXPLAIN QUERY PLAN " + sql, values);
                var (count, ms) = await TimeStatementAsync(connection, sql, values);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"plan {store.Name}.{field.Name} ({count} rows, median CPU {ms:0.0} ms of 5): {string.Join("; ", rows.Select(r => (string)r.detail))}"));
            }
        }
    }

    /// <summary>The statement alone, read to its last row: how many rows and the median CPU time of the process over five runs.</summary>
    static async Task<(int Rows, double MedianCpuMs)> TimeStatementAsync(System.Data.Common.DbConnection connection, string sql, object values)
    {
        var process = Process.GetCurrentProcess();
        var times = new List<double>();
        var count = 0;
        for (var i = 0; i < 5; i++)
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            count = (await connection.QueryAsync(sql, values)).Count();
            process.Refresh();
            times.Add((process.TotalProcessorTime - before).TotalMilliseconds);
        }

        return (count, times.Order().ElementAt(2));
    }

    static readonly Guid TenantId = Guid.NewGuid();
    static readonly Guid MunicipalityId = Guid.NewGuid();

    static async Task SeedAsync(SystemDb db)
    {
        var now = new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture);
        await using var connection = (SqliteConnection)await db.OpenAsync(CancellationToken.None);
        await using var transaction = connection.BeginTransaction();
        await connection.ExecuteAsync("""
            INSERT INTO tenants (id, slug, name, kind, municipality_code, created_at) VALUES (@Tenant, 'bench', 'Bench', 'housing_corporation', 'GM0344', @Now);
            INSERT INTO discount_budgets (id, tenant_id, year, line, amount_cents, created_at, updated_at, version)
            VALUES (@Budget1, @Tenant, 2026, 'leefbaarheid', 500000000, @Now, @Now, 1), (@Budget2, @Tenant, 2026, 'starters', 500000000, @Now, @Now, 1);
            """, new { Tenant = Id(TenantId), Now = now, Budget1 = Id(Guid.NewGuid()), Budget2 = Id(Guid.NewGuid()) }, transaction);
        await SeedMunicipalityAsync(connection, transaction, now);

        var insert = Commands(connection, transaction, Id(TenantId), now, new Dictionary<string, string>
        {
            ["plinth"] = "INSERT INTO plinths (id, tenant_id, name, street, house_number, postcode, city, municipality_code, neighbourhood_code, dwellings_above, plinth_area_m2, priority_neighbourhood, created_at, updated_at, version) VALUES ($id, $tenant, 'Plint', 'Benchstraat', 1, '3555 AB', 'Utrecht', 'GM0344', $neighbourhood, 40, 800, 0, $now, $now, 1)",
            ["unit"] = "INSERT INTO units (id, tenant_id, plinth_id, name, category, detail_code, area_m2, market_rent_cents_per_year, status, created_at, created_on, updated_at, version) VALUES ($id, $tenant, $plinth, 'Unit', $category, $detail, $area, $market, 'vacant', $now, '2025-06-01', $now, 1)",
            ["lease"] = "INSERT INTO leases (id, tenant_id, unit_id, lessee_name, lessee_kvk_number, lessee_contact_email, regime, start_date, end_date, base_rent_cents_per_month, created_at, updated_at, version) VALUES ($id, $tenant, $unit, 'Maker', '12345678', 'maker@example.org', '7:230a', '2025-07-01', $end, $rent, $now, $now, 1)",
            ["discount"] = "INSERT INTO discounts (id, tenant_id, lease_id, start_date, end_date, justification, evaluation_cadence_months, reminder_lead_months, ending_on, budget_line, created_at, updated_at, version) VALUES ($id, $tenant, $lease, $start, $end, 'Bench', 12, 3, $end, $line, $now, $now, 1)",
            ["period"] = "INSERT INTO discount_periods (id, tenant_id, discount_id, number, start_date, end_date, terms_from, terms, evaluation_due_on, evaluated) VALUES ($id, $tenant, $discount, 1, $start, $end, $start, '{\"kind\":\"percentage\",\"percentage\":25}', $start, $evaluated)",
            ["counterPerformance"] = "INSERT INTO counter_performances (id, tenant_id, discount_id, period_number, position, description, unit, target, theme, radius) VALUES ($id, $tenant, $discount, 1, 0, 'Workshops', 'workshops', 24, $theme, $radius)",
            ["development"] = "INSERT INTO developments (id, tenant_id, name, municipality_code, neighbourhood_codes, dwellings_added, dwellings_removed, work_space_removed_m2, created_at, updated_at, version) VALUES ($id, $tenant, $name, 'GM0344', $neighbourhoods, $dwellings, 0, $removed, $now, $now, 1)",
            ["version"] = "INSERT INTO programme_versions (id, tenant_id, development_id, number, decided_on, reason, created_at, created_by) VALUES ($id, $tenant, $development, $number, $decided, $reason, $now, 'bench')",
            ["line"] = "INSERT INTO programme_lines (tenant_id, version_id, line_function, m2, affordable_m2) VALUES ($tenant, $version, $function, $m2, $affordable)",
            ["evaluation"] = "INSERT INTO evaluations (id, tenant_id, discount_id, period_number, evaluated_on, decision, results, created_at, created_by) VALUES ($id, $tenant, $discount, 1, '2026-06-01', 'continue', $results, $now, 'bench')",
        });

        var plinths = Enumerable.Range(0, Plinths).Select(_ => Guid.NewGuid()).ToList();
        for (var p = 0; p < Plinths; p++)
            await insert("plinth", new() { ["$id"] = Id(plinths[p]), ["$neighbourhood"] = $"BU0344{p % 20:D4}" });

        for (var u = 0; u < Units; u++)
        {
            var (unit, lease) = (Guid.NewGuid(), Guid.NewGuid());
            var mog = u % 5 == 4;
            await insert("unit", new()
            {
                ["$id"] = Id(unit), ["$plinth"] = Id(plinths[u % Plinths]), ["$category"] = mog ? "MOG" : "BED",
                ["$detail"] = mog ? MogCodes[u % MogCodes.Length] : DetailCodes[u % DetailCodes.Length], ["$area"] = 40 + u % 120, ["$market"] = 600_000 + u % 50 * 20_000,
            });
            // A fifth of the leases ended on 31 March 2026, so their units stand empty.
            await insert("lease", new() { ["$id"] = Id(lease), ["$unit"] = Id(unit), ["$end"] = u % 5 == 1 ? "2026-03-31" : DBNull.Value, ["$rent"] = 50_000 + u % 40 * 2_500 });
            if (u % 2 != 0 || u / 2 >= Discounts)
                continue;

            var (discount, number) = (Guid.NewGuid(), u / 2);
            var start = new DateOnly(2026, 1 + number % 12, 1);
            var end = start.AddYears(1).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var startText = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var evaluated = number < Evaluated;
            await insert("discount", new() { ["$id"] = Id(discount), ["$lease"] = Id(lease), ["$start"] = startText, ["$end"] = end, ["$line"] = number % 2 == 0 ? "leefbaarheid" : "starters" });
            await insert("period", new() { ["$id"] = Id(Guid.NewGuid()), ["$discount"] = Id(discount), ["$start"] = startText, ["$end"] = end, ["$evaluated"] = evaluated ? 1 : 0 });
            var counterPerformance = Guid.NewGuid();
            await insert("counterPerformance", new()
            {
                ["$id"] = Id(counterPerformance), ["$discount"] = Id(discount), ["$theme"] = Themes[number % Themes.Length], ["$radius"] = Radii[number % Radii.Length],
            });
            if (evaluated)
            {
                await insert("evaluation", new()
                {
                    ["$id"] = Id(Guid.NewGuid()), ["$discount"] = Id(discount),
                    ["$results"] = $"[{{\"counterPerformanceId\":\"{counterPerformance:D}\",\"actual\":{number % 30}}}]",
                });
            }
        }

        for (var d = 0; d < Developments; d++)
        {
            var development = Guid.NewGuid();
            // Most lie in one neighbourhood, every tenth in two.
            var neighbourhoods = d % 10 == 0 ? $" BU0344{d % 20:D4} BU0344{(d + 1) % 20:D4} " : $" BU0344{d % 20:D4} ";
            await insert("development", new()
            {
                ["$id"] = Id(development), ["$name"] = $"Ontwikkeling {d:D3}", ["$neighbourhoods"] = neighbourhoods, ["$dwellings"] = 40 + d, ["$removed"] = d % 3 == 0 ? 1_200 : 0,
            });
            for (var number = 1; number <= 2; number++)
            {
                var version = Guid.NewGuid();
                var cut = number == 2 && d % 2 == 0;
                await insert("version", new()
                {
                    ["$id"] = Id(version), ["$development"] = Id(development), ["$number"] = number, ["$decided"] = number == 1 ? "2026-02-01" : "2026-09-01",
                    ["$reason"] = cut ? "Budget" : DBNull.Value,
                });
                foreach (var (function, m2, affordable) in new[] { ("housing", 8_000 + d * 10, 0), ("work", cut ? 600 : 1_000 + d, 200), ("facilities", 400, 0), ("social", 300, 0) })
                    await insert("line", new() { ["$version"] = Id(version), ["$function"] = function, ["$m2"] = m2, ["$affordable"] = affordable });
            }
        }

        await transaction.CommitAsync();
        await connection.ExecuteAsync("ANALYZE main;");
    }

    /// <summary>The municipality of the corporation's plinths and developments, its six norms, and the corporation's grant of reports to it.</summary>
    static Task SeedMunicipalityAsync(SqliteConnection connection, SqliteTransaction transaction, string now) =>
        connection.ExecuteAsync("""
            INSERT INTO tenants (id, slug, name, kind, municipality_code, created_at) VALUES (@Municipality, 'bench-gemeente', 'Bench Gemeente', 'municipality', 'GM0344', @Now);
            INSERT INTO sharing_grants (id, tenant_id, grantee_tenant_id, resources, municipality_codes, purpose, valid_from, created_at, created_by, created_notified)
            VALUES (@Grant, @Tenant, @Municipality, ' reports ', ' GM0344 ', 'prestatieafspraken', '2026-01-01', @Now, 'bench', 1);
            INSERT INTO norms (id, tenant_id, kind, value, municipality_code, neighbourhood_codes, valid_from, max_affordable_rent_cents_per_m2_year, created_at, updated_at, version)
            VALUES (@Norm1, @Municipality, 'm2_work_space_per_added_dwelling', 5, 'GM0344', NULL, '2026-01-01', NULL, @Now, @Now, 1),
                   (@Norm2, @Municipality, 'work_share_of_programme_percent', 20, 'GM0344', NULL, '2026-01-01', NULL, @Now, @Now, 1),
                   (@Norm3, @Municipality, 'work_share_of_programme_percent', 10, 'GM0344', ' BU03440001 BU03440002 ', '2026-01-01', NULL, @Now, @Now, 1),
                   (@Norm4, @Municipality, 'affordable_share_of_work_space_percent', 20, 'GM0344', NULL, '2026-01-01', 12500, @Now, @Now, 1),
                   (@Norm5, @Municipality, 'non_residential_function_share_percent', 33.33, 'GM0344', NULL, '2026-01-01', NULL, @Now, @Now, 1),
                   (@Norm6, @Municipality, 'no_net_loss', 100, 'GM0344', NULL, '2026-01-01', NULL, @Now, @Now, 1);
            """, new
        {
            Municipality = Id(MunicipalityId), Tenant = Id(TenantId), Now = now, Grant = Id(Guid.NewGuid()),
            Norm1 = Id(Guid.NewGuid()), Norm2 = Id(Guid.NewGuid()), Norm3 = Id(Guid.NewGuid()), Norm4 = Id(Guid.NewGuid()), Norm5 = Id(Guid.NewGuid()), Norm6 = Id(Guid.NewGuid()),
        }, transaction);

    /// <summary>Prepared inserts by name; each call binds the tenant, the time and the given values.</summary>
    internal static Func<string, Dictionary<string, object>, Task> Commands(
        SqliteConnection connection, SqliteTransaction transaction, string tenant, string now, IReadOnlyDictionary<string, string> statements)
    {
        var commands = statements.ToDictionary(s => s.Key, s =>
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = s.Value;
            return command;
        });
        return async (name, values) =>
        {
            var command = commands[name];
            values["$tenant"] = tenant;
            values["$now"] = now;
            command.Parameters.Clear();
            foreach (var (key, value) in values.Where(v => command.CommandText.Contains(v.Key, StringComparison.Ordinal)))
                command.Parameters.AddWithValue(key, value);
            await command.ExecuteNonQueryAsync();
        };
    }

    /// <summary>A GUID as Microsoft.Data.Sqlite stores the ones Dapper binds: upper-case text.</summary>
    internal static string Id(Guid id) => id.ToString("D").ToUpperInvariant();
}
