using Hangfire;
using Hangfire.InMemory;
using Platform.Api.Persistence;

namespace Platform.Api.Jobs;

/// <summary>
/// Hangfire runs the background work; the database stays the source of truth for what is due.
/// Storage follows the database provider: in memory for the embedded SQLite default, SQL Server otherwise.
/// </summary>
public static class JobsSetup
{
    public static IServiceCollection AddPlatformJobs(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddHangfire(configuration =>
        {
            configuration
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();

            if (database.Provider == DatabaseProvider.SqlServer)
                configuration.UseSqlServerStorage(database.ResolvedConnectionString);
            else
                configuration.UseInMemoryStorage(new InMemoryStorageOptions());
        });
        services.AddHangfireServer(options => options.WorkerCount = Math.Max(2, Environment.ProcessorCount));
        return services;
    }
}
