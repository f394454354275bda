using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Plinth.Platform.Client;
using Platform.Api.Tests.Discounts;
using Platform.Api.Tests.Infrastructure;
using Estate = Platform.Api.Tests.Infrastructure.RealEstate;

namespace Platform.Api.Tests.Reminders;

/// <summary>An instance whose Hangfire server runs the recurring reminder scan every second.</summary>
public sealed class EverySecondScanApp : ClockedApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Reminders:ScanInterval", "00:00:01");
        builder.UseSetting("Jobs:PollingInterval", "00:00:01");
    }
}

public sealed class RecurringScanTests(EverySecondScanApp app) : IClassFixture<EverySecondScanApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Hangfire_runs_the_scan_on_its_own_and_it_writes_the_reminder_once()
    {
        var tenant = await app.CreateTenantAsync();
        var api = await tenant.SignInAsync("plinths:write", "leases:write", "discounts:read", "discounts:write");
        var plinth = await api.Plinths.CreatePlinthAsync(tenant.Slug, Estate.Herderplein(), cancellationToken: Ct);
        var unit = await api.Units.CreateUnitAsync(tenant.Slug, Estate.Atelier(plinth.Id), cancellationToken: Ct);
        var lease = await api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(unit.Id, new DateOnly(2026, 1, 1)), cancellationToken: Ct);
        await api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, DiscountTests.TwentyFivePercent(), cancellationToken: Ct);

        app.MoveTo(new DateOnly(2026, 10, 1));
        IList<NotificationResponse> due = [];
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (due.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250, Ct);
            due = (await api.Notifications.ListNotificationsAsync(tenant.Slug, type: NotificationType.DiscountEvaluationDue, cancellationToken: Ct)).Items;
        }

        await Task.Delay(TimeSpan.FromSeconds(2.5), Ct); // a few more scans run meanwhile
        var after = (await api.Notifications.ListNotificationsAsync(tenant.Slug, type: NotificationType.DiscountEvaluationDue, cancellationToken: Ct)).Items;

        Assert.Single(due);
        Assert.Single(after);
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == "reminder-scan");
        Assert.Equal("*/1 * * * * *", job.Cron);
        Assert.NotNull(job.LastExecution);
    }
}
