using Hangfire.Dashboard;
using Platform.Api.Security;

namespace Platform.Api.Jobs;

/// <summary>The Hangfire dashboard is for platform administrators only: a bearer token with platform:admin.</summary>
public sealed class DashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.HasScope(ApiScopes.PlatformAdmin);
}
