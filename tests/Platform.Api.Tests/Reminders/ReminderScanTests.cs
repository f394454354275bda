using System.Net;
using Plinth.Platform.Client;
using Platform.Api.Tests.Discounts;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;
using Estate = Platform.Api.Tests.Infrastructure.RealEstate;

namespace Platform.Api.Tests.Reminders;

/// <summary>Reminders with a moved clock, through the scan the recurring Hangfire job runs.</summary>
public sealed class ReminderScanTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    static readonly DateOnly January2026 = new(2026, 1, 1);

    static async Task<(TestTenant Tenant, PlatformApi Api, DiscountResponse Discount, LeaseResponse Lease)> StaedionDiscountAsync(PlatformApp app, DateOnly? leaseEnd = null)
    {
        var tenant = await app.CreateTenantAsync(name: "Staedion");
        var api = await tenant.SignInAsync("plinths:write", "leases:write", "leases:read", "discounts:read", "discounts:write");
        var plinth = await api.Plinths.CreatePlinthAsync(tenant.Slug, Estate.Herderplein(), cancellationToken: Ct);
        var unit = await api.Units.CreateUnitAsync(tenant.Slug, Estate.Atelier(plinth.Id), cancellationToken: Ct);
        var lease = await api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(unit.Id, January2026, leaseEnd), cancellationToken: Ct);
        var discount = await api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, DiscountTests.TwentyFivePercent(), cancellationToken: Ct);
        return (tenant, api, discount, lease);
    }

    static async Task<IList<NotificationResponse>> FeedAsync(PlatformApi api, TestTenant tenant, NotificationType? type = null) =>
        (await api.Notifications.ListNotificationsAsync(tenant.Slug, type: type, cancellationToken: Ct)).Items;

    [Fact]
    public async Task A_yearly_25_percent_discount_reminds_once_on_1_October_even_after_ten_scans_and_a_restart()
    {
        var file = Path.Combine(Path.GetTempPath(), "plinth-tests", $"restart-{Guid.NewGuid():N}.db");
        TestTenant tenant;
        DiscountResponse discount;
        await using (var app = new ClockedApp(file, new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero)))
        {
            await app.InitializeAsync();
            (tenant, var api, discount, _) = await StaedionDiscountAsync(app);

            app.MoveTo(new DateOnly(2026, 9, 30));
            for (var i = 0; i < 3; i++)
                await app.Admin.Reminders.TriggerReminderScanAsync(cancellationToken: Ct);
            Assert.Empty(await FeedAsync(api, tenant, NotificationType.DiscountEvaluationDue));

            app.MoveTo(new DateOnly(2026, 10, 1));
            var scans = new List<ReminderScanResponse>();
            for (var i = 0; i < 10; i++)
                scans.Add(await app.Admin.Reminders.TriggerReminderScanAsync(cancellationToken: Ct));

            Assert.Equal([1, 0, 0, 0, 0, 0, 0, 0, 0, 0], scans.Select(s => s.EvaluationsDue));
            var due = Assert.Single(await FeedAsync(api, tenant, NotificationType.DiscountEvaluationDue));
            Assert.Equal((new DateOnly(2026, 10, 1), discount.Id, NotificationSubject.Discount), (due.DueOn, due.SubjectId, due.SubjectType));
        }

        await using (var restarted = new ClockedApp(file, new DateTimeOffset(2026, 10, 2, 8, 0, 0, TimeSpan.Zero)))
        {
            await restarted.InitializeAsync();
            var api = await new TestTenant(restarted, tenant.Tenant).SignInAsync("discounts:read", "discounts:write");

            await restarted.Admin.Reminders.TriggerReminderScanAsync(cancellationToken: Ct);
            Assert.Single(await FeedAsync(api, tenant, NotificationType.DiscountEvaluationDue));

            // Continuing in October opens 2027; its evaluation is due a year after the first one.
            await api.Discounts.CreateEvaluationAsync(tenant.Slug, discount.Id,
                EvaluationTests.Evaluation(discount, EvaluationDecision.Continue, on: new DateOnly(2026, 10, 2)), cancellationToken: Ct);
            restarted.MoveTo(new DateOnly(2027, 9, 30));
            await restarted.Admin.Reminders.TriggerReminderScanAsync(cancellationToken: Ct);
            Assert.Single(await FeedAsync(api, tenant, NotificationType.DiscountEvaluationDue));

            restarted.MoveTo(new DateOnly(2027, 10, 1));
            await restarted.Admin.Reminders.TriggerReminderScanAsync(cancellationToken: Ct);
            await restarted.Admin.Reminders.TriggerReminderScanAsync(cancellationToken: Ct);
            var reminders = await FeedAsync(api, tenant, NotificationType.DiscountEvaluationDue);
            Assert.Equal([new DateOnly(2026, 10, 1), new DateOnly(2027, 10, 1)], reminders.Select(n => n.DueOn));
            Assert.Empty(await FeedAsync(api, tenant, NotificationType.DiscountEvaluationOverdue));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(file);
    }

    [Fact]
    public async Task The_evaluation_due_on_1_October_is_announced_at_Dutch_midnight_and_the_discount_ends_at_the_next()
    {
        await using var app = new ClockedApp();
        await app.InitializeAsync();
        var (tenant, api, discount, _) = await StaedionDiscountAsync(app);

        app.Clock.AdjustTime(new DateTimeOffset(2026, 9, 30, 21, 59, 0, TimeSpan.Zero));
        var beforeMidnight = await app.Admin.Reminders.TriggerReminderScanAsync(cancellationToken: Ct);
        app.Clock.AdjustTime(new DateTimeOffset(2026, 9, 30, 22, 0, 0, TimeSpan.Zero));
        var atMidnight = await app.Admin.Reminders.TriggerReminderScanAsync(cancellationToken: Ct);
        app.Clock.AdjustTime(new DateTimeOffset(2026, 12, 31, 22, 59, 0, TimeSpan.Zero));
        var lastEvening = await api.Discounts.GetDiscountAsync(tenant.Slug, discount.Id, Ct);
        app.Clock.AdjustTime(new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero));
        var newYear = await api.Discounts.GetDiscountAsync(tenant.Slug, discount.Id, Ct);

        Assert.Equal((new DateOnly(2026, 9, 30), 0), (beforeMidnight.ScannedOn, beforeMidnight.EvaluationsDue));
        Assert.Equal((new DateOnly(2026, 10, 1), 1), (atMidnight.ScannedOn, atMidnight.EvaluationsDue));
        Assert.Equal((TermStatus.Active, TermStatus.Ended), (lastEvening.Status, newYear.Status));
    }

    [Fact]
    public async Task An_unevaluated_period_becomes_overdue_and_endings_are_announced_ahead()
    {
        await using var app = new ClockedApp();
        await app.InitializeAsync();
        var (tenant, api, discount, lease) = await StaedionDiscountAsync(app, leaseEnd: new DateOnly(2027, 6, 30));

        app.MoveTo(new DateOnly(2026, 12, 1));
        var endingScan = await app.Admin.Reminders.TriggerReminderScanAsync(cancellationToken: Ct);
        app.MoveTo(new DateOnly(2027, 1, 1));
        var overdueScan = await app.Admin.Reminders.TriggerReminderScanAsync(cancellationToken: Ct);
        app.MoveTo(new DateOnly(2027, 4, 1));
        var leaseScan = await app.Admin.Reminders.TriggerReminderScanAsync(cancellationToken: Ct);

        Assert.Equal((1, 1, 0), (endingScan.DiscountsEnding, endingScan.EvaluationsDue, endingScan.LeasesEnding));
        Assert.Equal(1, overdueScan.EvaluationsOverdue);
        Assert.Equal(1, leaseScan.LeasesEnding);
        var feed = await FeedAsync(api, tenant);
        Assert.Equal(
            [(NotificationType.DiscountEvaluationDue, new DateOnly(2026, 10, 1)), (NotificationType.DiscountEvaluationOverdue, new DateOnly(2026, 12, 31)),
             (NotificationType.DiscountEnding, new DateOnly(2026, 12, 31)), (NotificationType.LeaseEnding, new DateOnly(2027, 6, 30))],
            feed.Select(n => (n.Type, n.DueOn)).OrderBy(n => n.DueOn).ThenBy(n => n.Type));
        Assert.Equal(lease.Id, feed.Single(n => n.Type == NotificationType.LeaseEnding).SubjectId);
        Assert.All(feed.Where(n => n.SubjectType == NotificationSubject.Discount), n => Assert.Equal(discount.Id, n.SubjectId));
    }

    [Fact]
    public async Task Notifications_are_acknowledged_once_and_filtered()
    {
        await using var app = new ClockedApp();
        await app.InitializeAsync();
        var (tenant, api, _, _) = await StaedionDiscountAsync(app);
        app.MoveTo(new DateOnly(2026, 12, 1));
        await app.Admin.Reminders.TriggerReminderScanAsync(cancellationToken: Ct);
        var first = (await FeedAsync(api, tenant))[0];

        var acknowledged = await api.Notifications.AcknowledgeNotificationAsync(tenant.Slug, first.Id, cancellationToken: Ct);
        var again = await api.Notifications.AcknowledgeNotificationAsync(tenant.Slug, first.Id, cancellationToken: Ct);
        var open = (await api.Notifications.ListNotificationsAsync(tenant.Slug, unacknowledged: true, cancellationToken: Ct)).Items;

        Assert.NotNull(acknowledged.AcknowledgedAt);
        Assert.Equal(acknowledged.AcknowledgedAt, again.AcknowledgedAt);
        Assert.DoesNotContain(first.Id, open.Select(n => n.Id));
        Assert.Single(open);
    }

    [Fact]
    public async Task A_client_that_only_reads_sees_the_feed_but_cannot_acknowledge_and_a_retried_acknowledgement_is_replayed()
    {
        await using var app = new ClockedApp();
        await app.InitializeAsync();
        var (tenant, api, _, _) = await StaedionDiscountAsync(app);
        app.MoveTo(new DateOnly(2026, 12, 1));
        await app.Admin.Reminders.TriggerReminderScanAsync(cancellationToken: Ct);
        var reader = await tenant.SignInAsync("leases:read", "discounts:read");
        var notification = (await FeedAsync(reader, tenant))[0];

        await ThrowsProblemAsync(403, () => reader.Notifications.AcknowledgeNotificationAsync(tenant.Slug, notification.Id, cancellationToken: Ct));
        Assert.Null((await FeedAsync(reader, tenant)).Single(n => n.Id == notification.Id).AcknowledgedAt);

        var key = Guid.NewGuid().ToString();
        var writer = await tenant.SignInAsync("leases:write");
        var acknowledged = await writer.Notifications.AcknowledgeNotificationAsync(tenant.Slug, notification.Id, key, Ct);
        using var retry = new HttpRequestMessage(HttpMethod.Post, $"/v1/tenants/{tenant.Slug}/notifications/{notification.Id}/ack");
        retry.Headers.Add("Idempotency-Key", key);
        using var replayed = await writer.Http.SendAsync(retry, Ct);
        Assert.NotNull(acknowledged.AcknowledgedAt);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Equal("true", replayed.Headers.GetValues("Idempotent-Replayed").Single());
    }

    [Fact]
    public async Task Only_the_platform_administrator_triggers_a_scan_and_feeds_stay_per_tenant()
    {
        await using var app = new ClockedApp();
        await app.InitializeAsync();
        var (tenant, api, _, _) = await StaedionDiscountAsync(app);
        app.MoveTo(new DateOnly(2026, 12, 1));
        await app.Admin.Reminders.TriggerReminderScanAsync(cancellationToken: Ct);
        var notification = (await FeedAsync(api, tenant))[0];
        var other = await (await app.CreateTenantAsync()).SignInAsync("discounts:read", "tenant:admin");

        await ThrowsProblemAsync(403, () => api.Reminders.TriggerReminderScanAsync(cancellationToken: Ct));
        await ThrowsProblemAsync(404, () => other.Notifications.ListNotificationsAsync(tenant.Slug, cancellationToken: Ct));
        await ThrowsProblemAsync(404, () => other.Notifications.AcknowledgeNotificationAsync(tenant.Slug, notification.Id, cancellationToken: Ct));
        var plinthsOnly = await tenant.SignInAsync("plinths:read");
        await ThrowsProblemAsync(403, () => plinthsOnly.Notifications.ListNotificationsAsync(tenant.Slug, cancellationToken: Ct));
        var problem = await ThrowsProblemAsync(400, () => api.Notifications.ListNotificationsAsync(tenant.Slug, limit: 0, cancellationToken: Ct));
        Assert.Equal(["limit"], problem.FieldNames());

        using var anonymous = app.Anonymous();
        using var response = await anonymous.PostAsync("/v1/admin/reminder-scans", null, Ct);
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
