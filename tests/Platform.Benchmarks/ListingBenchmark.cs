using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Platform.Api.Features.Tenders;
using Platform.Api.Persistence;

namespace Platform.Benchmarks;

/// <summary>
/// The public listing with 1,000 open public tenders of 10 landlords, their units in 5 municipalities (4 neighbourhoods each),
/// among 4,000 tenders the listing must not show (drafts, invite-only, closed, cancelled) and 200 published ones that open next
/// month; a fifth of the open tenders let two units. Times <c>GET /v1/listings/tenders</c> pages without a token through the
/// whole API in this process: the first page, a deep cursor page (the 16th of 50), and each filter; then prints SQLite's plan of
/// the listing statement, without and with a filter.
/// </summary>
public static class ListingBenchmark
{
    const int Landlords = 10;
    const int Open = 1_000;
    const int Hidden = 1_000; // of each of draft, invite-only, closed and cancelled
    const int OpeningLater = 200;

    static readonly (string Municipality, string Name)[] Municipalities =
        [("GM0363", "Amsterdam"), ("GM0344", "Utrecht"), ("GM0599", "Rotterdam"), ("GM0518", "Den Haag"), ("GM0034", "Almere")];

    static readonly string[] DetailCodes = ["ATE", "HOR", "KAN", "WIR", "PRA"];

