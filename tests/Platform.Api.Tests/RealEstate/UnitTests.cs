using System.Net;
using System.Net.Http.Json;
using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;
using Estate = Platform.Api.Tests.Infrastructure.RealEstate;

namespace Platform.Api.Tests.RealEstate;

public sealed class UnitTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    async Task<(TestTenant Tenant, PlatformApi Api, PlinthResponse Plinth)> HerderpleinAsync()
    {
        var tenant = await app.CreateTenantAsync(name: "Woonin");
        var api = await tenant.SignInAsync("plinths:read", "plinths:write", "leases:write", "leases:read", "tenant:admin");
        var plinth = await api.Plinths.CreatePlinthAsync(tenant.Slug, Estate.Herderplein(), cancellationToken: Ct);
        return (tenant, api, plinth);
    }

    [Fact]
    public async Task An_atelier_is_bog_and_not_daeb_a_neighbourhood_centre_is_mog_and_daeb()
    {
        var (tenant, api, plinth) = await HerderpleinAsync();
        var buurthuis = Estate.Atelier(plinth.Id);
        buurthuis.Category = UnitCategory.Mog;
        buurthuis.DetailCode = "BUU";

        var atelier = await api.Units.CreateUnitAsync(tenant.Slug, Estate.Atelier(plinth.Id), cancellationToken: Ct);
        var centre = await api.Units.CreateUnitAsync(tenant.Slug, buurthuis, cancellationToken: Ct);

        Assert.Equal((UnitCategory.Bed, "ATE", false, UnitStatus.Vacant), (atelier.Category, atelier.DetailCode, atelier.Daeb, atelier.Status));
        Assert.Equal(1_200_000_00, atelier.MarketRentCentsPerYear);
        Assert.Equal(new DateOnly(2026, 3, 1), atelier.ValuationDate);
        Assert.Equal((UnitCategory.Mog, "BUU", true), (centre.Category, centre.DetailCode, centre.Daeb));
        Assert.Equal(atelier.Id, (await api.Units.GetUnitAsync(tenant.Slug, atelier.Id, Ct)).Id);
    }

    [Theory]
    [InlineData("detailCode")]
    [InlineData("areaM2")]
    [InlineData("valuationDate")]
    [InlineData("environmentalCategory")]
    [InlineData("status")]
    public async Task A_bad_unit_is_refused_with_the_field_named(string field)
    {
        var (tenant, api, plinth) = await HerderpleinAsync();
        var unit = Estate.Atelier(plinth.Id);
        switch (field)
        {
            case "detailCode": unit.DetailCode = "BUU"; break; // a MOG code on a BED unit
            case "areaM2": unit.AreaM2 = -5; break;
            case "valuationDate": unit.ValuationDate = null; break;
            case "environmentalCategory": unit.EnvironmentalCategory = 7; break;
            case "status": unit.Status = UnitStatus.Let; break;
        }

        var problem = await ThrowsProblemAsync(400, () => api.Units.CreateUnitAsync(tenant.Slug, unit, cancellationToken: Ct));

        Assert.Equal([field], problem.FieldNames());
        Assert.Empty((await api.Units.ListUnitsAsync(tenant.Slug, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task A_unit_must_lie_in_one_of_the_tenants_own_plinths()
    {
        var (tenant, api, _) = await HerderpleinAsync();
        var (other, otherApi, otherPlinth) = await HerderpleinAsync();

        var unknown = await ThrowsProblemAsync(400, () => api.Units.CreateUnitAsync(tenant.Slug, Estate.Atelier(Guid.NewGuid()), cancellationToken: Ct));
        var foreign = await ThrowsProblemAsync(400, () => api.Units.CreateUnitAsync(tenant.Slug, Estate.Atelier(otherPlinth.Id), cancellationToken: Ct));

        Assert.Equal(["plinthId"], unknown.FieldNames());
        Assert.Equal(unknown.Errors!.Single().Reason, foreign.Errors!.Single().Reason);
        Assert.Empty((await otherApi.Units.ListUnitsAsync(other.Slug, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task Reclassifying_bog_to_mog_needs_a_reason_and_is_kept_in_the_history()
    {
        var (tenant, api, plinth) = await HerderpleinAsync();
        var unit = await api.Units.CreateUnitAsync(tenant.Slug, Estate.Atelier(plinth.Id), cancellationToken: Ct);
        var toMog = unit.AsUpdate();
        toMog.Category = UnitCategory.Mog;
        toMog.DetailCode = "DAG";

        var withoutReason = await ThrowsProblemAsync(400, () => api.Units.UpdateUnitAsync(tenant.Slug, unit.Id, unit.Etag, toMog, Ct));
        toMog.Reason = "Café voor mensen met dementie: dagbesteding, geen commerciële horeca.";
        var reclassified = await api.Units.UpdateUnitAsync(tenant.Slug, unit.Id, unit.Etag, toMog, Ct);

        Assert.Equal(["reason"], withoutReason.FieldNames());
        Assert.Equal((UnitCategory.Mog, "DAG", true), (reclassified.Category, reclassified.DetailCode, reclassified.Daeb));
        var history = Assert.Single((await api.Units.ListUnitClassificationsAsync(tenant.Slug, unit.Id, cancellationToken: Ct)).Items);
        Assert.Equal((UnitCategory.Bed, "ATE", UnitCategory.Mog, "DAG"), (history.FromCategory, history.FromDetailCode, history.ToCategory, history.ToDetailCode));
        Assert.StartsWith("Café voor mensen met dementie", history.Reason);
        var events = (await api.Audit.ListAuditEventsAsync(tenant.Slug, AuditEntityType.Unit, unit.Id, cancellationToken: Ct)).Items;
        Assert.Equal([AuditAction.Created, AuditAction.Reclassified], events.Select(e => e.Action));
    }

    [Fact]
    public async Task An_update_within_the_category_needs_no_reason_but_the_current_etag()
    {
        var (tenant, api, plinth) = await HerderpleinAsync();
        var unit = await api.Units.CreateUnitAsync(tenant.Slug, Estate.Atelier(plinth.Id), cancellationToken: Ct);
        var change = unit.AsUpdate();
        change.DetailCode = "WIR";
        change.Status = UnitStatus.InTender;

        var updated = await api.Units.UpdateUnitAsync(tenant.Slug, unit.Id, unit.Etag, change, Ct);
        await ThrowsProblemAsync(412, () => api.Units.UpdateUnitAsync(tenant.Slug, unit.Id, unit.Etag, change, Ct));

        Assert.Equal(("WIR", UnitStatus.InTender), (updated.DetailCode, updated.Status));
        Assert.Empty((await api.Units.ListUnitClassificationsAsync(tenant.Slug, unit.Id, cancellationToken: Ct)).Items);
        using var missing = await api.Http.PutAsJsonAsync($"/v1/tenants/{tenant.Slug}/units/{unit.Id}", change, Ct);
        await missing.AssertProblemAsync(HttpStatusCode.PreconditionRequired);
    }

    [Fact]
    public async Task The_list_filters_by_plinth_category_detail_code_and_status()
    {
        var (tenant, api, plinth) = await HerderpleinAsync();
        var second = await api.Plinths.CreatePlinthAsync(tenant.Slug, Estate.Herderplein(), cancellationToken: Ct);
        var atelier = await api.Units.CreateUnitAsync(tenant.Slug, Estate.Atelier(plinth.Id), cancellationToken: Ct);
        var centreRequest = Estate.Atelier(second.Id);
        centreRequest.Category = UnitCategory.Mog;
        centreRequest.DetailCode = "BUU";
        var centre = await api.Units.CreateUnitAsync(tenant.Slug, centreRequest, cancellationToken: Ct);
        await api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(atelier.Id, Estate.Today.AddDays(-10)), cancellationToken: Ct);

        async Task<IEnumerable<Guid>> Ids(Guid? plinthId = null, UnitCategory? category = null, string? detailCode = null, UnitStatus? status = null) =>
            (await api.Units.ListUnitsAsync(tenant.Slug, plinthId, category, detailCode, status, cancellationToken: Ct)).Items.Select(u => u.Id);

        Assert.Equal([atelier.Id], await Ids(plinthId: plinth.Id));
        Assert.Equal([centre.Id], await Ids(category: UnitCategory.Mog));
        Assert.Equal([atelier.Id], await Ids(detailCode: "ATE"));
        Assert.Equal([atelier.Id], await Ids(status: UnitStatus.Let));
        Assert.Equal([centre.Id], await Ids(status: UnitStatus.Vacant));
        Assert.Equal(UnitStatus.Let, (await api.Units.GetUnitAsync(tenant.Slug, atelier.Id, Ct)).Status);
    }

    [Fact]
    public async Task Wrong_scope_is_403_other_tenant_is_404()
    {
        var (tenant, api, plinth) = await HerderpleinAsync();
        var unit = await api.Units.CreateUnitAsync(tenant.Slug, Estate.Atelier(plinth.Id), cancellationToken: Ct);
        var reader = await tenant.SignInAsync("plinths:read");
        var (_, otherApi, _) = await HerderpleinAsync();

        await ThrowsProblemAsync(403, () => reader.Units.UpdateUnitAsync(tenant.Slug, unit.Id, unit.Etag, unit.AsUpdate(), Ct));
        await ThrowsProblemAsync(404, () => otherApi.Units.GetUnitAsync(tenant.Slug, unit.Id, Ct));
        await ThrowsProblemAsync(404, () => otherApi.Units.ListUnitClassificationsAsync(tenant.Slug, unit.Id, cancellationToken: Ct));
        Assert.Equal(unit.Id, (await reader.Units.GetUnitAsync(tenant.Slug, unit.Id, Ct)).Id);
    }
}
