using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Tenders.ShortlistScenarios;

namespace Platform.Api.Tests.Tenders;

/// <summary>The pitch night's slots, on the tender and on each applicant's receipt, and its reminder two days before, with a moving clock.</summary>
public sealed class PitchNightTests(TenderApp app) : IClassFixture<TenderApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Open from an hour ago on the app's clock for ten days, the pitch night a week after closing at 19:00 UTC, 15 minutes a pitch.</summary>
    CreateTenderRequest WithPitchNight(Landlord landlord)
    {
        var now = app.Clock.GetUtcNow();
        var request = TenderScenarios.PitchJePlan([landlord.Unit.Id], opensAt: now.AddHours(-1), closesAt: now.AddDays(10));
        request.PitchNight = new PitchNight { StartsAt = new DateTimeOffset(now.UtcDateTime.Date.AddDays(17).AddHours(19), TimeSpan.Zero), Location = "Buurthuis De Kade", MinutesPerPitch = 15 };
        return request;
    }

    [Fact]
    public async Task The_landlord_sees_every_slot_in_shortlist_order_and_each_applicant_only_its_own()
    {
        var plans = await app.ThreePlansAsync(WithPitchNight);
        var (rochdale, request, closed) = (plans.Rochdale, plans.Request, plans.Closed);
        var ((kade, kadeApi), (werf, werfApi)) = (plans.Kade, plans.Werf);
        var (fromKade, fromWerf, fromWebsite) = (plans.FromKade, plans.FromWerf, plans.FromWebsite);

        var shortlisted = await rochdale.Api.Tenders.ShortlistTenderAsync(rochdale.Slug, closed.Id, Shortlist(fromWerf, fromKade), cancellationToken: Ct);

        var start = request.PitchNight!.StartsAt;
        Assert.Equal([(fromWerf.Id, 1, start, start.AddMinutes(15)), (fromKade.Id, 2, start.AddMinutes(15), start.AddMinutes(30))],
            shortlisted.PitchSlots.Select(s => (s.ApplicationId, s.Number, s.StartsAt, s.EndsAt)));
        var read = await rochdale.Api.Tenders.GetTenderAsync(rochdale.Slug, closed.Id, Ct);
        Assert.Equal(shortlisted.PitchSlots.Select(s => s.ApplicationId), read.PitchSlots.Select(s => s.ApplicationId));
        Assert.Equal([fromWerf.Id, fromKade.Id], (await rochdale.Api.Tenders.ListTendersAsync(rochdale.Slug, cancellationToken: Ct)).Items
            .Single(t => t.Id == closed.Id).PitchSlots.Select(s => s.ApplicationId));

        var kadeReceipt = await kadeApi.Applications.GetApplicationReceiptAsync(kade.Slug, fromKade.Id, Ct);
        Assert.Equal((fromKade.Id, 2, start.AddMinutes(15)), (kadeReceipt.PitchSlot!.ApplicationId, kadeReceipt.PitchSlot.Number, kadeReceipt.PitchSlot.StartsAt));
        var werfReceipts = (await werfApi.Applications.ListApplicationReceiptsAsync(werf.Slug, cancellationToken: Ct)).Items;
        Assert.Equal(1, Assert.Single(werfReceipts).PitchSlot!.Number);
        Assert.Null((await rochdale.Api.Applications.GetTenderApplicationAsync(rochdale.Slug, closed.Id, fromWebsite.Id, Ct)).PitchSlot);
    }

    [Fact]
    public async Task Two_days_before_the_pitch_night_the_landlord_and_each_shortlisted_collective_are_reminded_once_over_reruns()
    {
        var plans = await app.ThreePlansAsync(WithPitchNight);
        var (rochdale, request, closed) = (plans.Rochdale, plans.Request, plans.Closed);
        var ((kade, kadeApi), (werf, werfApi)) = (plans.Kade, plans.Werf);
        var (fromKade, fromWerf, fromWebsite) = (plans.FromKade, plans.FromWerf, plans.FromWebsite);
        await rochdale.Api.Tenders.ShortlistTenderAsync(rochdale.Slug, closed.Id, Shortlist(fromKade, fromWebsite), cancellationToken: Ct);
        var start = request.PitchNight!.StartsAt;

        app.Clock.AdjustTime(start.AddDays(-2).AddMinutes(-1));
        await app.Admin.Reminders.TriggerReminderScanAsync(cancellationToken: Ct);
        Assert.Empty(await PitchNoticesAsync(rochdale.Api, rochdale.Slug));

        app.Clock.AdjustTime(start.AddDays(-2));
        var scans = new List<ReminderScanResponse>();
        for (var i = 0; i < 3; i++)
            scans.Add(await app.Admin.Reminders.TriggerReminderScanAsync(cancellationToken: Ct));
        app.Clock.AdjustTime(start.AddHours(1));
        await app.Admin.Reminders.TriggerReminderScanAsync(cancellationToken: Ct);

        Assert.True(scans[0].PitchNightsUpcoming >= 2);
        Assert.Equal(0, scans[2].PitchNightsUpcoming);
        var landlordNotice = Assert.Single(await PitchNoticesAsync(rochdale.Api, rochdale.Slug));
        Assert.Equal((NotificationSubject.Tender, closed.Id, DateOnly.FromDateTime(start.UtcDateTime)),
            (landlordNotice.SubjectType, landlordNotice.SubjectId, landlordNotice.DueOn));
        var kadeNotice = Assert.Single(await PitchNoticesAsync(kadeApi, kade.Slug));
        Assert.Equal((NotificationSubject.Application, fromKade.Id), (kadeNotice.SubjectType, kadeNotice.SubjectId));
        Assert.Contains($"number 1, from {start:yyyy-MM-dd HH:mm}", kadeNotice.Message);
        Assert.Empty(await PitchNoticesAsync(werfApi, werf.Slug));
    }

    static async Task<IList<NotificationResponse>> PitchNoticesAsync(PlatformApi api, string slug) =>
        (await api.Notifications.ListNotificationsAsync(slug, type: NotificationType.PitchNightUpcoming, cancellationToken: Ct)).Items;
}
