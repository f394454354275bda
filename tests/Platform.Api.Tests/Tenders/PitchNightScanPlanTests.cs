using System.Reflection;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Platform.Api.Features.Tenders;
using Platform.Api.Persistence;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Tenders;

/// <summary>The reminder scan reads only the pitch nights that are due, through the partial index of migration 0015, not every shortlisted tender.</summary>
public sealed class PitchNightScanPlanTests
{
    [Fact]
    public async Task The_due_pitch_nights_are_read_by_their_index_without_a_sort()
    {
        var file = Path.Combine(Path.GetTempPath(), $"plinth-pitch-plan-{Guid.NewGuid():N}.db");
        try
        {
            var db = new SystemDb(Options.Create(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file}" }));
            new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance).Migrate();
            var sql = (string)typeof(TenderReminders).GetField("DuePitchNightsSql", BindingFlags.NonPublic | BindingFlags.Static)!.GetRawConstantValue()!;
            var now = DateTimeOffset.UtcNow;

            await using var connection = await db.OpenAsync(TestContext.Current.CancellationToken);
            var plan = string.Join("; ", (await connection.QueryAsync("EXPLAIN QUERY PLAN " + db.Dialect.Render(sql), new { Now = now, Horizon = now.AddDays(2) }))
                .Select(r => (string)r.detail));

            Assert.Contains("USING INDEX ix_tenders_pitch_night_due (status=? AND pitch_night_starts_at>? AND pitch_night_starts_at<?)", plan);
            Assert.DoesNotContain("TEMP B-TREE", plan);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            SqliteFiles.Delete(file);
        }
    }
}
