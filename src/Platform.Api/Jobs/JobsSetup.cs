using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.SqlServer;
using Microsoft.Extensions.Options;
using Platform.Api.Features.Reminders;
using Platform.Api.Persistence;

namespace Platform.Api.Jobs;

public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>How often the Hangfire server looks for scheduled and recurring jobs.</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Serve the Hangfire dashboard at /hangfire (platform:admin only).</summary>
    public bool Dashboard { get; set; } = true;
}

/// <summary>
/// Hangfire runs the background work; the database stays the source of truth for what is due.
/// Storage follows the database provider: in memory for the embedded SQLite default, SQL Server otherwise.
/// </summary>
public static class JobsSetup
{
    public static IServiceCollection AddPlatformJobs(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database)
    {
        var jobs = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        // One storage per host, taken from DI by the server, the job clients and the dashboard. Hangfire's own default is the
        // static JobStorage.Current, which every host in a process shares: the test suite runs many hosts, and one host's
        // server could then run another's recurring scan against its own database.
        services.AddSingleton<JobStorage>(_ => database.Provider == DatabaseProvider.SqlServer
            ? new SqlServerStorage(database.ResolvedConnectionString)
            : new InMemoryStorage(new InMemoryStorageOptions()));
        // The same for the job activator: Hangfire's default is the static JobActivator.Current, which the last host to start
        // sets, so a host's server could build its jobs from another host's services (and database).
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire(hangfire => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHangfireServer(options =>
        {
            // Webhook deliveries wait on receivers, not on the CPU: as many workers as Hangfire takes by default (5 per core, at most 20).
            options.WorkerCount = Math.Min(20, 5 * Environment.ProcessorCount);
            options.SchedulePollingInterval = jobs.PollingInterval;
        });
        return services;
    }

    /// <summary>Registers (or updates) the recurring reminder scan with the configured interval, and the dashboard.</summary>
    public static WebApplication UseRecurringJobs(this WebApplication app)
    {
        if (app.Configuration.GetSection(JobsOptions.Section).Get<JobsOptions>()?.Dashboard ?? true)
            app.UseHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [new DashboardAuthorization()], AppPath = null });

        var interval = app.Services.GetRequiredService<IOptions<ReminderOptions>>().Value.ScanInterval;
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<ReminderScan>(ReminderScan.RecurringJobId, scan => scan.RunAsync(CancellationToken.None), CronFor(interval));
        return app;
    }

    /// <summary>A cron expression for an interval: every N seconds, minutes or hours.</summary>
    public static string CronFor(TimeSpan interval) => interval switch
    {
        { TotalSeconds: < 60 } => $"*/{Math.Max(1, (int)interval.TotalSeconds)} * * * * *",
        { TotalMinutes: < 60 } => $"*/{(int)interval.TotalMinutes} * * * *",
        _ => $"0 */{Math.Max(1, (int)interval.TotalHours)} * * *",
    };
}
