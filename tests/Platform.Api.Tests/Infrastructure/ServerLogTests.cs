using System.Diagnostics;
using System.Net;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Platform.Api.Persistence;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>What the test hosts keep of their own log (<see cref="HostLog"/>) and what a failing test shows of it (<see cref="TestServerLogs"/>).</summary>
public sealed class ServerLogTests(PlatformApp app)
{
    const string UnhandledExceptionCategory = "Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware";

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Platform.Api.Operations.RequestLogging", LogLevel.Information, true)]
    [InlineData("Platform.Api.Operations.RequestLogging", LogLevel.Debug, false)]
    [InlineData(UnhandledExceptionCategory, LogLevel.Error, true)]
    [InlineData("Platform.Api.Features.Webhooks.WebhookSender", LogLevel.Warning, true)]
    [InlineData("Platform.Api.Features.Webhooks.WebhookSender", LogLevel.Information, false)]
    [InlineData("Hangfire.Server.BackgroundServerProcess", LogLevel.Critical, true)]
    [InlineData("Microsoft.Hosting.Lifetime", LogLevel.Information, false)]
    [InlineData("Platform.Api.Operations.RequestLogging", LogLevel.None, false)]
    public void Keeps_warnings_from_every_category_and_information_only_from_the_request_log(string category, LogLevel level, bool kept) =>
        Assert.Equal(kept, HostLog.Keeps(category, level));

    [Fact]
    public void A_host_and_a_test_keep_their_last_500_lines()
    {
        using var log = new HostLog("bounded");
        var watch = log.CreateLogger("Platform.Api.Persistence.DatabaseWatch");
        for (var number = 1; number <= HostLog.Capacity + 20; number++)
            watch.LogWarning("Warning {Number}", number);

        var lines = log.Lines();
        Assert.Equal(HostLog.Capacity, lines.Count);
        Assert.Equal("Warning 21", lines[0].Message);
        Assert.Equal($"Warning {HostLog.Capacity + 20}", lines[^1].Message);

        // A host started inside a test belongs to it: the test keeps its latest lines too, and says how many it dropped.
        var test = TestServerLogs.OfCurrentTest();
        Assert.Equal(lines, test.Lines());
        Assert.Contains($"Server log lines of this test: {HostLog.Capacity} (and 20 earlier ones, dropped)", test.Report());
    }

    [Fact]
    public async Task A_500_leaves_its_unhandled_exception_with_the_stack_in_the_failure_report_of_the_test_that_caused_it()
    {
        Assert.SkipWhen(app.Provider != DatabaseProvider.Sqlite, "The fault is injected into the SQLite file.");
        await using var broken = new PlatformApp();
        await broken.InitializeAsync();
        var token = await broken.AccessTokenAsync(PlatformApp.AdminClientId, PlatformApp.AdminSecret);
        await using (var connection = new SqliteConnection(broken.ConnectionString))
            await connection.ExecuteAsync("ALTER TABLE tenants RENAME TO tenants_lost");

        using var http = broken.WithToken(token);
        using var response = await http.GetAsync("/v1/tenants", Ct);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);

        var unhandled = Assert.Single(broken.Log.Lines(), l => l.Category == UnhandledExceptionCategory);
        Assert.Equal(LogLevel.Error, unhandled.Level);
        Assert.Equal(TestTraceHandler.CurrentTestTrace, unhandled.Trace);
        var exception = Assert.IsType<string>(unhandled.Exception);
        Assert.StartsWith("Microsoft.Data.Sqlite.SqliteException", exception);
        Assert.Contains("no such table: tenants", exception);
        Assert.Contains(" at Platform.Api.", exception);

        var report = TestServerLogs.OfCurrentTest().Report();
        Assert.Contains($"{broken.Log.Host} Error {UnhandledExceptionCategory}: {unhandled.Message}", report);
        Assert.Contains(exception.Split(Environment.NewLine)[^1].Trim(), report);
        // The exception came from authentication (the token's tenant is looked up): its request still has its line.
        Assert.StartsWith("GET /v1/tenants answered 500 in ", (await RequestLineAsync(broken, "/v1/tenants"))?.Message);
    }

    [Fact]
    public async Task An_exception_that_escapes_an_endpoint_is_logged_as_the_500_it_answers()
    {
        Assert.SkipWhen(app.Provider != DatabaseProvider.Sqlite, "The fault is injected into the SQLite file.");
        await using var broken = new PlatformApp();
        await broken.InitializeAsync();
        var tenant = await broken.CreateTenantAsync();
        var api = await tenant.SignInAsync("plinths:read");
        await using (var connection = new SqliteConnection(broken.ConnectionString))
            await connection.ExecuteAsync("ALTER TABLE plinths RENAME TO plinths_lost");
        var path = $"/v1/tenants/{tenant.Slug}/plinths";

        using var response = await api.Http.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.StartsWith($"GET {path} answered 500 in ", (await RequestLineAsync(broken, path))?.Message);
    }

    /// <summary>The request line of GET <paramref name="path"/>: written once the response has gone, so it may come a moment after the answer.</summary>
    static async Task<HostLogLine?> RequestLineAsync(PlatformApp host, string path)
    {
        for (var tries = 0; tries < 50; tries++)
        {
            if (host.Log.Lines().SingleOrDefault(l => l.Category == HostLog.RequestLogCategory && l.Message.StartsWith($"GET {path} ", StringComparison.Ordinal)) is { } line)
                return line;
            await Task.Delay(100, Ct);
        }

        return null;
    }

    [Fact]
    public async Task A_request_line_on_the_shared_host_goes_to_the_test_that_sent_the_request_and_to_no_other()
    {
        var mine = $"/v1/tenants/{Guid.NewGuid():N}/plinths";
        var another = $"/v1/tenants/{Guid.NewGuid():N}/plinths";
        using var http = app.Anonymous();
        using (await http.GetAsync(mine, Ct))
        {
        }

        using var anotherTests = new HttpRequestMessage(HttpMethod.Get, another);
        anotherTests.Headers.Add("traceparent", $"00-{ActivityTraceId.CreateRandom().ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using (await http.SendAsync(anotherTests, Ct))
        {
        }

        // The request line is written once the response has been sent, so it may land just after the client has it.
        var hostLines = await LinesOnceAsync(app.Log, mine, another);
        var myLine = Assert.Single(hostLines, l => l.Message.Contains(mine, StringComparison.Ordinal));
        Assert.Equal(HostLog.RequestLogCategory, myLine.Category);
        Assert.Equal($"GET {mine} answered 401", myLine.Message[..myLine.Message.IndexOf(" in ", StringComparison.Ordinal)]);

        var own = TestServerLogs.OfCurrentTest().Lines();
        Assert.Contains(myLine, own);
        Assert.DoesNotContain(own, l => l.Message.Contains(another, StringComparison.Ordinal));
    }

    static async Task<IReadOnlyList<HostLogLine>> LinesOnceAsync(HostLog log, params string[] paths)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (true)
        {
            var lines = log.Lines();
            if (paths.All(path => lines.Any(l => l.Message.Contains(path, StringComparison.Ordinal))) || DateTime.UtcNow > deadline)
                return lines;
            await Task.Delay(20, Ct);
        }
    }
}
