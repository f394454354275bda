using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;

namespace Platform.Api.Tests.Sharing;

/// <summary>A plinth of a corporation with one atelier let on it: what a municipality may come to read.</summary>
public sealed record SharedPlinth(PlinthResponse Plinth, UnitResponse Unit, LeaseResponse Lease);

/// <summary>
/// The municipality of Utrecht reads, with its own client, what two corporations share with it for the performance
/// agreements: Staedion only its plinths in Utrecht (GM0344), Mitros all of them until the end of June.
/// </summary>
public sealed class GranteeReadTests(SharingApp app) : IClassFixture<SharingApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<SharedPlinth> LetPlinthAsync(PlatformApi owner, TestTenant tenant, string name, string municipalityCode)
    {
        var plinthRequest = Infrastructure.RealEstate.Herderplein();
        plinthRequest.Name = name;
        plinthRequest.MunicipalityCode = municipalityCode;
        plinthRequest.NeighbourhoodCode = $"BU{municipalityCode[2..]}0101";
        var plinth = await owner.Plinths.CreatePlinthAsync(tenant.Slug, plinthRequest, cancellationToken: Ct);
        var unit = await owner.Units.CreateUnitAsync(tenant.Slug, Infrastructure.RealEstate.Atelier(plinth.Id), cancellationToken: Ct);
        var lease = await owner.Leases.CreateLeaseAsync(tenant.Slug, Infrastructure.RealEstate.Lease(unit.Id, new DateOnly(2026, 1, 1)), cancellationToken: Ct);
        return new SharedPlinth(plinth, unit, lease);
    }

    public static async Task<PlatformApi> CorporationAdminAsync(TestTenant tenant) =>
        await tenant.SignInAsync("tenant:admin", "plinths:write", "leases:write", "leases:read", "plinths:read");

    [Fact]
    public async Task Utrecht_reads_exactly_what_two_corporations_grant_it_masked_and_nothing_after_revocation_or_expiry()
    {
        app.MoveTo(new DateOnly(2026, 3, 1));
        var utrecht = await app.CreateTenantAsync(TenantKind.Municipality, "Gemeente Utrecht");
        var staedion = await app.CreateTenantAsync(name: "Staedion");
        var mitros = await app.CreateTenantAsync(name: "Mitros");
        var staedionAdmin = await CorporationAdminAsync(staedion);
        var mitrosAdmin = await CorporationAdminAsync(mitros);
        var herderplein = await LetPlinthAsync(staedionAdmin, staedion, "Herderplein", "GM0344");
        var amersfoort = await LetPlinthAsync(staedionAdmin, staedion, "Hof van Amersfoort", "GM0307");
        var kanaleneiland = await LetPlinthAsync(mitrosAdmin, mitros, "Kanaleneiland", "GM0344");
        var zeist = await LetPlinthAsync(mitrosAdmin, mitros, "Zeist Centrum", "GM0355");

        var utrechtOnly = SharingGrantTests.PerformanceAgreements(utrecht.Slug);
        utrechtOnly.Filter = new SharingGrantFilter { MunicipalityCodes = ["GM0344"] };
        var staedionGrant = await staedionAdmin.Sharing.CreateSharingGrantAsync(staedion.Slug, utrechtOnly, cancellationToken: Ct);
        var untilJune = SharingGrantTests.PerformanceAgreements(utrecht.Slug);
        untilJune.ValidUntil = new DateOnly(2026, 6, 30);
        await mitrosAdmin.Sharing.CreateSharingGrantAsync(mitros.Slug, untilJune, cancellationToken: Ct);
        var (municipality, municipalityClient) = await utrecht.ClientAsync("plinths:read", "leases:read");

        await AssertReadsAsync(municipality, staedion, [herderplein], [amersfoort]);
        await AssertReadsAsync(municipality, mitros, [kanaleneiland, zeist], []);

        var reads = (await staedionAdmin.Audit.ListAuditEventsAsync(staedion.Slug, AuditEntityType.SharingGrant, staedionGrant.Id, cancellationToken: Ct)).Items
            .Where(e => e.Action == AuditAction.ReadByGrantee).ToList();
        Assert.NotEmpty(reads);
        Assert.All(reads, e => Assert.Equal(municipalityClient.ClientId, e.ClientId));
        Assert.Contains(reads, e => e.Changes.Any(c => c.Field == "resource" && c.New == $"/v1/tenants/{staedion.Slug}/leases/{herderplein.Lease.Id}"));
        Assert.All(reads, e => Assert.Contains(e.Changes, c => c.Field == "grantee" && c.New == utrecht.Slug));

        await staedionAdmin.Sharing.RevokeSharingGrantAsync(staedion.Slug, staedionGrant.Id, cancellationToken: Ct);
        await ThrowsProblemAsync(404, () => municipality.Plinths.ListPlinthsAsync(staedion.Slug, cancellationToken: Ct));
        await ThrowsProblemAsync(404, () => municipality.Leases.GetLeaseAsync(staedion.Slug, herderplein.Lease.Id, Ct));
        Assert.Equal(2, (await municipality.Plinths.ListPlinthsAsync(mitros.Slug, cancellationToken: Ct)).Items.Count);

        app.MoveTo(new DateOnly(2026, 7, 1));
        await ThrowsProblemAsync(404, () => municipality.Plinths.ListPlinthsAsync(mitros.Slug, cancellationToken: Ct));
        await ThrowsProblemAsync(404, () => municipality.Units.GetUnitAsync(mitros.Slug, kanaleneiland.Unit.Id, Ct));
    }

    [Fact]
    public async Task A_grantee_writes_nothing_and_reads_no_route_outside_its_grant()
    {
        app.MoveTo(new DateOnly(2026, 3, 1));
        var utrecht = await app.CreateTenantAsync(TenantKind.Municipality);
        var staedion = await app.CreateTenantAsync(name: "Staedion");
        var staedionAdmin = await CorporationAdminAsync(staedion);
        var herderplein = await LetPlinthAsync(staedionAdmin, staedion, "Herderplein", "GM0344");
        await staedionAdmin.Sharing.CreateSharingGrantAsync(staedion.Slug, SharingGrantTests.PerformanceAgreements(utrecht.Slug, SharedResource.Plinths), cancellationToken: Ct);
        var municipality = await utrecht.SignInAsync("tenant:admin", "plinths:read", "plinths:write", "leases:read", "leases:write");
        var plinthsOnly = await utrecht.SignInAsync("leases:read");

        Assert.Equal(herderplein.Plinth.Id, (await municipality.Plinths.GetPlinthAsync(staedion.Slug, herderplein.Plinth.Id, Ct)).Id);
        await ThrowsProblemAsync(404, () => municipality.Plinths.CreatePlinthAsync(staedion.Slug, Infrastructure.RealEstate.Herderplein(), cancellationToken: Ct));
        await ThrowsProblemAsync(404, () => municipality.Plinths.DeletePlinthAsync(staedion.Slug, herderplein.Plinth.Id, "*", Ct));
        await ThrowsProblemAsync(404, () => municipality.Units.GetUnitAsync(staedion.Slug, herderplein.Unit.Id, Ct));
        await ThrowsProblemAsync(404, () => municipality.Leases.ListLeasesAsync(staedion.Slug, cancellationToken: Ct));
        await ThrowsProblemAsync(404, () => municipality.Audit.ListAuditEventsAsync(staedion.Slug, cancellationToken: Ct));
        await ThrowsProblemAsync(404, () => municipality.ApiClients.ListApiClientsAsync(staedion.Slug, cancellationToken: Ct));
        await ThrowsProblemAsync(404, () => municipality.Sharing.ListSharingGrantsAsync(staedion.Slug, cancellationToken: Ct));
        await ThrowsProblemAsync(404, () => plinthsOnly.Leases.ListLeasesAsync(staedion.Slug, cancellationToken: Ct));
        Assert.Equal(herderplein.Plinth.Etag, (await staedionAdmin.Plinths.GetPlinthAsync(staedion.Slug, herderplein.Plinth.Id, Ct)).Etag);
    }

    [Fact]
    public async Task A_grant_naming_one_plinth_shows_that_plinth_only_and_one_naming_a_plinth_the_owner_lacks_is_400()
    {
        app.MoveTo(new DateOnly(2026, 3, 1));
        var utrecht = await app.CreateTenantAsync(TenantKind.Municipality);
        var staedion = await app.CreateTenantAsync(name: "Staedion");
        var staedionAdmin = await CorporationAdminAsync(staedion);
        var herderplein = await LetPlinthAsync(staedionAdmin, staedion, "Herderplein", "GM0344");
        var vleuten = await LetPlinthAsync(staedionAdmin, staedion, "Vleuten", "GM0344");
        var elsewhere = await LetPlinthAsync(await CorporationAdminAsync(utrecht), utrecht, "Stadskantoor", "GM0344");
        var onePlinth = SharingGrantTests.PerformanceAgreements(utrecht.Slug);

        onePlinth.Filter = new SharingGrantFilter { PlinthIds = [herderplein.Plinth.Id, elsewhere.Plinth.Id] };
        var unknown = await ThrowsProblemAsync(400, () => staedionAdmin.Sharing.CreateSharingGrantAsync(staedion.Slug, onePlinth, cancellationToken: Ct));
        onePlinth.Filter = new SharingGrantFilter { PlinthIds = [herderplein.Plinth.Id] };
        await staedionAdmin.Sharing.CreateSharingGrantAsync(staedion.Slug, onePlinth, cancellationToken: Ct);
        var municipality = await utrecht.SignInAsync("plinths:read", "leases:read");

        Assert.Equal(["filter.plinthIds[1]"], unknown.FieldNames());
        Assert.Single((await staedionAdmin.Sharing.ListSharingGrantsAsync(staedion.Slug, cancellationToken: Ct)).Items);
        await AssertReadsAsync(municipality, staedion, [herderplein], [vleuten]);
    }

    /// <summary>The owner's granted plinths, with their units and leases (lessee masked), list and single; the others 404.</summary>
    static async Task AssertReadsAsync(PlatformApi grantee, TestTenant owner, SharedPlinth[] granted, SharedPlinth[] withheld)
    {
        Assert.Equal(granted.Select(p => p.Plinth.Id), (await grantee.Plinths.ListPlinthsAsync(owner.Slug, cancellationToken: Ct)).Items.Select(p => p.Id));
        Assert.Equal(granted.Select(p => p.Unit.Id), (await grantee.Units.ListUnitsAsync(owner.Slug, cancellationToken: Ct)).Items.Select(u => u.Id));
        var leases = (await grantee.Leases.ListLeasesAsync(owner.Slug, cancellationToken: Ct)).Items;
        Assert.Equal(granted.Select(p => p.Lease.Id), leases.Select(l => l.Id));
        Assert.All(leases, l => Assert.Equal(("masked@masked.invalid", "Atelier De Plint", "12345678"), (l.Lessee.ContactEmail, l.Lessee.Name, l.Lessee.KvkNumber)));

        foreach (var shared in granted)
        {
            Assert.Equal(shared.Plinth.Name, (await grantee.Plinths.GetPlinthAsync(owner.Slug, shared.Plinth.Id, Ct)).Name);
            Assert.Equal(UnitStatus.Let, (await grantee.Units.GetUnitAsync(owner.Slug, shared.Unit.Id, Ct)).Status);
            Assert.Equal("masked@masked.invalid", (await grantee.Leases.GetLeaseAsync(owner.Slug, shared.Lease.Id, Ct)).Lessee.ContactEmail);
        }

        foreach (var hidden in withheld)
        {
            await ThrowsProblemAsync(404, () => grantee.Plinths.GetPlinthAsync(owner.Slug, hidden.Plinth.Id, Ct));
            await ThrowsProblemAsync(404, () => grantee.Units.GetUnitAsync(owner.Slug, hidden.Unit.Id, Ct));
            await ThrowsProblemAsync(404, () => grantee.Leases.GetLeaseAsync(owner.Slug, hidden.Lease.Id, Ct));
            Assert.Empty((await grantee.Units.ListUnitsAsync(owner.Slug, hidden.Plinth.Id, cancellationToken: Ct)).Items);
        }
    }
}
