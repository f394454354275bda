using Platform.Api.Persistence;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Persistence;

/// <summary>
/// Tells in the test report whether this run exercised SQL Server. Set PLATFORM_TEST_SQLSERVER to a
/// connection string and the whole integration suite runs against a fresh database on that server.
/// </summary>
public sealed class SqlServerRunTests(PlatformApp app)
{
    [Fact]
    public async Task The_integration_suite_ran_against_sql_server()
    {
        Assert.SkipWhen(app.Provider != DatabaseProvider.SqlServer,
            $"SQL Server was not exercised: {PlatformApp.SqlServerVariable} is not set, so the suite ran on SQLite.");

        var tenant = await app.CreateTenantAsync();
        Assert.Equal(tenant.Slug, (await app.Admin.Tenants.GetTenantAsync(tenant.Slug, TestContext.Current.CancellationToken)).Slug);
    }
}
