using Platform.Api.Persistence;

namespace Platform.Api.Tenancy;

/// <summary>
/// The one way tenant-owned tables are read and written: every statement is bound to the request's tenant.
/// </summary>
public sealed class TenantDb(SystemDb db, TenantContext tenant)
{
    public Guid TenantId => tenant.Id;

    public Task<T> RunAsync<T>(Func<DbSession, Task<T>> work, CancellationToken ct) => db.RunAsync(work, tenant.Id, transactional: false, ct);

    public Task<T> TransactAsync<T>(Func<DbSession, Task<T>> work, CancellationToken ct) => db.RunAsync(work, tenant.Id, transactional: true, ct);
}