    static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    public static async Task RunAsync(int rounds)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"plinth-listing-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "platform.db");
        try
        {
            var db = new SystemDb(Options.Create(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file}" }));
            new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance).Migrate();
            var seed = Stopwatch.StartNew();
            var (tenders, units) = await SeedAsync(db);
            Console.WriteLine($"seeded {tenders:N0} tenders ({Open:N0} open and public) with {units:N0} units of {Landlords} landlords in {seed.Elapsed.TotalSeconds:0.0} s");
            await PrintPlansAsync(db);
            SqliteConnection.ClearAllPools();

            await using var api = BenchmarkHost.Over(file, "listing-benchmark-secret");
            using var http = api.CreateClient();
            var deep = await CursorOfPageAsync(http, 16);
            Console.WriteLine("Listing on SQLite through the API in this process (Release), 50 tenders a page; times in ms.");
            Console.WriteLine($"{"request",-52} {"bytes",9} {"first",8} {"median",8} {"max",8} {"cpu",8}");
            foreach (var query in new[]
                     {
                         "", $"&cursor={deep}", "&municipalityCode=GM0363", "&neighbourhoodCode=BU03630002", "&category=MOG", "&detailCode=HOR",
                         "&minAreaM2=200", "&maxAreaM2=40", "&municipalityCode=GM0599&category=BED&minAreaM2=100",
                     })
            {
                var timing = await ReportsBenchmark.TimeAsync(http, null, $"/v1/listings/tenders?limit=50{query}", "application/json", rounds);
                var shown = query.StartsWith("&cursor=", StringComparison.Ordinal) ? "?limit=50&cursor=(page 16)" : $"?limit=50{query}";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{shown,-52} {timing.Bytes,9} {timing.FirstMs,8:0.0} {timing.MedianMs,8:0.0} {timing.MaxMs,8:0.0} {timing.MedianCpuMs,8:0.0}"));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Walks the listing from the start and returns the cursor that reads page <paramref name="page"/>.</summary>
    static async Task<string> CursorOfPageAsync(HttpClient http, int page)
    {
        string? cursor = null;
        for (var i = 1; i < page; i++)
        {
            var body = await http.GetFromJsonAsync<JsonElement>($"/v1/listings/tenders?limit=50{(cursor is null ? "" : $"&cursor={cursor}")}");
            cursor = body.GetProperty("nextCursor").GetString() ?? throw new InvalidOperationException($"The listing ended before page {page}.");
        }

        return cursor!;
    }

    /// <summary>What SQLite does for the listing statement, as the system path runs it, without a filter and with two.</summary>
    static async Task PrintPlansAsync(SystemDb db)
    {
        var sql = db.Dialect.Render((string)typeof(TenderListingStore).GetField("ListingSql", BindingFlags.NonPublic | BindingFlags.Static)!.GetRawConstantValue()!);
        await using var connection = await db.OpenAsync(CancellationToken.None);
        foreach (var (name, municipality, minArea) in new[] { ("no filter", (string?)null, (int?)null), ("municipality and minimum area", "GM0363", 100) })
        {
            var rows = await connection.QueryAsync("EXPLAIN QUERY PLAN " + sql, new
            {
                Now, After = Guid.Empty, Limit = 51,
                MunicipalityCode = municipality, NeighbourhoodCode = (string?)null, Category = (string?)null, DetailCode = (string?)null,
                MinAreaM2 = minArea, MaxAreaM2 = (int?)null,
            });
            Console.WriteLine($"plan of ListingSql ({name}): {string.Join("; ", rows.Select(r => (string)r.detail))}");
        }
    }

    static async Task<(int Tenders, int Units)> SeedAsync(SystemDb db)
    {
        var now = Text(Now.AddDays(-40));
        await using var connection = (SqliteConnection)await db.OpenAsync(CancellationToken.None);
        await using var transaction = connection.BeginTransaction();
        var landlords = Enumerable.Range(0, Landlords).Select(_ => Guid.NewGuid()).ToList();
        for (var l = 0; l < Landlords; l++)
            await connection.ExecuteAsync("""
                INSERT INTO tenants (id, slug, name, kind, municipality_code, created_at)
                VALUES (@Id, @Slug, @Name, 'housing_corporation', @Municipality, @Now)
                """, new { Id = ReportsBenchmark.Id(landlords[l]), Slug = $"landlord-{l}", Name = $"Corporatie {l}", Municipality = Municipalities[l % 5].Municipality, Now = now },
                transaction);

        // Each landlord's plinths: one per neighbourhood of every municipality (20 per landlord).
        var plinths = new List<(Guid Id, int Landlord)>();
        var insert = ReportsBenchmark.Commands(connection, transaction, "", now, new Dictionary<string, string>
        {
            ["plinth"] = "INSERT INTO plinths (id, tenant_id, name, street, house_number, postcode, city, municipality_code, neighbourhood_code, dwellings_above, plinth_area_m2, priority_neighbourhood, created_at, updated_at, version) VALUES ($id, $landlord, 'Plint', 'Benchstraat', 1, '1053 AB', $city, $municipality, $neighbourhood, 40, 800, 0, $now, $now, 1)",
            ["unit"] = "INSERT INTO units (id, tenant_id, plinth_id, name, category, detail_code, area_m2, status, created_at, created_on, updated_at, version) VALUES ($id, $landlord, $plinth, 'Unit', $category, $detail, $area, 'in_tender', $now, '2026-01-01', $now, 1)",
            ["tender"] = """INSERT INTO tenders (id, tenant_id, title, description, neighbourhood_profile, eligibility, required_sections, criteria, opens_at, closes_at, pitch_night, offered_terms, base_rent_cents_per_month, visibility, status, published_at, closed_at, cancelled_at, created_at, updated_at, version) VALUES ($id, $landlord, 'Pitch je plan', 'Een atelier in de plint, voor een ondernemer die de buurt iets brengt.', 'Een jonge buurt.', 'starting or social entrepreneurs', ' motivation business_plan financial_plan storefront_plan ', '[{"key":"open_function","name":"Open functie","description":"Hoe de ruimte de buurt uitnodigt.","weight":50},{"key":"storefront","name":"Etalageplan","description":"Wat de etalage laat zien.","weight":50}]', $opens, $closes, NULL, '{"baseRentCentsPerMonth":100000,"leaseRegime":"7:230a","leaseStartDate":"2027-01-01"}', 100000, $visibility, $status, $now, NULL, NULL, $now, $now, 1)""",
            ["tenderUnit"] = "INSERT INTO tender_units (tenant_id, tender_id, unit_id) VALUES ($landlord, $tender, $unit)",
        });
        for (var l = 0; l < Landlords; l++)
            for (var m = 0; m < Municipalities.Length; m++)
                for (var n = 1; n <= 4; n++)
                {
                    var id = Guid.NewGuid();
                    plinths.Add((id, l));
                    var (municipality, city) = Municipalities[m];
                    await insert("plinth", new()
                    {
                        ["$id"] = ReportsBenchmark.Id(id), ["$landlord"] = ReportsBenchmark.Id(landlords[l]), ["$city"] = city, ["$municipality"] = municipality,
                        ["$neighbourhood"] = $"BU{municipality[2..]}{n:D4}",
                    });
                }

        var statuses = Enumerable.Repeat(("published", "public", -1), Open)
            .Concat(Enumerable.Repeat(("draft", "public", -1), Hidden))
            .Concat(Enumerable.Repeat(("published", "invite", -1), Hidden))
            .Concat(Enumerable.Repeat(("closed", "public", -60), Hidden))
            .Concat(Enumerable.Repeat(("cancelled", "public", -60), Hidden))
            .Concat(Enumerable.Repeat(("published", "public", 30), OpeningLater))
            .ToList();
        var units = 0;
        for (var t = 0; t < statuses.Count; t++)
        {
            var (status, visibility, opensInDays) = statuses[t];
            var tender = Guid.NewGuid();
            var (landlord, landlordIndex) = (landlords[t % Landlords], t % Landlords);
            var opens = Now.AddDays(opensInDays);
            await insert("tender", new()
            {
                ["$id"] = ReportsBenchmark.Id(tender), ["$landlord"] = ReportsBenchmark.Id(landlord), ["$visibility"] = visibility, ["$status"] = status,
                ["$opens"] = Text(opens), ["$closes"] = Text(opens.AddDays(30)),
            });
            // A fifth of the tenders let two units.
            for (var u = 0; u < (t % 5 == 0 ? 2 : 1); u++, units++)
            {
                var unit = Guid.NewGuid();
                var own = plinths.Where(p => p.Landlord == landlordIndex).ToList();
                var mog = units % 4 == 3;
                await insert("unit", new()
                {
                    ["$id"] = ReportsBenchmark.Id(unit), ["$landlord"] = ReportsBenchmark.Id(landlord), ["$plinth"] = ReportsBenchmark.Id(own[(t / Landlords + u) % own.Count].Id),
                    ["$category"] = mog ? "MOG" : "BED", ["$detail"] = mog ? "BUU" : DetailCodes[units % DetailCodes.Length], ["$area"] = 30 + units * 7 % 221,
                });
                await insert("tenderUnit", new() { ["$landlord"] = ReportsBenchmark.Id(landlord), ["$tender"] = ReportsBenchmark.Id(tender), ["$unit"] = ReportsBenchmark.Id(unit) });
            }
        }

        await transaction.CommitAsync();
        await connection.ExecuteAsync("ANALYZE main;");
        return (statuses.Count, units);
    }

    /// <summary>A timestamp as Microsoft.Data.Sqlite writes the ones Dapper binds, so that the listing's comparisons with @Now hold.</summary>
    static string Text(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);
}
