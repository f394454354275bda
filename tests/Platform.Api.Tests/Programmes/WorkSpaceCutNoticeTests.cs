using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Sharing;
using static Platform.Api.Tests.Programmes.DevelopmentScenarios;

namespace Platform.Api.Tests.Programmes;

/// <summary>A cut in a development's work space reaches the municipality that reads the owner's reports: its feed and its webhook, once.</summary>
public sealed class WorkSpaceCutNoticeTests(SharingApp app) : IClassFixture<SharingApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Utrecht_hears_of_Mitros_cutting_work_space_in_Merwede_exactly_once()
    {
        app.MoveTo(new DateOnly(2026, 10, 1));
        var (mitros, mitrosApi) = await CorporationAsync(app);
        var utrecht = await app.CreateTenantAsync(TenantKind.Municipality, "Gemeente Utrecht");
        var amsterdam = await app.CreateTenantAsync(TenantKind.Municipality, "Gemeente Amsterdam");
        var zeist = await app.CreateTenantAsync(TenantKind.Municipality, "Gemeente Zeist");
        var mitrosAdmin = await mitros.SignInAsync("tenant:admin");
        var reportsInUtrecht = SharingGrantTests.PerformanceAgreements(utrecht.Slug, SharedResource.Reports);
        reportsInUtrecht.Filter = new SharingGrantFilter { MunicipalityCodes = [Utrecht] };
        await mitrosAdmin.Sharing.CreateSharingGrantAsync(mitros.Slug, reportsInUtrecht, cancellationToken: Ct);
        await mitrosAdmin.Sharing.CreateSharingGrantAsync(mitros.Slug, SharingGrantTests.PerformanceAgreements(amsterdam.Slug), cancellationToken: Ct);
        var reportsElsewhere = SharingGrantTests.PerformanceAgreements(zeist.Slug, SharedResource.Reports);
        reportsElsewhere.Filter = new SharingGrantFilter { MunicipalityCodes = ["GM0355"] };
        await mitrosAdmin.Sharing.CreateSharingGrantAsync(mitros.Slug, reportsElsewhere, cancellationToken: Ct);
        var utrechtAdmin = await utrecht.SignInAsync("tenant:admin");
        var webhook = await utrechtAdmin.Webhooks.CreateWebhookAsync(utrecht.Slug, new CreateWebhookRequest
        {
            Url = new Uri("http://127.0.0.1:9/plinth"), Events = [NotificationType.ProgrammeWorkSpaceReduced],
        }, Ct);
        var merwede = await mitrosApi.Developments.CreateDevelopmentAsync(mitros.Slug, Merwede(), cancellationToken: Ct);
        await mitrosApi.Developments.CreateProgrammeVersionAsync(mitros.Slug, merwede.Id, Original(), cancellationToken: Ct);
        var key = Guid.NewGuid().ToString();

        var cut = await mitrosApi.Developments.CreateProgrammeVersionAsync(mitros.Slug, merwede.Id, WorkCut(), key, Ct);
        await mitrosApi.Developments.CreateProgrammeVersionAsync(mitros.Slug, merwede.Id, WorkCut(), key, Ct);
        var kept = WorkCut(reason: null);
        kept.DecidedOn = new DateOnly(2026, 9, 15);
        await mitrosApi.Developments.CreateProgrammeVersionAsync(mitros.Slug, merwede.Id, kept, cancellationToken: Ct);

        var feed = (await utrechtAdmin.Notifications.ListNotificationsAsync(utrecht.Slug, cancellationToken: Ct)).Items
            .Where(n => n.Type == NotificationType.ProgrammeWorkSpaceReduced).ToList();
        var notice = Assert.Single(feed);
        Assert.Equal((NotificationSubject.Development, merwede.Id, new DateOnly(2026, 9, 1)), (notice.SubjectType, notice.SubjectId, notice.DueOn));
        Assert.Contains("version 2", notice.Message);
        Assert.Contains("work 2500 → 1500 m²", notice.Message);
        Assert.Contains(cut.Reason!, notice.Message);
        var deliveries = (await utrechtAdmin.Webhooks.ListWebhookDeliveriesAsync(utrecht.Slug, webhook.Id, cancellationToken: Ct)).Items;
        Assert.Equal([NotificationType.ProgrammeWorkSpaceReduced], deliveries.Select(d => d.Event));

        foreach (var other in new[] { amsterdam, zeist, mitros })
        {
            var admin = await other.SignInAsync("tenant:admin");
            Assert.DoesNotContain((await admin.Notifications.ListNotificationsAsync(other.Slug, cancellationToken: Ct)).Items,
                n => n.Type == NotificationType.ProgrammeWorkSpaceReduced);
        }
    }
}
