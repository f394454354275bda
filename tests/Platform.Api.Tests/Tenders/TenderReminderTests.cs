using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;
using static Platform.Api.Tests.Tenders.ApplicationScenarios;

namespace Platform.Api.Tests.Tenders;

/// <summary>The reminder scan closes a tender at closesAt and tells the landlord three days before, each once, with a moving clock.</summary>
public sealed class TenderReminderTests(TenderApp app) : IClassFixture<TenderApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Three_days_before_closesAt_the_landlord_hears_once_and_at_closesAt_the_scan_closes_the_tender_once_as_the_system()
    {
        var rochdale = await app.LandlordAsync();
        var now = app.Clock.GetUtcNow();
        var closesAt = now.AddDays(10);
        var open = await rochdale.PublishedAsync(TenderScenarios.PitchJePlan([rochdale.Unit.Id], opensAt: now.AddHours(-1), closesAt: closesAt));
        var (_, kadeApi) = await app.CollectiveAsync();

        app.Clock.AdjustTime(closesAt.AddDays(-3).AddMinutes(-1));
        await app.Admin.Reminders.TriggerReminderScanAsync(cancellationToken: Ct);
        Assert.Empty(await ClosingSoonAsync(rochdale));

        app.Clock.AdjustTime(closesAt.AddDays(-3));
        var soon = new List<ReminderScanResponse>();
        for (var i = 0; i < 3; i++)
            soon.Add(await app.Admin.Reminders.TriggerReminderScanAsync(cancellationToken: Ct));
        var notice = Assert.Single(await ClosingSoonAsync(rochdale));
        Assert.Equal((NotificationSubject.Tender, open.Id), (notice.SubjectType, notice.SubjectId));
        Assert.True(soon[0].TendersClosingSoon >= 1);
        Assert.Equal(0, soon[2].TendersClosingSoon);
        Assert.Equal(TenderStatus.Open, (await rochdale.Api.Tenders.GetTenderAsync(rochdale.Slug, open.Id, Ct)).Status);

        app.Clock.AdjustTime(closesAt);
        var closing = new List<ReminderScanResponse>();
        for (var i = 0; i < 3; i++)
            closing.Add(await app.Admin.Reminders.TriggerReminderScanAsync(cancellationToken: Ct));

        var closed = await rochdale.Api.Tenders.GetTenderAsync(rochdale.Slug, open.Id, Ct);
        Assert.Equal(TenderStatus.Closed, closed.Status);
        Assert.Equal(closesAt, closed.ClosedAt);
        Assert.Equal([TenderTransition.Shortlist, TenderTransition.Cancel], closed.AllowedTransitions);
        Assert.True(closing[0].TendersClosed >= 1);
        Assert.Equal(0, closing[2].TendersClosed);
        var audit = await rochdale.Api.Audit.ListAuditEventsAsync(rochdale.Slug, AuditEntityType.Tender, open.Id, cancellationToken: Ct);
        var closedEvent = Assert.Single(audit.Items, e => e.Action == AuditAction.Closed);
        Assert.Equal("system", closedEvent.ClientId);
        Assert.Contains(closedEvent.Changes, c => c.Field == "status" && c.Old == "open" && c.New == "closed");
        Assert.Single(await ClosingSoonAsync(rochdale));
        await ThrowsProblemAsync(409, () => kadeApi.Applications.SubmitApplicationAsync(open.Id, Plan(UniqueEmail("late")), cancellationToken: Ct));
    }

    [Fact]
    public async Task A_tender_closed_by_hand_or_cancelled_is_neither_reminded_nor_closed_again()
    {
        var rochdale = await app.LandlordAsync();
        var now = app.Clock.GetUtcNow();
        var closedByHand = await rochdale.PublishedAsync(TenderScenarios.PitchJePlan([rochdale.Unit.Id], opensAt: now.AddHours(-1), closesAt: now.AddDays(2)));
        closedByHand = await rochdale.Api.Tenders.CloseTenderAsync(rochdale.Slug, closedByHand.Id, cancellationToken: Ct);
        var cancelled = await rochdale.PublishedAsync(TenderScenarios.PitchJePlan([(await rochdale.AnotherUnitAsync()).Id], opensAt: now.AddHours(-1), closesAt: now.AddDays(2)));
        await rochdale.Api.Tenders.CancelTenderAsync(rochdale.Slug, cancelled.Id, cancellationToken: Ct);

        app.Clock.AdjustTime(now.AddDays(3));
        await app.Admin.Reminders.TriggerReminderScanAsync(cancellationToken: Ct);

        Assert.Empty(await ClosingSoonAsync(rochdale));
        Assert.Equal(closedByHand.Etag, (await rochdale.Api.Tenders.GetTenderAsync(rochdale.Slug, closedByHand.Id, Ct)).Etag);
        Assert.Equal(TenderStatus.Cancelled, (await rochdale.Api.Tenders.GetTenderAsync(rochdale.Slug, cancelled.Id, Ct)).Status);
    }

    static async Task<IList<NotificationResponse>> ClosingSoonAsync(Landlord landlord) =>
        (await landlord.Api.Notifications.ListNotificationsAsync(landlord.Slug, type: NotificationType.TenderClosingSoon, cancellationToken: Ct)).Items;
}
