using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using Estate = Platform.Api.Tests.Infrastructure.RealEstate;

namespace Platform.Api.Tests.Reports;

/// <summary>A unit's vacantSince follows its leases on the day asked: from its creation, gone while let, back the day after a lease ends.</summary>
public sealed class UnitVacancyTests(ReportsApp app) : IClassFixture<ReportsApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_unit_is_vacant_since_its_creation_then_let_then_vacant_from_the_day_after_its_lease_ends_or_is_terminated()
    {
        app.MoveTo(new DateOnly(2026, 2, 1));
        var (tenant, api, unit) = await Estate.UnitAsync(app, "ATE");
        Assert.Equal(new DateOnly(2026, 2, 1), unit.VacantSince);

        var first = await api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(unit.Id, new DateOnly(2026, 3, 1), new DateOnly(2026, 6, 30)), cancellationToken: Ct);
        app.MoveTo(new DateOnly(2026, 4, 1));
        var let = await api.Units.GetUnitAsync(tenant.Slug, unit.Id, Ct);
        Assert.Equal((UnitStatus.Let, (DateOnly?)null), (let.Status, let.VacantSince));

        app.MoveTo(new DateOnly(2026, 7, 1));
        var vacant = await api.Units.GetUnitAsync(tenant.Slug, unit.Id, Ct);
        Assert.Equal((UnitStatus.Vacant, new DateOnly(2026, 7, 1)), (vacant.Status, vacant.VacantSince!.Value));
        Assert.Equal(new DateOnly(2026, 7, 1), Assert.Single((await api.Units.ListUnitsAsync(tenant.Slug, cancellationToken: Ct)).Items).VacantSince);

        var second = await api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(unit.Id, new DateOnly(2026, 8, 1)), cancellationToken: Ct);
        Assert.Equal(new DateOnly(2026, 7, 1), (await api.Units.GetUnitAsync(tenant.Slug, unit.Id, Ct)).VacantSince);
        app.MoveTo(new DateOnly(2026, 9, 1));
        await api.Leases.TerminateLeaseAsync(tenant.Slug, second.Id, new TerminateLeaseRequest { EndDate = new DateOnly(2026, 9, 30), Reason = "Opgezegd door huurder" }, cancellationToken: Ct);
        Assert.Null((await api.Units.GetUnitAsync(tenant.Slug, unit.Id, Ct)).VacantSince);

        app.MoveTo(new DateOnly(2026, 10, 2));
        Assert.Equal(new DateOnly(2026, 10, 1), (await api.Units.GetUnitAsync(tenant.Slug, unit.Id, Ct)).VacantSince);
        Assert.NotEqual(first.Id, second.Id);
    }
}
