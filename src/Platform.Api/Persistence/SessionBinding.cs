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

    public DynamicParameters Bind(object? param)
    {
        var parameters = new DynamicParameters(param);
        parameters.Add("TenantId", TenantId);
        if (Grant is { } grant)
        {
            parameters.Add("GrantId", grant.GrantId);
            parameters.Add("GranteeTenantId", grant.GranteeTenantId);
            parameters.Add("GrantedResource", $"% {grant.Resource} %");
            parameters.Add("GrantDay", grant.Day);
        }

        return parameters;
    }
}
