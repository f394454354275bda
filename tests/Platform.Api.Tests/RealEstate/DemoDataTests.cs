using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Plinth.Platform.Client;
using Platform.Api.Demo;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.RealEstate;

public sealed class DemoApp : PlatformApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:Seed", "true");
    }
}

public sealed class DemoDataTests(DemoApp app) : IClassFixture<DemoApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Woonins_Herderplein_lunchroom_pays_750_euros_for_24_months_then_1000()
    {
        var api = app.SignIn(DemoData.ClientId, "woonin-demo-secret");

        var plinth = Assert.Single((await api.Plinths.ListPlinthsAsync(DemoData.TenantSlug, cancellationToken: Ct)).Items);
        var unit = Assert.Single((await api.Units.ListUnitsAsync(DemoData.TenantSlug, plinthId: plinth.Id, cancellationToken: Ct)).Items);
        var lease = Assert.Single((await api.Leases.ListLeasesAsync(DemoData.TenantSlug, unitId: unit.Id, cancellationToken: Ct)).Items);
        var discount = Assert.Single((await api.Discounts.ListDiscountsAsync(DemoData.TenantSlug, lease.Id, cancellationToken: Ct)).Items);
        var schedule = await api.Rent.GetRentScheduleAsync(DemoData.TenantSlug, lease.Id, new DateOnly(2026, 1, 1), new DateOnly(2028, 6, 1), Ct);

        Assert.Equal(("Herderplein", "Utrecht", "HOR"), (plinth.Name, plinth.Address.City, unit.DetailCode));
        Assert.Equal(UnitStatus.Let, unit.Status);
        Assert.Equal((LeaseRegime.Article7_290, 1_000_00L), (lease.Regime, lease.BaseRentCentsPerMonth));
        Assert.Equal((DiscountKind.Stepped, new DateOnly(2027, 12, 31)), (discount.Periods.Single().Kind, discount.EndDate));
        Assert.Equal(Enumerable.Repeat(750_00L, 24).Concat(Enumerable.Repeat(1_000_00L, 6)), schedule.Months.Select(m => m.EffectiveCents));
        Assert.Equal(6_000_00, schedule.TotalDiscountCents);
    }

    [Fact]
    public async Task Staedions_atelier_in_a_priority_neighbourhood_has_a_year_of_25_percent_for_workshops_on_the_leefbaarheid_line()
    {
        var api = app.SignIn(DemoData.StaedionClientId, "woonin-demo-secret");

        var plinth = Assert.Single((await api.Plinths.ListPlinthsAsync(DemoData.StaedionSlug, cancellationToken: Ct)).Items);
        var discount = Assert.Single((await api.Discounts.ListDiscountsAsync(DemoData.StaedionSlug, cancellationToken: Ct)).Items);
        var budget = Assert.Single((await api.Budgets.ListBudgetsAsync(DemoData.StaedionSlug, line: DemoData.LeefbaarheidLine, cancellationToken: Ct)).Items);
        var policy = await api.DiscountPolicy.GetDiscountPolicyAsync(DemoData.StaedionSlug, Ct);

        Assert.Equal(("Den Haag", true), (plinth.Address.City, plinth.PriorityNeighbourhood));
        var period = Assert.Single(discount.Periods);
        Assert.Equal((25, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)), (period.Percentage!.Value, discount.StartDate, discount.EndDate));
        Assert.Equal(("workshops", 24), (Assert.Single(period.CounterPerformances).Unit, period.CounterPerformances.Single().Target));
        Assert.Equal((DemoData.LeefbaarheidLine, 25.00), (discount.BudgetLine, period.BelowMarketPercent!.Value));
        Assert.Equal((2026, 3_000_00L, 47_000_00L), (budget.Year, budget.CommittedCents, budget.RemainingCents!.Value));
        Assert.Equal((10, 40, 12, true), (policy.MinBelowMarketPercent!.Value, policy.MaxBelowMarketPercent!.Value, policy.MaxTermMonths!.Value, policy.PriorityNeighbourhoodsOnly!.Value));
    }

    [Fact]
    public async Task Loading_it_again_changes_nothing()
    {
        await app.Services.GetRequiredService<DemoData>().SeedAsync(Ct);

        var api = app.SignIn(DemoData.ClientId, "woonin-demo-secret");
        var staedion = app.SignIn(DemoData.StaedionClientId, "woonin-demo-secret");
        Assert.Single((await api.Plinths.ListPlinthsAsync(DemoData.TenantSlug, cancellationToken: Ct)).Items);
        Assert.Single((await staedion.Discounts.ListDiscountsAsync(DemoData.StaedionSlug, cancellationToken: Ct)).Items);
    }
}
