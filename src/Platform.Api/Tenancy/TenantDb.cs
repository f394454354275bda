using Platform.Api.Persistence;

namespace Platform.Api.Tenancy;

/// <summary>
/// The owner path: the one way tenant-owned tables are read and written for their owner; every statement is bound to the
/// request's tenant. Closed to a grantee request, which reads through <see cref="GranteeDb"/> only.
/// </summary>
public sealed class TenantDb(SystemDb db, TenantContext tenant)
{
    public Guid TenantId => tenant.Id;

    public Task<T> RunAsync<T>(Func<DbSession, Task<T>> work, CancellationToken ct) => db.RunAsync(work, Binding, transactional: false, ct);

    public Task<T> TransactAsync<T>(Func<DbSession, Task<T>> work, CancellationToken ct) => db.RunAsync(work, Binding, transactional: true, ct);

    SessionBinding Binding => tenant.Mode == AccessMode.Owner
        ? new SessionBinding(tenant.Id, Grant: null)
        : throw new InvalidOperationException("The owner path is closed to a grantee request.");
}
