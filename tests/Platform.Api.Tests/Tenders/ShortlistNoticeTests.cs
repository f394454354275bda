using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;
using static Platform.Api.Tests.Tenders.ShortlistScenarios;

namespace Platform.Api.Tests.Tenders;

/// <summary>The shortlist's events reach the landlord's feed and webhooks, and each applicant tenant's own, once.</summary>
public sealed class ShortlistNoticeTests(TenderApp app) : IClassFixture<TenderApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static readonly NotificationType[] ShortlistEvents = [NotificationType.ApplicationShortlisted, NotificationType.ApplicationNotSelected];

    async Task<CreatedWebhookResponse> SubscribeAsync(TestTenant tenant) =>
        await (await tenant.SignInAsync("tenant:admin")).Webhooks.CreateWebhookAsync(tenant.Slug,
            new CreateWebhookRequest { Url = new Uri("http://127.0.0.1:9/plinth"), Events = [.. ShortlistEvents] }, Ct);

    static async Task<IList<NotificationResponse>> FeedAsync(PlatformApi api, string slug) =>
        (await api.Notifications.ListNotificationsAsync(slug, cancellationToken: Ct)).Items.Where(n => ShortlistEvents.Contains(n.Type)).ToList();

    [Fact]
    public async Task The_landlord_hears_of_every_outcome_and_each_collective_only_of_its_own_once_in_its_feed_and_webhooks()
    {
        var plans = await app.ThreePlansAsync(landlord => TenderScenarios.PitchJePlan([landlord.Unit.Id], opensAt: app.Clock.GetUtcNow().AddHours(-1)));
        var (rochdale, closed) = (plans.Rochdale, plans.Closed);
        var ((kade, kadeApi), (werf, werfApi)) = (plans.Kade, plans.Werf);
        var (fromKade, fromWerf, fromWebsite) = (plans.FromKade, plans.FromWerf, plans.FromWebsite);
        var landlordHook = await SubscribeAsync(rochdale.Tenant);
        var kadeHook = await SubscribeAsync(kade);
        var werfHook = await SubscribeAsync(werf);
        var key = Guid.NewGuid().ToString();

        await rochdale.Api.Tenders.ShortlistTenderAsync(rochdale.Slug, closed.Id, Shortlist(fromKade, fromWebsite), key, Ct);
        await rochdale.Api.Tenders.ShortlistTenderAsync(rochdale.Slug, closed.Id, Shortlist(fromKade, fromWebsite), key, Ct);
        await ThrowsProblemAsync(409, () => rochdale.Api.Tenders.ShortlistTenderAsync(rochdale.Slug, closed.Id, Shortlist(fromKade, fromWebsite), cancellationToken: Ct));
        await app.Admin.Reminders.TriggerReminderScanAsync(cancellationToken: Ct);

        var landlordFeed = await FeedAsync(rochdale.Api, rochdale.Slug);
        Assert.Equal(
            new[] { (NotificationType.ApplicationShortlisted, fromKade.Id), (NotificationType.ApplicationNotSelected, fromWerf.Id), (NotificationType.ApplicationShortlisted, fromWebsite.Id) }
                .OrderBy(n => n.Item2),
            landlordFeed.Select(n => (n.Type, n.SubjectId)).OrderBy(n => n.SubjectId));
        Assert.All(landlordFeed, n => Assert.Equal(NotificationSubject.Application, n.SubjectType));
        Assert.Contains("as number 1", landlordFeed.Single(n => n.SubjectId == fromKade.Id).Message);
        var kadeNotice = Assert.Single(await FeedAsync(kadeApi, kade.Slug));
        Assert.Equal((NotificationType.ApplicationShortlisted, fromKade.Id), (kadeNotice.Type, kadeNotice.SubjectId));
        Assert.Contains("you pitch as number 1", kadeNotice.Message);
        var werfNotice = Assert.Single(await FeedAsync(werfApi, werf.Slug));
        Assert.Equal((NotificationType.ApplicationNotSelected, fromWerf.Id), (werfNotice.Type, werfNotice.SubjectId));

        Assert.Equal([NotificationType.ApplicationShortlisted, NotificationType.ApplicationShortlisted, NotificationType.ApplicationNotSelected],
            (await DeliveriesAsync(rochdale.Tenant, landlordHook)).Select(d => d.Event).OrderBy(e => e));
        Assert.Equal([NotificationType.ApplicationShortlisted], (await DeliveriesAsync(kade, kadeHook)).Select(d => d.Event));
        Assert.Equal([NotificationType.ApplicationNotSelected], (await DeliveriesAsync(werf, werfHook)).Select(d => d.Event));
    }

    [Fact]
    public async Task A_refused_shortlist_notifies_nobody()
    {
        var rochdale = await app.LandlordAsync();
        var (kade, kadeApi) = await app.CollectiveAsync();
        var closed = await rochdale.ClosedWithEligibleAsync(1, TenderScenarios.PitchJePlan([rochdale.Unit.Id], opensAt: app.Clock.GetUtcNow().AddHours(-1)), kadeApi);

        await ThrowsProblemAsync(400, () => rochdale.Api.Tenders.ShortlistTenderAsync(rochdale.Slug, closed.Id,
            new ShortlistTenderRequest { Entries = [new ShortlistEntry { ApplicationId = Guid.NewGuid() }] }, cancellationToken: Ct));

        Assert.Empty(await FeedAsync(rochdale.Api, rochdale.Slug));
        Assert.Empty(await FeedAsync(kadeApi, kade.Slug));
    }

    static async Task<IList<DeliveryResponse>> DeliveriesAsync(TestTenant tenant, CreatedWebhookResponse webhook) =>
        (await (await tenant.SignInAsync("tenant:admin")).Webhooks.ListWebhookDeliveriesAsync(tenant.Slug, webhook.Id, cancellationToken: Ct)).Items;
}
