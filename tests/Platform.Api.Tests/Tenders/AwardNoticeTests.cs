using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Tenders;

/// <summary>The award's events reach the landlord's feed and webhooks, and each applicant tenant's own, once.</summary>
public sealed class AwardNoticeTests(TenderApp app) : IClassFixture<TenderApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static readonly NotificationType[] AwardEvents = [NotificationType.ApplicationAwarded, NotificationType.ApplicationRejected];

    static async Task<CreatedWebhookResponse> SubscribeAsync(TestTenant tenant) =>
        await (await tenant.SignInAsync("tenant:admin")).Webhooks.CreateWebhookAsync(tenant.Slug,
            new CreateWebhookRequest { Url = new Uri("http://127.0.0.1:9/plinth"), Events = [.. AwardEvents] }, Ct);

    static async Task<IEnumerable<NotificationType>> DeliveredAsync(TestTenant tenant, CreatedWebhookResponse webhook) =>
        (await (await tenant.SignInAsync("tenant:admin")).Webhooks.ListWebhookDeliveriesAsync(tenant.Slug, webhook.Id, cancellationToken: Ct)).Items
        .Select(d => d.Event).Order();

    [Fact]
    public async Task The_landlord_hears_of_every_outcome_and_each_collective_only_of_its_own_once_in_its_webhooks()
    {
        var plans = await app.PitchingPlansAsync(opensAt: app.Clock.GetUtcNow().AddHours(-1));
        var landlordHook = await SubscribeAsync(plans.Rochdale.Tenant);
        var kadeHook = await SubscribeAsync(plans.Kade.Tenant);
        var werfHook = await SubscribeAsync(plans.Werf.Tenant);
        await plans.ScoreAllAsync();
        var key = Guid.NewGuid().ToString();

        await plans.Rochdale.Api.Awards.AwardTenderAsync(plans.Slug, plans.TenderId, plans.Award(plans.FromKade), key, Ct);
        await plans.Rochdale.Api.Awards.AwardTenderAsync(plans.Slug, plans.TenderId, plans.Award(plans.FromKade), key, Ct);
        await app.Admin.Reminders.TriggerReminderScanAsync(cancellationToken: Ct);

        Assert.Equal([NotificationType.ApplicationAwarded, NotificationType.ApplicationRejected, NotificationType.ApplicationRejected],
            await DeliveredAsync(plans.Rochdale.Tenant, landlordHook));
        Assert.Equal([NotificationType.ApplicationAwarded], await DeliveredAsync(plans.Kade.Tenant, kadeHook));
        Assert.Equal([NotificationType.ApplicationRejected], await DeliveredAsync(plans.Werf.Tenant, werfHook));
        var werfFeed = (await plans.Werf.Api.Notifications.ListNotificationsAsync(plans.Werf.Tenant.Slug, cancellationToken: Ct)).Items
            .Where(n => AwardEvents.Contains(n.Type)).ToList();
        Assert.Equal(plans.FromWerf.Id, Assert.Single(werfFeed).SubjectId);
    }
}
