using System.Collections.Concurrent;
using System.Data;
using Dapper;

namespace Platform.Api.Persistence;

/// <summary>The grant a grantee session reads under: the statements compare the grant view's term with <see cref="Day"/>.</summary>
public sealed record GrantBinding(Guid GrantId, Guid GranteeTenantId, string Resource, DateOnly Day);

/// <summary>
/// What a tenant session binds every statement to: the owner's id (<c>@TenantId</c>), and on the grantee path the grant
/// (<c>@GrantId</c>, <c>@GranteeTenantId</c>, <c>@GrantedResource</c>, <c>@GrantDay</c>). That each statement filters by its
/// path is proved on its parse tree by a test (TenantFilterTests), for every SQL constant; here the grantee path only
/// refuses a statement that plainly does not read through the grant view, so a store that hands it an owner statement fails.
/// </summary>
public sealed record SessionBinding(Guid TenantId, GrantBinding? Grant)
{
    /// <summary>The view every grantee statement reads the owner's rows through (migration 0007).</summary>
    public const string GrantView = "granted_plinths";

    /// <summary>The tenant whose rows the session may write: the owner, or on the grantee path the grantee itself (nothing of the owner's).</summary>
    public Guid WritingTenantId => Grant?.GranteeTenantId ?? TenantId;

    public void Check(string sql)
    {
        if (Grant is not null && (!sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
                                  || !sql.Contains(GrantView, StringComparison.Ordinal)))
            throw new InvalidOperationException($"A grantee statement must be a SELECT through {GrantView}.");
    }

    /// <summary>
    /// The statement's own parameters with the binding's. Dapper's <c>DynamicParameters</c> finds its parameter writer
    /// for the statement under one lock for the whole process, on every call: with every tenant statement bound through it,
    /// concurrent requests queued there (a third of the busy samples of GET one discount, five statements, under load).
    /// A bag of named values (the audit log's) still goes through it, with the binding added by name as before.
    /// </summary>
    public object Bind(object? param)
    {
        if (param is DynamicParameters)
        {
            var parameters = new DynamicParameters(param);
            foreach (var (name, value) in BoundValues())
                parameters.Add(name, value);
            return parameters;
        }

        return new BoundParameters(param, _values);
    }

    readonly object _values = Grant is { } grant
        ? new GrantValues(TenantId, grant.GrantId, grant.GranteeTenantId, GrantedResource(grant), grant.Day)
        : new OwnerValues(TenantId);

    IEnumerable<(string Name, object Value)> BoundValues()
    {
        yield return (nameof(OwnerValues.TenantId), TenantId);
        if (Grant is { } grant)
        {
            yield return (nameof(GrantValues.GrantId), grant.GrantId);
            yield return (nameof(GrantValues.GranteeTenantId), grant.GranteeTenantId);
            yield return (nameof(GrantValues.GrantedResource), GrantedResource(grant));
            yield return (nameof(GrantValues.GrantDay), grant.Day);
        }
    }

    static string GrantedResource(GrantBinding grant) => $"% {grant.Resource} %";

    sealed record OwnerValues(Guid TenantId);

    sealed record GrantValues(Guid TenantId, Guid GrantId, Guid GranteeTenantId, string GrantedResource, DateOnly GrantDay);

    /// <summary>
    /// What <c>DynamicParameters</c> does with one object of values and the binding, with Dapper's own generated writers in
    /// a lock-free cache: the values' members that the statement names, then the binding's (all, and last, so that they win
    /// over a value of the same name).
    /// </summary>
    sealed class BoundParameters(object? values, object binding) : SqlMapper.IDynamicParameters
    {
        static readonly ConcurrentDictionary<(SqlMapper.Identity, bool), Action<IDbCommand, object>> Writers = new();

        public void AddParameters(IDbCommand command, SqlMapper.Identity identity)
        {
            if (values is not null)
                Write(command, identity, values, onlyNamed: true);
            Write(command, identity, binding, onlyNamed: false);
        }

        static void Write(IDbCommand command, SqlMapper.Identity identity, object values, bool onlyNamed) =>
            Writers.GetOrAdd((identity.ForDynamicParameters(values.GetType()), onlyNamed),
                static key => SqlMapper.CreateParamInfoGenerator(key.Item1, checkForDuplicates: true, removeUnused: key.Item2))(command, values);
    }
}
