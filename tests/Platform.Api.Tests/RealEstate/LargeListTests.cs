using Plinth.Platform.Client;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Persistence;
using Platform.Api.Tests.Infrastructure;
using Estate = Platform.Api.Tests.Infrastructure.RealEstate;

namespace Platform.Api.Tests.RealEstate;

/// <summary>Ten thousand units and leases, written straight to the database, read back a page at a time through the API.</summary>
public sealed class LargeListTests(PlatformApp app)
{
    const int Rows = 10_000;

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    const string InsertUnitSql = """
        INSERT INTO units (id, tenant_id, plinth_id, name, category, detail_code, area_m2, status, created_at, updated_at, version)
        VALUES (@Id, @TenantId, @PlinthId, @Name, 'BED', 'ATE', 50, 'vacant', @Now, @Now, 1)
        """;

    const string InsertLeaseSql = """
        INSERT INTO leases (id, tenant_id, unit_id, lessee_name, lessee_kvk_number, lessee_contact_email, regime, start_date,
                            base_rent_cents_per_month, created_at, updated_at, version)
        VALUES (@Id, @TenantId, @UnitId, 'Maker', '12345678', 'maker@example.org', '7:230a', '2026-01-01', 100000, @Now, @Now, 1)
        """;

    [Fact]
    public async Task Ten_thousand_units_and_leases_page_through_without_duplicates_or_gaps()
    {
        var tenant = await app.CreateTenantAsync();
        var api = await tenant.SignInAsync("plinths:read", "plinths:write", "leases:read");
        var plinth = await api.Plinths.CreatePlinthAsync(tenant.Slug, Estate.Herderplein(), cancellationToken: Ct);
        var now = DateTimeOffset.UtcNow;
        // Shuffled ids: the order of the list must not depend on the order of insertion.
        var units = Enumerable.Range(0, Rows).Select(_ => Guid.NewGuid()).ToList();
        var leases = units.Select(unit => (Id: Guid.NewGuid(), Unit: unit)).ToList();

        var db = app.Services.GetRequiredService<SystemDb>();
        await db.TransactAsync(async session =>
        {
            await session.ExecuteAsync(InsertUnitSql,
                units.Select((id, i) => new { Id = id, TenantId = tenant.Tenant.Id, PlinthId = plinth.Id, Name = $"Unit {i}", Now = now }), Ct);
            return await session.ExecuteAsync(InsertLeaseSql,
                leases.Select(l => new { l.Id, TenantId = tenant.Tenant.Id, UnitId = l.Unit, Now = now }), Ct);
        }, Ct);

        var seenUnits = await PageAllAsync(cursor => api.Units.ListUnitsAsync(tenant.Slug, limit: 200, cursor: cursor, cancellationToken: Ct),
            page => (page.Items.Select(u => u.Id), page.NextCursor));
        var seenLeases = await PageAllAsync(cursor => api.Leases.ListLeasesAsync(tenant.Slug, limit: 200, cursor: cursor, cancellationToken: Ct),
            page => (page.Items.Select(l => l.Id), page.NextCursor));

        Assert.Equal(Rows, seenUnits.Count);
        Assert.Equal(Rows, seenUnits.Distinct().Count());
        Assert.True(seenUnits.ToHashSet().SetEquals(units));
        Assert.Equal(Rows, seenLeases.Count);
        Assert.True(seenLeases.ToHashSet().SetEquals(leases.Select(l => l.Id)));
    }

    static async Task<List<Guid>> PageAllAsync<TPage>(Func<string?, Task<TPage>> read, Func<TPage, (IEnumerable<Guid> Ids, string? Next)> open)
    {
        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var (ids, next) = open(await read(cursor));
            var page = ids.ToList();
            Assert.InRange(page.Count, 1, 200);
            seen.AddRange(page);
            cursor = next;
        }
        while (cursor is not null);
        return seen;
    }
}
