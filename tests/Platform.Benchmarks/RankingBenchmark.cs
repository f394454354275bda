using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Platform.Api.Features.Awards;
using Platform.Api.Persistence;

namespace Platform.Benchmarks;

/// <summary>
/// The jury's ranking over a large tender: 2,000 applications, 9 jurors, 5 criteria (90,000 scores), every juror conflicted
/// with one application in a hundred. First as the pure function (median, fastest and slowest of 20 runs after warm-up), then
/// through the API: <c>GET …/tenders/{id}/ranking</c> over SQLite seeded directly with the same sizes, every application on the
/// shortlist. The API's shortlist holds at most 50, so this answer is 40 times what the contract allows: a load test, not a
/// conforming call.
/// </summary>
public static class RankingBenchmark
{
    public static void Run(int applications = 2_000, int jurors = 9, int criteria = 5, int runs = 20)
    {
        var random = new Random(17);
        var keys = Enumerable.Range(0, criteria).Select(i => new RankingCriterion($"criterion_{i}", 100 / criteria)).ToList();
        var applicationIds = Enumerable.Range(0, applications).Select(_ => Guid.NewGuid()).ToList();
        var jurorIds = Enumerable.Range(0, jurors).Select(_ => Guid.NewGuid()).ToList();
        var scores = (from application in applicationIds
                      from juror in jurorIds
                      from criterion in keys
                      select new JurorScore(juror, application, criterion.Key, random.Next(1, 11))).ToList();
        var conflicts = jurorIds.SelectMany(j => applicationIds.Where(_ => random.Next(100) == 0).Select(a => new JurorConflict(j, a))).ToList();

        for (var i = 0; i < 3; i++)
            RankingRules.Rank(keys, applicationIds, scores, conflicts);

        var times = new List<double>();
        long allocated = 0;
        IReadOnlyList<RankedApplication> ranking = [];
        for (var i = 0; i < runs; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            ranking = RankingRules.Rank(keys, applicationIds, scores, conflicts);
            watch.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Ranking (pure): {applications:N0} applications × {jurors} jurors × {criteria} criteria = {scores.Count:N0} scores, {conflicts.Count} conflicts"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  median {times[runs / 2]:0.0} ms, fastest {times[0]:0.0} ms, slowest {times[^1]:0.0} ms over {runs} runs; {allocated / 1024.0 / 1024.0:0.0} MiB allocated per run"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  ranked {ranking.Count(r => r.Rank is not null)}, tied {ranking.Count(r => r.Tied)}, best {ranking[0].WeightedScore}"));
    }

    const string Secret = "ranking-benchmark-secret";

    /// <summary>The ranking endpoint over a seeded SQLite file, timed as the reports are (first call, then the median of the rest).</summary>
    public static async Task RunEndpointAsync(int applications = 2_000, int jurors = 9, int criteria = 5, int rounds = 20)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"plinth-ranking-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "platform.db");
        try
        {
            var db = new SystemDb(Options.Create(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file}" }));
            new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance).Migrate();
            var seed = Stopwatch.StartNew();
            var (tender, scores, conflicts) = await SeedAsync(db, applications, jurors, criteria);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Ranking (API, SQLite): seeded {applications:N0} shortlisted applications, {jurors} jurors, {scores:N0} scores, {conflicts} conflicts in {seed.Elapsed.TotalSeconds:0.0} s"));
            SqliteConnection.ClearAllPools();

            await using var api = BenchmarkHost.Over(file, Secret);
            using var http = api.CreateClient();
            var token = await ReportsBenchmark.TenantTokenAsync(http, Secret, "bench", "tenders:read");
            var timing = await ReportsBenchmark.TimeAsync(http, token, $"/v1/tenants/bench/tenders/{tender}/ranking", "application/json", rounds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  GET …/ranking: {timing.Bytes:N0} bytes; first {timing.FirstMs:0.0} ms, median {timing.MedianMs:0.0} ms, max {timing.MaxMs:0.0} ms, median CPU {timing.MedianCpuMs:0.0} ms over {rounds} runs"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    static async Task<(Guid Tender, int Scores, int Conflicts)> SeedAsync(SystemDb db, int applications, int jurors, int criteria)
    {
        var random = new Random(17);
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var (tenant, tender) = (Guid.NewGuid(), Guid.NewGuid());
        var keys = Enumerable.Range(0, criteria).Select(i => $"criterion_{i}").ToList();
        var criteriaJson = "[" + string.Join(",", keys.Select(k => $$"""{"key":"{{k}}","name":"{{k}}","description":"{{k}}","weight":{{100 / criteria}}}""")) + "]";
        await using var connection = (SqliteConnection)await db.OpenAsync(CancellationToken.None);
        await using var transaction = connection.BeginTransaction();
        await connection.ExecuteAsync($$"""
            INSERT INTO tenants (id, slug, name, kind, municipality_code, created_at) VALUES (@Tenant, 'bench', 'Bench', 'housing_corporation', 'GM0363', @Now);
            INSERT INTO tenders (id, tenant_id, title, description, neighbourhood_profile, eligibility, required_sections, criteria, opens_at, closes_at,
                                 pitch_night, offered_terms, base_rent_cents_per_month, visibility, status, published_at, closed_at, cancelled_at,
                                 created_at, updated_at, version)
            VALUES (@Tender, @Tenant, 'Pitch je plan', 'Een atelier.', 'Een jonge buurt.', 'starters', ' motivation ', @Criteria, @Now, @Now, NULL,
                    '{"baseRentCentsPerMonth":100000,"leaseRegime":"7:230a","leaseStartDate":"2027-01-01"}', 100000, 'public', 'pitching',
                    @Now, @Now, NULL, @Now, @Now, 1);
            """, new { Tenant = ReportsBenchmark.Id(tenant), Tender = ReportsBenchmark.Id(tender), Criteria = criteriaJson, Now = now }, transaction);

        var insert = ReportsBenchmark.Commands(connection, transaction, ReportsBenchmark.Id(tenant), now, new Dictionary<string, string>
        {
            ["application"] = "INSERT INTO tender_applications (id, tenant_id, tender_id, submitter_tenant_id, submitted_by, applicant_name, applicant_email, sections, status, shortlist_position, created_at, updated_at, version) VALUES ($id, $tenant, $tender, $tenant, 'bench', $name, 'plan@bench.example', '{}', 'shortlisted', $position, $now, $now, 1)",
            ["juror"] = "INSERT INTO tender_jurors (id, tenant_id, tender_id, name, role, key_hash, created_at, revoked_at, version) VALUES ($id, $tenant, $tender, $name, 'resident', $hash, $now, NULL, 1)",
            ["score"] = "INSERT INTO jury_scores (tenant_id, tender_id, juror_id, application_id, criterion_key, score, comment, scored_at) VALUES ($tenant, $tender, $juror, $application, $criterion, $score, NULL, $now)",
            ["conflict"] = "INSERT INTO jury_conflicts (tenant_id, tender_id, juror_id, application_id, reason, declared_at) VALUES ($tenant, $tender, $juror, $application, 'Buren', $now)",
        });
        var tenderId = ReportsBenchmark.Id(tender);
        var applicationIds = Enumerable.Range(0, applications).Select(_ => ReportsBenchmark.Id(Guid.NewGuid())).ToList();
        var jurorIds = Enumerable.Range(0, jurors).Select(_ => ReportsBenchmark.Id(Guid.NewGuid())).ToList();
        for (var a = 0; a < applications; a++)
            await insert("application", new() { ["$id"] = applicationIds[a], ["$tender"] = tenderId, ["$name"] = $"Plan {a + 1}", ["$position"] = a + 1 });
        for (var j = 0; j < jurors; j++)
            await insert("juror", new() { ["$id"] = jurorIds[j], ["$tender"] = tenderId, ["$name"] = $"Juror {j + 1}", ["$hash"] = $"bench-key-{j}" });

        var (scores, conflicts) = (0, 0);
        foreach (var juror in jurorIds)
            foreach (var application in applicationIds)
            {
                if (random.Next(100) == 0)
                {
                    await insert("conflict", new() { ["$tender"] = tenderId, ["$juror"] = juror, ["$application"] = application });
                    conflicts++;
                    continue;
                }

                foreach (var key in keys)
                {
                    await insert("score", new()
                    {
                        ["$tender"] = tenderId, ["$juror"] = juror, ["$application"] = application, ["$criterion"] = key, ["$score"] = random.Next(1, 11),
                    });
                    scores++;
                }
            }

        await transaction.CommitAsync();
        await connection.ExecuteAsync("ANALYZE main;");
        return (tender, scores, conflicts);
    }
}
