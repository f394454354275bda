using System.Net;
using Dapper;
using Microsoft.Data.Sqlite;
using Platform.Api.Persistence;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Errors;

/// <summary>An instance whose database loses a table after start, to see what a client gets from a real failure.</summary>
public sealed class BrokenDatabaseApp : PlatformApp;

public sealed class ServerErrorTests(BrokenDatabaseApp app) : IClassFixture<BrokenDatabaseApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_failure_inside_the_api_is_a_500_problem_without_internals()
    {
        Assert.SkipWhen(app.Provider != DatabaseProvider.Sqlite, "The fault is injected into the SQLite file.");
        var token = await app.AccessTokenAsync(PlatformApp.AdminClientId, PlatformApp.AdminSecret);
        await using (var connection = new SqliteConnection(app.ConnectionString))
            await connection.ExecuteAsync("ALTER TABLE tenants RENAME TO tenants_lost");

        using var http = app.WithToken(token);
        using var response = await http.GetAsync("/v1/tenants", Ct);

        var body = await response.AssertProblemAsync(HttpStatusCode.InternalServerError, "urn:plinth:problem:internal");
        var text = body.ToString();
        Assert.DoesNotContain("SqliteException", text);
        Assert.DoesNotContain("tenants", text.Replace("/v1/tenants", "", StringComparison.Ordinal));
        Assert.DoesNotContain(" at ", text);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("traceId").GetString()));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.CacheControl?.NoStore, "an authenticated answer is no-store");
    }
}
