using System.Net;
using System.Net.Http.Json;
using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;
using Estate = Platform.Api.Tests.Infrastructure.RealEstate;

namespace Platform.Api.Tests.RealEstate;

public sealed class LeaseTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    async Task<(TestTenant Tenant, PlatformApi Api, UnitResponse Unit)> AtelierAsync()
    {
        var tenant = await app.CreateTenantAsync(name: "Woonin");
        var api = await tenant.SignInAsync("plinths:read", "plinths:write", "leases:read", "leases:write", "tenant:admin");
        var plinth = await api.Plinths.CreatePlinthAsync(tenant.Slug, Estate.Herderplein(), cancellationToken: Ct);
        var unit = await api.Units.CreateUnitAsync(tenant.Slug, Estate.Atelier(plinth.Id), cancellationToken: Ct);
        return (tenant, api, unit);
    }

    [Fact]
    public async Task An_active_lease_lets_the_unit_for_a_thousand_euros_a_month()
    {
        var (tenant, api, unit) = await AtelierAsync();

        var lease = await api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(unit.Id, Estate.Today.AddMonths(-1), Estate.Today.AddYears(2)), cancellationToken: Ct);

        Assert.Equal(TermStatus.Active, lease.Status);
        Assert.Equal(1_000_00, lease.BaseRentCentsPerMonth);
        Assert.Equal(LeaseRegime.Article7_230a, lease.Regime);
        Assert.Equal("12345678", lease.Lessee.KvkNumber);
        Assert.Equal(UnitStatus.Let, (await api.Units.GetUnitAsync(tenant.Slug, unit.Id, Ct)).Status);
        Assert.Equal(lease.Id, (await api.Leases.GetLeaseAsync(tenant.Slug, lease.Id, Ct)).Id);
    }

    [Fact]
    public async Task An_overlapping_lease_is_refused_naming_the_lease_in_the_way()
    {
        var (tenant, api, unit) = await AtelierAsync();
        var first = await api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(unit.Id, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)), cancellationToken: Ct);

        var overlap = await ThrowsProblemAsync(409, () =>
            api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(unit.Id, new DateOnly(2027, 12, 31)), cancellationToken: Ct));
        var openEnded = await ThrowsProblemAsync(409, () =>
            api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(unit.Id, new DateOnly(2026, 6, 1)), cancellationToken: Ct));
        var next = await api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(unit.Id, new DateOnly(2028, 1, 1)), cancellationToken: Ct);

        Assert.Equal("urn:plinth:problem:lease-overlap", overlap.Type);
        Assert.Contains(first.Id.ToString(), overlap.Detail);
        Assert.Contains(first.Id.ToString(), openEnded.Detail);
        Assert.Equal(first.Id, overlap.LeaseId);
        Assert.Equal(first.Id, openEnded.LeaseId);
        Assert.Equal(TermStatus.Upcoming, next.Status);
        Assert.Equal(2, (await api.Leases.ListLeasesAsync(tenant.Slug, unitId: unit.Id, cancellationToken: Ct)).Items.Count);
    }

    [Theory]
    [InlineData("lessee.kvkNumber")]
    [InlineData("lessee.contactEmail")]
    [InlineData("endDate")]
    [InlineData("baseRentCentsPerMonth")]
    public async Task A_bad_lease_is_refused_with_the_field_named(string field)
    {
        var (tenant, api, unit) = await AtelierAsync();
        var lease = Estate.Lease(unit.Id, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31));
        switch (field)
        {
            case "lessee.kvkNumber": lease.Lessee.KvkNumber = "1234"; break;
            case "lessee.contactEmail": lease.Lessee.ContactEmail = "not-an-address"; break;
            case "endDate": lease.EndDate = new DateOnly(2026, 12, 31); break;
            case "baseRentCentsPerMonth": lease.BaseRentCentsPerMonth = -100; break;
        }

        var problem = await ThrowsProblemAsync(400, () => api.Leases.CreateLeaseAsync(tenant.Slug, lease, cancellationToken: Ct));

        Assert.Equal([field], problem.FieldNames());
        Assert.Empty((await api.Leases.ListLeasesAsync(tenant.Slug, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task A_lease_of_another_tenants_unit_is_refused()
    {
        var (tenant, api, _) = await AtelierAsync();
        var (_, _, foreignUnit) = await AtelierAsync();

        var problem = await ThrowsProblemAsync(400, () => api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(foreignUnit.Id, Estate.Today), cancellationToken: Ct));

        Assert.Equal(["unitId"], problem.FieldNames());
    }

    [Fact]
    public async Task Terminating_ends_the_lease_with_a_reason_once()
    {
        var (tenant, api, unit) = await AtelierAsync();
        var lease = await api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(unit.Id, Estate.Today.AddYears(-1)), cancellationToken: Ct);

        var ended = await api.Leases.TerminateLeaseAsync(tenant.Slug, lease.Id,
            new TerminateLeaseRequest { EndDate = Estate.Today.AddDays(-1), Reason = "Ondernemer verhuist naar een grotere ruimte." }, cancellationToken: Ct);
        var again = await ThrowsProblemAsync(409, () => api.Leases.TerminateLeaseAsync(tenant.Slug, lease.Id,
            new TerminateLeaseRequest { EndDate = Estate.Today.AddDays(-1), Reason = "Nogmaals." }, cancellationToken: Ct));

        Assert.Equal((TermStatus.Ended, Estate.Today.AddDays(-1)), (ended.Status, ended.EndDate));
        Assert.Equal("Ondernemer verhuist naar een grotere ruimte.", ended.TerminationReason);
        Assert.NotNull(ended.TerminatedAt);
        Assert.Equal("urn:plinth:problem:lease-terminated", again.Type);
        Assert.Equal(UnitStatus.Vacant, (await api.Units.GetUnitAsync(tenant.Slug, unit.Id, Ct)).Status);
        var events = (await api.Audit.ListAuditEventsAsync(tenant.Slug, AuditEntityType.Lease, lease.Id, cancellationToken: Ct)).Items;
        Assert.Equal([AuditAction.Created, AuditAction.Terminated], events.Select(e => e.Action));
        Assert.Contains(events[1].Changes, c => c.Field == "endDate" && c.Old is null && c.New == Estate.Today.AddDays(-1).ToString("yyyy-MM-dd"));
    }

    [Fact]
    public async Task Termination_before_the_start_is_refused_and_a_reason_is_required()
    {
        var (tenant, api, unit) = await AtelierAsync();
        var lease = await api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(unit.Id, new DateOnly(2027, 1, 1)), cancellationToken: Ct);

        var early = await ThrowsProblemAsync(409, () => api.Leases.TerminateLeaseAsync(tenant.Slug, lease.Id,
            new TerminateLeaseRequest { EndDate = new DateOnly(2026, 12, 1), Reason = "Te vroeg." }, cancellationToken: Ct));
        var noReason = await ThrowsProblemAsync(400, () => api.Leases.TerminateLeaseAsync(tenant.Slug, lease.Id,
            new TerminateLeaseRequest { EndDate = new DateOnly(2027, 6, 1), Reason = "" }, cancellationToken: Ct));

        Assert.Equal("urn:plinth:problem:end-before-start", early.Type);
        Assert.Equal(["reason"], noReason.FieldNames());
    }

    [Fact]
    public async Task An_update_keeps_the_overlap_rule_and_needs_the_current_etag()
    {
        var (tenant, api, unit) = await AtelierAsync();
        var first = await api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(unit.Id, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)), cancellationToken: Ct);
        var second = await api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(unit.Id, new DateOnly(2028, 1, 1), new DateOnly(2028, 12, 31)), cancellationToken: Ct);
        var longer = first.AsUpdate();
        longer.EndDate = new DateOnly(2028, 3, 31);
        var renamed = first.AsUpdate();
        renamed.Lessee.Name = "Atelier Het Plein";

        var overlap = await ThrowsProblemAsync(409, () => api.Leases.UpdateLeaseAsync(tenant.Slug, first.Id, first.Etag, longer, Ct));
        var updated = await api.Leases.UpdateLeaseAsync(tenant.Slug, first.Id, first.Etag, renamed, Ct);
        await ThrowsProblemAsync(412, () => api.Leases.UpdateLeaseAsync(tenant.Slug, first.Id, first.Etag, renamed, Ct));

        Assert.Contains(second.Id.ToString(), overlap.Detail);
        Assert.Equal("Atelier Het Plein", updated.Lessee.Name);
        using var missing = await api.Http.PutAsJsonAsync($"/v1/tenants/{tenant.Slug}/leases/{first.Id}", renamed, Ct);
        await missing.AssertProblemAsync(HttpStatusCode.PreconditionRequired);
    }

    [Fact]
    public async Task The_list_filters_by_status_unit_and_lessee()
    {
        var (tenant, api, unit) = await AtelierAsync();
        var ended = await api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(unit.Id, Estate.Today.AddYears(-2), Estate.Today.AddYears(-1)), cancellationToken: Ct);
        var active = await api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(unit.Id, Estate.Today.AddYears(-1).AddDays(1), Estate.Today.AddDays(30)), cancellationToken: Ct);
        var upcomingRequest = Estate.Lease(unit.Id, Estate.Today.AddDays(31));
        upcomingRequest.Lessee.KvkNumber = "87654321";
        var upcoming = await api.Leases.CreateLeaseAsync(tenant.Slug, upcomingRequest, cancellationToken: Ct);

        async Task<IEnumerable<Guid>> Ids(TermStatus? status = null, string? kvk = null) =>
            (await api.Leases.ListLeasesAsync(tenant.Slug, unit.Id, status, kvk, cancellationToken: Ct)).Items.Select(l => l.Id);

        Assert.Equal([ended.Id], await Ids(TermStatus.Ended));
        Assert.Equal([active.Id], await Ids(TermStatus.Active));
        Assert.Equal([upcoming.Id], await Ids(TermStatus.Upcoming));
        Assert.Equal([upcoming.Id], await Ids(kvk: "87654321"));
        Assert.Equal([ended.Id, active.Id, upcoming.Id], await Ids());
    }

    [Fact]
    public async Task Wrong_scope_is_403_other_tenant_is_404_no_token_is_401()
    {
        var (tenant, api, unit) = await AtelierAsync();
        var lease = await api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(unit.Id, Estate.Today), cancellationToken: Ct);
        var plinthsOnly = await tenant.SignInAsync("plinths:read");
        var (_, otherApi, _) = await AtelierAsync();

        await ThrowsProblemAsync(403, () => plinthsOnly.Leases.GetLeaseAsync(tenant.Slug, lease.Id, Ct));
        await ThrowsProblemAsync(404, () => otherApi.Leases.GetLeaseAsync(tenant.Slug, lease.Id, Ct));
        await ThrowsProblemAsync(404, () => otherApi.Leases.TerminateLeaseAsync(tenant.Slug, lease.Id,
            new TerminateLeaseRequest { EndDate = Estate.Today, Reason = "Niet van jou." }, cancellationToken: Ct));

        using var anonymous = app.Anonymous();
        using var response = await anonymous.GetAsync($"/v1/tenants/{tenant.Slug}/leases/{lease.Id}", Ct);
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Null((await api.Leases.GetLeaseAsync(tenant.Slug, lease.Id, Ct)).TerminatedAt);
    }
}
