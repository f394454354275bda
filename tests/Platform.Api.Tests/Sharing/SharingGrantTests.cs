using System.Net;
using System.Net.Http.Json;
using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;

namespace Platform.Api.Tests.Sharing;

/// <summary>Staedion shares its plinth data with the municipality of Utrecht for the performance agreements.</summary>
public sealed class SharingGrantTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static CreateSharingGrantRequest PerformanceAgreements(string granteeSlug, params SharedResource[] resources) => new()
    {
        GranteeSlug = granteeSlug,
        Resources = resources.Length > 0 ? [.. resources] : [SharedResource.Plinths, SharedResource.Units, SharedResource.Leases],
        Purpose = "prestatieafspraken 2026",
        ValidFrom = new DateOnly(2026, 1, 1),
        ValidUntil = new DateOnly(2199, 12, 31),
    };

    async Task<(TestTenant Staedion, PlatformApi Admin, TestTenant Utrecht, PlatformApi UtrechtAdmin)> CorporationAndMunicipalityAsync() =>
        await CorporationAndMunicipalityAsync(app);

    public static async Task<(TestTenant Staedion, PlatformApi Admin, TestTenant Utrecht, PlatformApi UtrechtAdmin)> CorporationAndMunicipalityAsync(PlatformApp app)
    {
        var staedion = await app.CreateTenantAsync(name: "Staedion");
        var utrecht = await app.CreateTenantAsync(TenantKind.Municipality, "Gemeente Utrecht");
        return (staedion, await staedion.SignInAsync("tenant:admin"), utrecht, await utrecht.SignInAsync("tenant:admin"));
    }

    [Fact]
    public async Task A_corporation_shares_its_plinths_with_its_municipality_which_sees_the_grant_and_is_notified()
    {
        var (staedion, admin, utrecht, utrechtAdmin) = await CorporationAndMunicipalityAsync();
        var request = PerformanceAgreements(utrecht.Slug);
        request.Filter = new SharingGrantFilter { MunicipalityCodes = ["GM0344"] };

        var grant = await admin.Sharing.CreateSharingGrantAsync(staedion.Slug, request, cancellationToken: Ct);

        Assert.Equal((staedion.Slug, "Staedion"), (grant.Owner.Slug, grant.Owner.Name));
        Assert.Equal((utrecht.Slug, "Gemeente Utrecht"), (grant.Grantee.Slug, grant.Grantee.Name));
        Assert.Equal([SharedResource.Plinths, SharedResource.Units, SharedResource.Leases], grant.Resources.Order());
        Assert.Equal(["GM0344"], grant.Filter.MunicipalityCodes!);
        Assert.Null(grant.Filter.PlinthIds);
        Assert.Equal(SharingGrantStatus.Active, grant.Status);
        Assert.Null(grant.RevokedAt);
        Assert.Equal(grant.Id, (await admin.Sharing.GetSharingGrantAsync(staedion.Slug, grant.Id, Ct)).Id);
        Assert.Equal(grant.Id, Assert.Single((await admin.Sharing.ListSharingGrantsAsync(staedion.Slug, cancellationToken: Ct)).Items).Id);

        var received = Assert.Single((await utrechtAdmin.Sharing.ListReceivedGrantsAsync(utrecht.Slug, cancellationToken: Ct)).Items);
        Assert.Equal((grant.Id, "Staedion", "prestatieafspraken 2026"), (received.Id, received.Owner.Name, received.Purpose));
        Assert.Empty((await admin.Sharing.ListReceivedGrantsAsync(staedion.Slug, cancellationToken: Ct)).Items);
        Assert.Empty((await utrechtAdmin.Sharing.ListSharingGrantsAsync(utrecht.Slug, cancellationToken: Ct)).Items);

        var notice = Assert.Single((await utrechtAdmin.Notifications.ListNotificationsAsync(utrecht.Slug, cancellationToken: Ct)).Items);
        Assert.Equal((NotificationType.SharingGrantCreated, NotificationSubject.SharingGrant, grant.Id, new DateOnly(2026, 1, 1)),
            (notice.Type, notice.SubjectType, notice.SubjectId, notice.DueOn));
        Assert.Empty((await admin.Notifications.ListNotificationsAsync(staedion.Slug, cancellationToken: Ct)).Items);

        var audit = Assert.Single((await admin.Audit.ListAuditEventsAsync(staedion.Slug, AuditEntityType.SharingGrant, cancellationToken: Ct)).Items);
        Assert.Equal((grant.Id, AuditAction.Created), (audit.EntityId, audit.Action));
    }

    [Fact]
    public async Task A_created_grants_location_answers_the_grant()
    {
        var (staedion, admin, utrecht, _) = await CorporationAndMunicipalityAsync();

        using var response = await admin.Http.PostAsJsonAsync($"/v1/tenants/{staedion.Slug}/sharing-grants",
            new { granteeSlug = utrecht.Slug, resources = new[] { "plinths" }, purpose = "prestatieafspraken", validFrom = "2026-01-01" }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var located = await admin.Http.GetAsync(response.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.OK, located.StatusCode);
        Assert.Contains("\"validUntil\":null", await located.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Revoking_ends_the_grant_notifies_the_grantee_is_audited_and_a_second_revoke_is_409()
    {
        var (staedion, admin, utrecht, utrechtAdmin) = await CorporationAndMunicipalityAsync();
        var grant = await admin.Sharing.CreateSharingGrantAsync(staedion.Slug, PerformanceAgreements(utrecht.Slug), cancellationToken: Ct);

        var revoked = await admin.Sharing.RevokeSharingGrantAsync(staedion.Slug, grant.Id, cancellationToken: Ct);

        Assert.Equal(SharingGrantStatus.Revoked, revoked.Status);
        Assert.NotNull(revoked.RevokedAt);
        Assert.Equal(SharingGrantStatus.Revoked, Assert.Single((await utrechtAdmin.Sharing.ListReceivedGrantsAsync(utrecht.Slug, cancellationToken: Ct)).Items).Status);
        var notices = (await utrechtAdmin.Notifications.ListNotificationsAsync(utrecht.Slug, cancellationToken: Ct)).Items;
        Assert.Equal([NotificationType.SharingGrantCreated, NotificationType.SharingGrantRevoked], notices.Select(n => n.Type));
        var audit = (await admin.Audit.ListAuditEventsAsync(staedion.Slug, AuditEntityType.SharingGrant, grant.Id, cancellationToken: Ct)).Items;
        Assert.Equal([AuditAction.Created, AuditAction.Revoked], audit.Select(e => e.Action));
        Assert.Contains(audit[1].Changes, c => c.Field == "status" && c.Old == "active" && c.New == "revoked");

        var again = await ThrowsProblemAsync(409, () => admin.Sharing.RevokeSharingGrantAsync(staedion.Slug, grant.Id, cancellationToken: Ct));
        Assert.Equal("urn:plinth:problem:sharing-grant-revoked", again.Type);
        await ThrowsProblemAsync(404, () => admin.Sharing.RevokeSharingGrantAsync(staedion.Slug, Guid.NewGuid(), cancellationToken: Ct));
    }

    [Fact]
    public async Task A_grant_to_oneself_or_to_an_unknown_tenant_is_400_on_granteeSlug_and_stores_nothing()
    {
        var (staedion, admin, _, _) = await CorporationAndMunicipalityAsync();

        var self = await ThrowsProblemAsync(400, () => admin.Sharing.CreateSharingGrantAsync(staedion.Slug, PerformanceAgreements(staedion.Slug), cancellationToken: Ct));
        var unknown = await ThrowsProblemAsync(400, () => admin.Sharing.CreateSharingGrantAsync(staedion.Slug, PerformanceAgreements("no-such-tenant"), cancellationToken: Ct));

        Assert.Equal(["granteeSlug"], self.FieldNames());
        Assert.Equal(["granteeSlug"], unknown.FieldNames());
        Assert.Empty((await admin.Sharing.ListSharingGrantsAsync(staedion.Slug, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task Invalid_fields_are_400_naming_each_and_store_nothing()
    {
        var (staedion, admin, utrecht, _) = await CorporationAndMunicipalityAsync();
        var request = PerformanceAgreements(utrecht.Slug);
        request.Resources = [];
        request.Purpose = "";
        request.ValidUntil = new DateOnly(2025, 12, 31);
        request.Filter = new SharingGrantFilter { MunicipalityCodes = ["Utrecht"], PlinthIds = [] };

        var problem = await ThrowsProblemAsync(400, () => admin.Sharing.CreateSharingGrantAsync(staedion.Slug, request, cancellationToken: Ct));

        Assert.Equal(["filter.municipalityCodes[0]", "filter.plinthIds", "purpose", "resources", "validUntil"], problem.FieldNames().Order(StringComparer.Ordinal));
        Assert.Empty((await admin.Sharing.ListSharingGrantsAsync(staedion.Slug, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task A_second_grant_sharing_a_kind_with_the_same_grantee_is_409_until_the_first_is_revoked()
    {
        var (staedion, admin, utrecht, _) = await CorporationAndMunicipalityAsync();
        var first = await admin.Sharing.CreateSharingGrantAsync(staedion.Slug, PerformanceAgreements(utrecht.Slug, SharedResource.Plinths, SharedResource.Units), cancellationToken: Ct);
        var otherMunicipality = await app.CreateTenantAsync(TenantKind.Municipality);

        var overlapping = await ThrowsProblemAsync(409, () => admin.Sharing.CreateSharingGrantAsync(
            staedion.Slug, PerformanceAgreements(utrecht.Slug, SharedResource.Units, SharedResource.Leases), cancellationToken: Ct));
        await admin.Sharing.CreateSharingGrantAsync(staedion.Slug, PerformanceAgreements(utrecht.Slug, SharedResource.Leases), cancellationToken: Ct);
        await admin.Sharing.CreateSharingGrantAsync(staedion.Slug, PerformanceAgreements(otherMunicipality.Slug, SharedResource.Units), cancellationToken: Ct);
        await admin.Sharing.RevokeSharingGrantAsync(staedion.Slug, first.Id, cancellationToken: Ct);
        await admin.Sharing.CreateSharingGrantAsync(staedion.Slug, PerformanceAgreements(utrecht.Slug, SharedResource.Units), cancellationToken: Ct);

        Assert.Equal("urn:plinth:problem:sharing-grant-overlaps", overlapping.Type);
        Assert.Contains(first.Id.ToString(), overlapping.Detail);
        Assert.Equal(4, (await admin.Sharing.ListSharingGrantsAsync(staedion.Slug, cancellationToken: Ct)).Items.Count);
    }

    [Fact]
    public async Task A_retried_create_with_one_Idempotency_Key_answers_the_first_grant_and_stores_one()
    {
        var (staedion, admin, utrecht, _) = await CorporationAndMunicipalityAsync();
        var key = Guid.NewGuid().ToString();

        var first = await admin.Sharing.CreateSharingGrantAsync(staedion.Slug, PerformanceAgreements(utrecht.Slug), key, Ct);
        var retried = await admin.Sharing.CreateSharingGrantAsync(staedion.Slug, PerformanceAgreements(utrecht.Slug), key, Ct);

        Assert.Equal(first.Id, retried.Id);
        Assert.Single((await admin.Sharing.ListSharingGrantsAsync(staedion.Slug, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task Without_a_token_401_without_tenant_admin_403_and_another_tenants_grants_404()
    {
        var (staedion, admin, utrecht, utrechtAdmin) = await CorporationAndMunicipalityAsync();
        var grant = await admin.Sharing.CreateSharingGrantAsync(staedion.Slug, PerformanceAgreements(utrecht.Slug), cancellationToken: Ct);
        var reader = await staedion.SignInAsync("plinths:read", "leases:read");

        using (var anonymous = app.Anonymous())
        {
            using var list = await anonymous.GetAsync($"/v1/tenants/{staedion.Slug}/sharing-grants", Ct);
            await list.AssertProblemAsync(HttpStatusCode.Unauthorized);
            using var received = await anonymous.GetAsync($"/v1/tenants/{utrecht.Slug}/received-grants", Ct);
            await received.AssertProblemAsync(HttpStatusCode.Unauthorized);
        }

        await ThrowsProblemAsync(403, () => reader.Sharing.ListSharingGrantsAsync(staedion.Slug, cancellationToken: Ct));
        await ThrowsProblemAsync(403, () => reader.Sharing.CreateSharingGrantAsync(staedion.Slug, PerformanceAgreements(utrecht.Slug, SharedResource.Reports), cancellationToken: Ct));
        await ThrowsProblemAsync(403, () => reader.Sharing.ListReceivedGrantsAsync(staedion.Slug, cancellationToken: Ct));

        // The grantee holds a grant, and still reaches none of the owner's grant routes.
        await ThrowsProblemAsync(404, () => utrechtAdmin.Sharing.ListSharingGrantsAsync(staedion.Slug, cancellationToken: Ct));
        await ThrowsProblemAsync(404, () => utrechtAdmin.Sharing.GetSharingGrantAsync(staedion.Slug, grant.Id, Ct));
        await ThrowsProblemAsync(404, () => utrechtAdmin.Sharing.RevokeSharingGrantAsync(staedion.Slug, grant.Id, cancellationToken: Ct));
        await ThrowsProblemAsync(404, () => utrechtAdmin.Sharing.ListReceivedGrantsAsync(staedion.Slug, cancellationToken: Ct));
        await ThrowsProblemAsync(404, () => utrechtAdmin.Sharing.CreateSharingGrantAsync(staedion.Slug, PerformanceAgreements(utrecht.Slug, SharedResource.Reports), cancellationToken: Ct));
        // Its own path does not show the owner's grant as its own.
        await ThrowsProblemAsync(404, () => utrechtAdmin.Sharing.GetSharingGrantAsync(utrecht.Slug, grant.Id, Ct));
        Assert.Equal(SharingGrantStatus.Active, (await admin.Sharing.GetSharingGrantAsync(staedion.Slug, grant.Id, Ct)).Status);
    }
}
