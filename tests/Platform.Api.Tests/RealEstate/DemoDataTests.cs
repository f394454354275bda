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
    public async Task A_newcomer_finds_the_Herderplein_atelier_let_for_a_thousand_euros_a_month()
    {
        var api = app.SignIn(DemoData.ClientId, "woonin-demo-secret");

        var plinth = Assert.Single((await api.Plinths.ListPlinthsAsync(DemoData.TenantSlug, cancellationToken: Ct)).Items);
        var unit = Assert.Single((await api.Units.ListUnitsAsync(DemoData.TenantSlug, plinthId: plinth.Id, cancellationToken: Ct)).Items);
        var lease = Assert.Single((await api.Leases.ListLeasesAsync(DemoData.TenantSlug, unitId: unit.Id, cancellationToken: Ct)).Items);

        Assert.Equal(("Herderplein", "Utrecht"), (plinth.Name, plinth.Address.City));
        Assert.Equal(12 * 1_000_00, unit.MarketRentCentsPerYear);
        Assert.Equal(UnitStatus.Let, unit.Status);
        Assert.Equal(1_000_00, lease.BaseRentCentsPerMonth);
    }

    [Fact]
    public async Task Loading_it_again_changes_nothing()
    {
        await app.Services.GetRequiredService<DemoData>().SeedAsync(Ct);

        var api = app.SignIn(DemoData.ClientId, "woonin-demo-secret");
        Assert.Single((await api.Plinths.ListPlinthsAsync(DemoData.TenantSlug, cancellationToken: Ct)).Items);
    }
}
