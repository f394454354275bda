using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using Estate = Platform.Api.Tests.Infrastructure.RealEstate;

namespace Platform.Api.Tests.Reminders;

/// <summary>A 7:290 lease reminds of its notice deadline; a 7:230a lease of its end, as before.</summary>
public sealed class LeaseNoticeReminderTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    static readonly DateOnly January2026 = new(2026, 1, 1);

    [Fact]
    public async Task A_three_year_lunchroom_lease_reminds_once_a_month_before_its_notice_deadline_and_never_of_its_agreed_end()
    {
        await using var app = new ClockedApp();
        await app.InitializeAsync();
        var (tenant, api, lunchroom) = await Estate.UnitAsync(app, "HOR");
        var lease = await api.Leases.CreateLeaseAsync(tenant.Slug,
            Estate.Lease(lunchroom.Id, January2026, new DateOnly(2028, 12, 31), regime: null), cancellationToken: Ct);

        app.MoveTo(new DateOnly(2028, 12, 1));
        var aroundAgreedEnd = await app.Admin.Reminders.TriggerReminderScanAsync(cancellationToken: Ct);
        app.MoveTo(new DateOnly(2029, 11, 29));
        var dayBefore = await app.Admin.Reminders.TriggerReminderScanAsync(cancellationToken: Ct);
        app.MoveTo(new DateOnly(2029, 11, 30));
        var scans = new List<ReminderScanResponse>();
        for (var i = 0; i < 3; i++)
            scans.Add(await app.Admin.Reminders.TriggerReminderScanAsync(cancellationToken: Ct));

        Assert.Equal((0, 0), (aroundAgreedEnd.LeasesEnding, aroundAgreedEnd.LeaseNoticeDeadlines));
        Assert.Equal(0, dayBefore.LeaseNoticeDeadlines);
        Assert.Equal([1, 0, 0], scans.Select(s => s.LeaseNoticeDeadlines));
        var feed = (await api.Notifications.ListNotificationsAsync(tenant.Slug, cancellationToken: Ct)).Items;
        var reminder = Assert.Single(feed);
        Assert.Equal((NotificationType.LeaseNoticeDeadline, NotificationSubject.Lease, lease.Id, new DateOnly(2029, 12, 31)),
            (reminder.Type, reminder.SubjectType, reminder.SubjectId, reminder.DueOn));
    }

    [Fact]
    public async Task A_lease_extended_by_law_reminds_of_its_next_deadline_and_a_terminated_one_of_its_end()
    {
        await using var app = new ClockedApp();
        await app.InitializeAsync();
        var (tenant, api, lunchroom) = await Estate.UnitAsync(app, "HOR");
        var lease = await api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(lunchroom.Id, January2026, regime: null), cancellationToken: Ct);

        app.MoveTo(new DateOnly(2031, 1, 1));
        var extended = await api.Leases.GetLeaseAsync(tenant.Slug, lease.Id, Ct);
        var missedDeadline = await app.Admin.Reminders.TriggerReminderScanAsync(cancellationToken: Ct);
        app.MoveTo(new DateOnly(2034, 11, 30));
        var secondDeadline = await app.Admin.Reminders.TriggerReminderScanAsync(cancellationToken: Ct);
        var terminated = await api.Leases.TerminateLeaseAsync(tenant.Slug, lease.Id,
            new TerminateLeaseRequest { EndDate = new DateOnly(2035, 12, 31), Reason = "Opgezegd door de huurder." }, cancellationToken: Ct);
        app.MoveTo(new DateOnly(2035, 10, 2));
        var ending = await app.Admin.Reminders.TriggerReminderScanAsync(cancellationToken: Ct);

        Assert.Equal((new DateOnly(2030, 12, 31), new DateOnly(2029, 12, 31)), (lease.StatutoryEndDate, lease.NoticeDeadline));
        Assert.Equal((new DateOnly(2035, 12, 31), new DateOnly(2034, 12, 31)), (extended.StatutoryEndDate, extended.NoticeDeadline));
        Assert.Equal(0, missedDeadline.LeaseNoticeDeadlines);
        Assert.Equal(1, secondDeadline.LeaseNoticeDeadlines);
        Assert.Equal((null, null), (terminated.StatutoryEndDate, terminated.NoticeDeadline));
        Assert.Equal(1, ending.LeasesEnding);
        var feed = (await api.Notifications.ListNotificationsAsync(tenant.Slug, cancellationToken: Ct)).Items;
        Assert.Equal([(NotificationType.LeaseNoticeDeadline, new DateOnly(2034, 12, 31)), (NotificationType.LeaseEnding, new DateOnly(2035, 12, 31))],
            feed.Select(n => (n.Type, n.DueOn)));
    }
}
