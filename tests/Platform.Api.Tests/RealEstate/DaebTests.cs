using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;
using Estate = Platform.Api.Tests.Infrastructure.RealEstate;

namespace Platform.Api.Tests.RealEstate;

/// <summary>DAEB by detail code, and the recorded override for the grey zone, through the API.</summary>
public sealed class DaebTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    const string Hairdresser = "Kapsalon in het buurthuis: een commerciële dienst, geen DAEB.";

    async Task<(TestTenant Tenant, PlatformApi Api, UnitResponse Unit)> MogAsync(string detailCode, DaebOverride? decision = null)
    {
        var tenant = await app.CreateTenantAsync(name: "Woonin");
        var api = await tenant.SignInAsync("plinths:read", "plinths:write", "tenant:admin");
        var plinth = await api.Plinths.CreatePlinthAsync(tenant.Slug, Estate.Herderplein(), cancellationToken: Ct);
        var unit = Estate.Atelier(plinth.Id);
        unit.Category = UnitCategory.Mog;
        unit.DetailCode = detailCode;
        unit.DaebOverride = decision;
        return (tenant, api, await api.Units.CreateUnitAsync(tenant.Slug, unit, cancellationToken: Ct));
    }

    async Task<IList<UnitClassificationResponse>> HistoryAsync(TestTenant tenant, PlatformApi api, UnitResponse unit) =>
        (await api.Units.ListUnitClassificationsAsync(tenant.Slug, unit.Id, cancellationToken: Ct)).Items;

    [Theory]
    [InlineData("HOS", true)]
    [InlineData("BUU", true)]
    [InlineData("MWR", false)]
    [InlineData("WWR", false)]
    public async Task A_mog_unit_is_daeb_unless_its_detail_code_does_not_serve_the_neighbourhood(string detailCode, bool daeb)
    {
        var (tenant, api, unit) = await MogAsync(detailCode);

        Assert.Equal((detailCode, daeb, null), (unit.DetailCode, unit.Daeb, unit.DaebOverride));
        Assert.Equal(daeb, (await api.Units.GetUnitAsync(tenant.Slug, unit.Id, Ct)).Daeb);
    }

    [Fact]
    public async Task A_hairdresser_in_a_community_centre_is_niet_daeb_by_a_recorded_override_and_removing_it_needs_a_reason()
    {
        var (tenant, api, centre) = await MogAsync("BUU");
        var toCommercial = centre.AsUpdate();
        toCommercial.DaebOverride = new DaebOverride { Daeb = false, Reason = Hairdresser };

        var overridden = await api.Units.UpdateUnitAsync(tenant.Slug, centre.Id, centre.Etag, toCommercial, Ct);
        var removal = overridden.AsUpdate();
        removal.DaebOverride = null;
        var refused = await ThrowsProblemAsync(400, () => api.Units.UpdateUnitAsync(tenant.Slug, centre.Id, overridden.Etag, removal, Ct));
        removal.Reason = "De kapper is vertrokken; het buurthuis is weer geheel maatschappelijk.";
        var restored = await api.Units.UpdateUnitAsync(tenant.Slug, centre.Id, overridden.Etag, removal, Ct);

        Assert.Equal((false, false, Hairdresser), (overridden.Daeb, overridden.DaebOverride!.Daeb, overridden.DaebOverride.Reason));
        Assert.Equal(["reason"], refused.FieldNames());
        Assert.Equal((true, null), (restored.Daeb, restored.DaebOverride));
        var history = await HistoryAsync(tenant, api, centre);
        Assert.Equal([(true, false, (bool?)false, Hairdresser), (false, true, (bool?)null, removal.Reason)],
            history.Select(h => (h.FromDaeb, h.ToDaeb, h.DaebOverride?.Daeb, h.Reason)));
        Assert.All(history, h => Assert.Equal((UnitCategory.Mog, "BUU", "BUU"), (h.ToCategory, h.FromDetailCode, h.ToDetailCode)));
        var events = (await api.Audit.ListAuditEventsAsync(tenant.Slug, AuditEntityType.Unit, centre.Id, cancellationToken: Ct)).Items;
        Assert.Equal([AuditAction.Created, AuditAction.Reclassified, AuditAction.Reclassified], events.Select(e => e.Action));
    }

    [Fact]
    public async Task A_detail_code_that_flips_daeb_needs_a_reason_and_one_that_does_not_records_nothing()
    {
        var (tenant, api, centre) = await MogAsync("BUU");
        var toWorkshop = centre.AsUpdate();
        toWorkshop.DetailCode = "MWR";
        var toDayCare = centre.AsUpdate();
        toDayCare.DetailCode = "DAG";

        var refused = await ThrowsProblemAsync(400, () => api.Units.UpdateUnitAsync(tenant.Slug, centre.Id, centre.Etag, toWorkshop, Ct));
        var dayCare = await api.Units.UpdateUnitAsync(tenant.Slug, centre.Id, centre.Etag, toDayCare, Ct);
        var historyAfterDayCare = await HistoryAsync(tenant, api, centre);
        toWorkshop.Reason = "Maatschappelijke werkplaats voor de hele stad, niet wijkgericht.";
        var workshop = await api.Units.UpdateUnitAsync(tenant.Slug, centre.Id, dayCare.Etag, toWorkshop, Ct);

        Assert.Equal(["reason"], refused.FieldNames());
        Assert.Contains("niet-DAEB", refused.Errors!.Single().Reason);
        Assert.Equal(("DAG", true), (dayCare.DetailCode, dayCare.Daeb));
        Assert.Empty(historyAfterDayCare);
        Assert.False(workshop.Daeb);
        var change = Assert.Single(await HistoryAsync(tenant, api, centre));
        Assert.Equal(("DAG", "MWR", true, false, toWorkshop.Reason), (change.FromDetailCode, change.ToDetailCode, change.FromDaeb, change.ToDaeb, change.Reason));
    }

    [Fact]
    public async Task An_override_without_a_reason_is_refused_naming_it_and_one_on_create_holds_from_the_start()
    {
        var tenant = await app.CreateTenantAsync(name: "Woonin");
        var api = await tenant.SignInAsync("plinths:read", "plinths:write");
        var plinth = await api.Plinths.CreatePlinthAsync(tenant.Slug, Estate.Herderplein(), cancellationToken: Ct);
        var unit = Estate.Atelier(plinth.Id);
        unit.Category = UnitCategory.Mog;
        unit.DetailCode = "BUU";
        unit.DaebOverride = new DaebOverride { Daeb = false, Reason = " " };

        var refused = await ThrowsProblemAsync(400, () => api.Units.CreateUnitAsync(tenant.Slug, unit, cancellationToken: Ct));
        unit.DaebOverride.Reason = Hairdresser;
        var created = await api.Units.CreateUnitAsync(tenant.Slug, unit, cancellationToken: Ct);

        Assert.Equal(["daebOverride.reason"], refused.FieldNames());
        Assert.Equal((false, Hairdresser), (created.Daeb, created.DaebOverride!.Reason));
        Assert.Single((await api.Units.ListUnitsAsync(tenant.Slug, cancellationToken: Ct)).Items);
    }
}
