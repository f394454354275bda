using Microsoft.AspNetCore.Hosting;
using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Sharing;

/// <summary>A moving clock, and webhooks that may name a loopback address (nothing listens there: only the deliveries count).</summary>
public sealed class SharingApp : ClockedApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Webhooks:AllowInsecureHosts:0", "127.0.0.1");
        builder.UseSetting("Webhooks:MaxAttempts", "1");
    }
}

/// <summary>The status follows the clock (upcoming, active, expired, in the calendar of Europe/Amsterdam); webhooks hear of grants.</summary>
public sealed class SharingGrantLifecycleTests(SharingApp app) : IClassFixture<SharingApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_grant_for_2027_is_upcoming_then_active_then_expired_as_the_clock_moves()
    {
        app.MoveTo(new DateOnly(2026, 6, 1));
        var staedion = await app.CreateTenantAsync();
        var utrecht = await app.CreateTenantAsync(TenantKind.Municipality);
        var admin = await staedion.SignInAsync("tenant:admin");
        var request = SharingGrantTests.PerformanceAgreements(utrecht.Slug);
        request.ValidFrom = new DateOnly(2027, 1, 1);
        request.ValidUntil = new DateOnly(2027, 12, 31);
        var grant = await admin.Sharing.CreateSharingGrantAsync(staedion.Slug, request, cancellationToken: Ct);

        async Task<SharingGrantStatus> StatusAt(DateTimeOffset now)
        {
            app.Clock.AdjustTime(now);
            return (await admin.Sharing.GetSharingGrantAsync(staedion.Slug, grant.Id, Ct)).Status;
        }

        Assert.Equal(SharingGrantStatus.Upcoming, grant.Status);
        // 23:30 UTC on 31 December is already 1 January in Amsterdam.
        Assert.Equal(SharingGrantStatus.Upcoming, await StatusAt(new DateTimeOffset(2026, 12, 31, 22, 30, 0, TimeSpan.Zero)));
        Assert.Equal(SharingGrantStatus.Active, await StatusAt(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero)));
        Assert.Equal(SharingGrantStatus.Active, await StatusAt(new DateTimeOffset(2027, 12, 31, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal(SharingGrantStatus.Expired, await StatusAt(new DateTimeOffset(2028, 1, 1, 8, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task A_webhook_subscribed_to_sharing_grant_events_gets_a_delivery_for_each()
    {
        var (staedion, admin, utrecht, utrechtAdmin) = await SharingGrantTests.CorporationAndMunicipalityAsync(app);
        var webhook = await utrechtAdmin.Webhooks.CreateWebhookAsync(utrecht.Slug, new CreateWebhookRequest
        {
            Url = new Uri("http://127.0.0.1:9/plinth"), Events = [NotificationType.SharingGrantCreated, NotificationType.SharingGrantRevoked],
        }, Ct);

        var grant = await admin.Sharing.CreateSharingGrantAsync(staedion.Slug, SharingGrantTests.PerformanceAgreements(utrecht.Slug), cancellationToken: Ct);
        await admin.Sharing.RevokeSharingGrantAsync(staedion.Slug, grant.Id, cancellationToken: Ct);

        var deliveries = (await utrechtAdmin.Webhooks.ListWebhookDeliveriesAsync(utrecht.Slug, webhook.Id, cancellationToken: Ct)).Items;
        Assert.Equal([NotificationType.SharingGrantCreated, NotificationType.SharingGrantRevoked], deliveries.Select(d => d.Event).Order());
    }
}
