using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Discounts;
using Estate = Platform.Api.Tests.Infrastructure.RealEstate;

namespace Platform.Api.Tests.Persistence;

/// <summary>What holds when many clients write the same thing at the same moment.</summary>
public sealed class ConcurrentWriteTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Runs <paramref name="count"/> calls at once; each gives its HTTP status (<paramref name="success"/> when it did not throw).</summary>
    static Task<int[]> AllAtOnceAsync(int count, int success, Func<int, Task> call) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            try
            {
                await call(i);
                return success;
            }
            catch (PlatformApiException e)
            {
                return e.StatusCode;
            }
        }));

    static void AssertCounts(int[] statuses, params (int Status, int Count)[] expected) =>
        Assert.Equal(
            expected.OrderBy(e => e.Status).ToArray(),
            statuses.GroupBy(s => s).Select(g => (g.Key, g.Count())).OrderBy(e => e.Item1).ToArray());

    [Fact]
    public async Task Fifty_updates_with_the_same_etag_make_one_change_and_forty_nine_412s()
    {
        var tenant = await app.CreateTenantAsync(name: "Woonin");
        var api = await tenant.SignInAsync("plinths:read", "plinths:write");
        var plinth = await api.Plinths.CreatePlinthAsync(tenant.Slug, Estate.Herderplein(), cancellationToken: Ct);

        var statuses = await AllAtOnceAsync(50, 200, i =>
        {
            var change = Estate.Herderplein();
            change.Name = $"Herderplein, versie {i}";
            return api.Plinths.UpdatePlinthAsync(tenant.Slug, plinth.Id, plinth.Etag, change, Ct);
        });

        AssertCounts(statuses, (200, 1), (412, 49));
        var read = await api.Plinths.GetPlinthAsync(tenant.Slug, plinth.Id, Ct);
        Assert.Equal("\"2\"", read.Etag);
        Assert.StartsWith("Herderplein, versie ", read.Name);
    }

    [Fact]
    public async Task Twenty_overlapping_leases_of_one_atelier_make_one_lease_and_nineteen_409s()
    {
        var tenant = await app.CreateTenantAsync(name: "Woonin");
        var api = await tenant.SignInAsync("plinths:write", "leases:read", "leases:write");
        var plinth = await api.Plinths.CreatePlinthAsync(tenant.Slug, Estate.Herderplein(), cancellationToken: Ct);
        var unit = await api.Units.CreateUnitAsync(tenant.Slug, Estate.Atelier(plinth.Id), cancellationToken: Ct);

        var statuses = await AllAtOnceAsync(20, 201, i =>
            api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(unit.Id, new DateOnly(2027, 1, 1).AddDays(i)), cancellationToken: Ct));

        AssertCounts(statuses, (201, 1), (409, 19));
        Assert.Single((await api.Leases.ListLeasesAsync(tenant.Slug, unitId: unit.Id, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task Twenty_discounts_drawing_on_a_budget_that_holds_three_make_three_and_never_commit_more()
    {
        var tenant = await app.CreateTenantAsync(name: "Staedion");
        var api = await tenant.SignInAsync("plinths:write", "leases:write", "discounts:read", "discounts:write");
        var plinth = await api.Plinths.CreatePlinthAsync(tenant.Slug, Estate.Herderplein(), cancellationToken: Ct);
        var leases = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            var unit = await api.Units.CreateUnitAsync(tenant.Slug, Estate.Atelier(plinth.Id), cancellationToken: Ct);
            return await api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(unit.Id, new DateOnly(2026, 1, 1)), cancellationToken: Ct);
        }));
        // 25 % of EUR 1,000 for the twelve months of 2026 is EUR 3,000 a discount; the budget holds three and a bit.
        const long perDiscount = 12 * 250_00;
        var budget = await api.Budgets.CreateBudgetAsync(tenant.Slug,
            new CreateBudgetRequest { Line = DiscountTests.Leefbaarheid, Year = 2026, AmountCents = 3 * perDiscount + 1_000_00 }, cancellationToken: Ct);

        var statuses = await AllAtOnceAsync(20, 201, i =>
            api.Discounts.CreateDiscountAsync(tenant.Slug, leases[i].Id, DiscountTests.TwentyFivePercent(budgetLine: DiscountTests.Leefbaarheid), cancellationToken: Ct));

        AssertCounts(statuses, (201, 3), (409, 17));
        var read = await api.Budgets.GetBudgetAsync(tenant.Slug, budget.Id, Ct);
        Assert.Equal(3 * perDiscount, read.CommittedCents);
    }
}
