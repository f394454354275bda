using Dapper;
using Microsoft.Data.Sqlite;
using Plinth.Platform.Client;
using Platform.Api.Tests.Discounts;
using Platform.Api.Tests.Infrastructure;
using Estate = Platform.Api.Tests.Infrastructure.RealEstate;

namespace Platform.Api.Tests.Persistence;

/// <summary>
/// The API process killed with SIGKILL in the middle of a burst of creates: after a restart the file is intact,
/// every stored lease and discount is whole, and every create that was answered 201 is there.
/// </summary>
public sealed class CrashConsistencyTests : IAsyncLifetime
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    const int Units = 60;
    const int DiscountsBeforeTheKill = 15;

    readonly string _directory = Path.Combine(Path.GetTempPath(), "plinth-crash", Guid.NewGuid().ToString("N"));

    string DatabaseFile => Path.Combine(_directory, "platform.db");

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_process_killed_mid_burst_restarts_on_an_intact_file_holding_every_answered_lease_and_discount()
    {
        var acknowledgedLeases = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        var acknowledgedDiscounts = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        string slug;
        await using (var first = await ApiProcess.StartAsync(DatabaseFile, Ct))
        {
            var (api, tenantSlug, units) = await StaedionWithAteliersAsync(first);
            slug = tenantSlug;
            using var killed = new CancellationTokenSource();
            var next = -1;
            var workers = Enumerable.Range(0, 8).Select(async _ =>
            {
                int i;
                while (!killed.IsCancellationRequested && (i = Interlocked.Increment(ref next)) < units.Count)
                {
                    try
                    {
                        var lease = await api.Leases.CreateLeaseAsync(slug, Estate.Lease(units[i], new DateOnly(2026, 1, 1)), cancellationToken: Ct);
                        acknowledgedLeases.Add(lease.Id);
                        var discount = await api.Discounts.CreateDiscountAsync(slug, lease.Id, DiscountTests.TwentyFivePercent(), cancellationToken: Ct);
                        acknowledgedDiscounts.Add(discount.Id);
                    }
                    catch (HttpRequestException)
                    {
                        // In flight when the process died: no answer, so no promise.
                    }
                }
            });
            var burst = Task.WhenAll(workers);

            while (acknowledgedDiscounts.Count < DiscountsBeforeTheKill && !burst.IsCompleted)
                await Task.Delay(5, Ct);
            await first.KillAsync();
            await killed.CancelAsync();
            await burst;
        }

        Assert.InRange(acknowledgedDiscounts.Count, DiscountsBeforeTheKill, Units - 1);
        Assert.Equal("ok", SqliteFiles.IntegrityCheck(DatabaseFile));
        await using (var file = new SqliteConnection($"Data Source={DatabaseFile};Pooling=False"))
        {
            var leases = (await file.QueryAsync<string>("SELECT id FROM leases")).Select(Guid.Parse).ToHashSet();
            var discounts = (await file.QueryAsync<string>("SELECT id FROM discounts")).Select(Guid.Parse).ToHashSet();
            Assert.Subset(leases, acknowledgedLeases.ToHashSet());
            Assert.Subset(discounts, acknowledgedDiscounts.ToHashSet());
            Assert.Empty(await file.QueryAsync<string>("""
                SELECT l.id FROM leases l
                WHERE NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity_id = l.id)
                """));
            Assert.Empty(await file.QueryAsync<string>("""
                SELECT d.id FROM discounts d
                WHERE NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity_id = d.id)
                   OR NOT EXISTS (SELECT 1 FROM discount_periods p WHERE p.discount_id = d.id)
                   OR NOT EXISTS (SELECT 1 FROM counter_performances c WHERE c.discount_id = d.id)
                """));
        }

        await using var restarted = await ApiProcess.StartAsync(DatabaseFile, Ct);
        var tenant = await restarted.Admin.Tenants.GetTenantAsync(slug, Ct);
        var client = await restarted.Admin.ApiClients.CreateApiClientAsync(slug,
            new CreateApiClientRequest { DisplayName = "Na de crash", Scopes = [ApiScope.LeasesRead, ApiScope.DiscountsRead] }, Ct);
        var reader = PlatformApi.SignIn(restarted.BaseAddress, client.ClientId, client.ClientSecret);
        var listed = (await reader.Leases.ListLeasesAsync(tenant.Slug, limit: 200, cancellationToken: Ct)).Items.Select(l => l.Id).ToHashSet();
        Assert.Subset(listed, acknowledgedLeases.ToHashSet());
        foreach (var discount in acknowledgedDiscounts)
            Assert.Equal(discount, (await reader.Discounts.GetDiscountAsync(slug, discount, Ct)).Id);
    }

    /// <summary>Staedion with a plinth of <see cref="Units"/> vacant ateliers, through the process's own token server.</summary>
    static async Task<(PlatformApi Api, string Slug, IReadOnlyList<Guid> Units)> StaedionWithAteliersAsync(ApiProcess process)
    {
        var slug = $"t-{Guid.NewGuid():N}"[..20];
        await process.Admin.Tenants.CreateTenantAsync(new CreateTenantRequest
        {
            Slug = slug, Name = "Staedion", Kind = TenantKind.HousingCorporation, MunicipalityCode = "GM0518",
        }, cancellationToken: Ct);
        var client = await process.Admin.ApiClients.CreateApiClientAsync(slug, new CreateApiClientRequest
        {
            DisplayName = "Staedion verhuursysteem",
            Scopes = [ApiScope.PlinthsWrite, ApiScope.LeasesWrite, ApiScope.DiscountsWrite],
        }, Ct);
        var api = PlatformApi.SignIn(process.BaseAddress, client.ClientId, client.ClientSecret);
        var plinth = await api.Plinths.CreatePlinthAsync(slug, Estate.Herderplein(), cancellationToken: Ct);
        var units = await Task.WhenAll(Enumerable.Range(0, Units).Select(async _ =>
            (await api.Units.CreateUnitAsync(slug, Estate.Atelier(plinth.Id), cancellationToken: Ct)).Id));
        return (api, slug, units);
    }
}
