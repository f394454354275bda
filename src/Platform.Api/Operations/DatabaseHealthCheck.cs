using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Api.Persistence;

namespace Platform.Api.Operations;

public sealed class DatabaseHealthCheck(Db db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.RunAsync(session => session.ExecuteScalarAsync<int>("SELECT 1", null, cancellationToken), cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.", e);
        }
    }
}
