using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Api.Persistence;

namespace Platform.Api.Operations;

/// <summary>Ready when the database takes writes: on SQLite, the file the API writes to is the one at its path, and writable.</summary>
public sealed class DatabaseHealthCheck(DatabaseWatch watch) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await watch.CheckAsync(cancellationToken) is { } fault ? HealthCheckResult.Unhealthy(fault) : HealthCheckResult.Healthy();
}
