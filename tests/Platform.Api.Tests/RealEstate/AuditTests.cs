using System.Net;
using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;
using Estate = Platform.Api.Tests.Infrastructure.RealEstate;

namespace Platform.Api.Tests.RealEstate;

public sealed class AuditTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_tenant_admin_reads_everything_a_reader_only_the_entities_of_its_scope()
    {
        var tenant = await app.CreateTenantAsync();
        var writer = await tenant.SignInAsync("plinths:write", "leases:write");
        var plinth = await writer.Plinths.CreatePlinthAsync(tenant.Slug, Estate.Herderplein(), cancellationToken: Ct);
        var unit = await writer.Units.CreateUnitAsync(tenant.Slug, Estate.Atelier(plinth.Id), cancellationToken: Ct);
        await writer.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(unit.Id, Estate.Today), cancellationToken: Ct);
        var admin = await tenant.SignInAsync("tenant:admin");
        var plinthReader = await tenant.SignInAsync("plinths:read");

        var all = (await admin.Audit.ListAuditEventsAsync(tenant.Slug, cancellationToken: Ct)).Items;
        var units = (await plinthReader.Audit.ListAuditEventsAsync(tenant.Slug, AuditEntityType.Unit, cancellationToken: Ct)).Items;
        await ThrowsProblemAsync(403, () => plinthReader.Audit.ListAuditEventsAsync(tenant.Slug, AuditEntityType.Lease, cancellationToken: Ct));
        await ThrowsProblemAsync(403, () => plinthReader.Audit.ListAuditEventsAsync(tenant.Slug, cancellationToken: Ct));

        Assert.Equal([AuditEntityType.Plinth, AuditEntityType.Unit, AuditEntityType.Lease], all.Select(e => e.EntityType));
        Assert.Equal(unit.Id, Assert.Single(units).EntityId);
    }

    [Fact]
    public async Task Another_tenants_trail_is_404_and_a_bad_limit_is_400()
    {
        var tenant = await app.CreateTenantAsync();
        var other = await (await app.CreateTenantAsync()).SignInAsync("tenant:admin");
        var admin = await tenant.SignInAsync("tenant:admin");

        await ThrowsProblemAsync(404, () => other.Audit.ListAuditEventsAsync(tenant.Slug, cancellationToken: Ct));
        var problem = await ThrowsProblemAsync(400, () => admin.Audit.ListAuditEventsAsync(tenant.Slug, limit: 0, cancellationToken: Ct));
        Assert.Equal(["limit"], problem.FieldNames());

        using var anonymous = app.Anonymous();
        using var response = await anonymous.GetAsync($"/v1/tenants/{tenant.Slug}/audit", Ct);
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
