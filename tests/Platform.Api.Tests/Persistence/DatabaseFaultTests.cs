using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Plinth.Platform.Client;
using Platform.Api.Persistence;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;
using Estate = Platform.Api.Tests.Infrastructure.RealEstate;

namespace Platform.Api.Tests.Persistence;

/// <summary>The API on a SQLite file the test owns, so that it can delete, replace, lock and restore that file.</summary>
public sealed class OwnFileApp(string file) : PlatformApp(file)
{
    public const string FrontEnd = "https://huurders.woonin.example";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Cors:AllowedOrigins:0", FrontEnd);
    }
}

/// <summary>
/// What clients and operators see while the database file is missing, replaced, read-only or locked, and that the
/// API heals by itself once it is back. Each test runs its own API instance on its own file.
/// </summary>
public sealed class DatabaseFaultTests : IAsyncLifetime
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static readonly TimeSpan HealingLimit = TimeSpan.FromSeconds(20);

    readonly string _directory = Path.Combine(Path.GetTempPath(), "plinth-faults", Guid.NewGuid().ToString("N"));
    OwnFileApp _app = null!;

    string DatabaseFile => Path.Combine(_directory, "platform.db");

    string BackupFile => Path.Combine(_directory, "backup.db");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _app = await StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    async Task<OwnFileApp> StartAsync()
    {
        var app = new OwnFileApp(DatabaseFile);
        await app.InitializeAsync();
        return app;
    }

    /// <summary>Woonin with the Herderplein plinth, signed in (its token fetched while the database is well).</summary>
    async Task<(PlatformApi Api, string Slug, PlinthResponse Plinth)> WooninWithHerderpleinAsync()
    {
        var tenant = await _app.CreateTenantAsync(name: "Woonin");
        var api = await tenant.SignInAsync("plinths:read", "plinths:write");
        var plinth = await api.Plinths.CreatePlinthAsync(tenant.Slug, Estate.Herderplein(), cancellationToken: Ct);
        return (api, tenant.Slug, plinth);
    }

    async Task<HttpStatusCode> ReadinessAsync()
    {
        using var http = _app.Anonymous();
        using var response = await http.GetAsync("/health/ready", Ct);
        return response.StatusCode;
    }

    async Task AssertHealsAsync()
    {
        var deadline = DateTime.UtcNow + HealingLimit;
        while (await ReadinessAsync() != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, $"/health/ready did not answer 200 within {HealingLimit.TotalSeconds} s");
            await Task.Delay(200, Ct);
        }
    }

    /// <summary>The answer the contract declares: problem+json, Retry-After, and CORS for the front end that asked.</summary>
    static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, Platform.Api.Errors.Problems.UnavailableType);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 503 carries Retry-After in seconds");
        Assert.Equal(OwnFileApp.FrontEnd, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    /// <summary>A create of the Herderplein plinth, as the tenant's front end sends it.</summary>
    static Task<HttpResponseMessage> CreateHerderpleinAsync(PlatformApi api, string slug)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/tenants/{slug}/plinths") { Content = JsonContent.Create(Estate.Herderplein()) };
        request.Headers.Add("Origin", OwnFileApp.FrontEnd);
        return api.Http.SendAsync(request, Ct);
    }

    [Fact]
    public async Task A_deleted_database_answers_503_until_a_backup_is_restored_and_then_heals_by_itself()
    {
        var (api, slug, before) = await WooninWithHerderpleinAsync();
        SqliteFiles.Backup(DatabaseFile, BackupFile);

        SqliteFiles.Delete(DatabaseFile);

        using (var refused = await CreateHerderpleinAsync(api, slug))
            await AssertUnavailableAsync(refused);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await ReadinessAsync());
        await ThrowsProblemAsync(503, () => api.Plinths.GetPlinthAsync(slug, before.Id, Ct));
        Assert.False(File.Exists(DatabaseFile), "a deleted database is not silently made again, empty");

        SqliteFiles.Replace(DatabaseFile, BackupFile);
        // No probe: the API's own watch adopts the restored file.
        await Task.Delay(DatabaseWatch.Interval * 2 + TimeSpan.FromSeconds(1), Ct);
        var after = await api.Plinths.CreatePlinthAsync(slug, Estate.Herderplein(), cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.OK, await ReadinessAsync());

        await _app.DisposeAsync();
        _app = await StartAsync();
        var restarted = await new TestTenant(_app, await _app.Admin.Tenants.GetTenantAsync(slug, Ct)).SignInAsync("plinths:read");
        var stored = (await restarted.Plinths.ListPlinthsAsync(slug, cancellationToken: Ct)).Items.Select(p => p.Id);
        Assert.Equal([before.Id, after.Id], stored);
        Assert.Equal("ok", SqliteFiles.IntegrityCheck(DatabaseFile));
    }

    [Fact]
    public async Task A_database_replaced_by_an_empty_file_answers_503_and_a_restored_backup_is_adopted()
    {
        var (api, slug, before) = await WooninWithHerderpleinAsync();
        SqliteFiles.Backup(DatabaseFile, BackupFile);
        var empty = Path.Combine(_directory, "empty.db");
        await File.WriteAllBytesAsync(empty, [], Ct);

        var key = $"herderplein-{Guid.NewGuid():N}";

        SqliteFiles.Replace(DatabaseFile, empty);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await ReadinessAsync());
        using (var refused = await CreateHerderpleinAsync(api, slug))
            await AssertUnavailableAsync(refused);
        var problem = await ThrowsProblemAsync(503, () => api.Plinths.CreatePlinthAsync(slug, Estate.Herderplein(), key, Ct));
        Assert.Equal(Platform.Api.Errors.Problems.UnavailableType, problem.Type);
        Assert.Equal(0, new FileInfo(DatabaseFile).Length);

        SqliteFiles.Replace(DatabaseFile, BackupFile);
        await AssertHealsAsync();
        Assert.Equal(before.Id, (await api.Plinths.GetPlinthAsync(slug, before.Id, Ct)).Id);
        // The retry with the same key runs: the refused request reserved nothing.
        var created = await api.Plinths.CreatePlinthAsync(slug, Estate.Herderplein(), key, Ct);
        Assert.Equal([before.Id, created.Id], (await api.Plinths.ListPlinthsAsync(slug, cancellationToken: Ct)).Items.Select(p => p.Id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-wal")]
    public async Task A_read_only_database_file_answers_503_without_ending_the_process_and_heals_when_writable(string part)
    {
        var (api, slug, before) = await WooninWithHerderpleinAsync();
        var path = DatabaseFile + part;
        Assert.True(File.Exists(path), $"{path} exists while the API has the database open");
        // The WAL index is in the process's memory: no memory-mapped -shm file whose refused page would be SIGBUS.
        Assert.False(File.Exists(DatabaseFile + "-shm"));

        await using (var readOnly = await SqliteFiles.MakeReadOnlyAsync(path))
        {
            Assert.SkipWhen(readOnly is null, "Needs chattr +i (root without CAP_LINUX_IMMUTABLE, or a file system without it)");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, await ReadinessAsync());
            using (var refused = await CreateHerderpleinAsync(api, slug))
                await AssertUnavailableAsync(refused);
            using var live = await _app.Anonymous().GetAsync("/health/live", Ct);
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        await AssertHealsAsync();
        using var created = await CreateHerderpleinAsync(api, slug);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(2, (await api.Plinths.ListPlinthsAsync(slug, cancellationToken: Ct)).Items.Count);
        Assert.Contains(before.Id, (await api.Plinths.ListPlinthsAsync(slug, cancellationToken: Ct)).Items.Select(p => p.Id));
    }

    [Fact]
    public async Task A_write_lock_held_by_another_process_answers_503_not_500_and_writes_resume_when_it_is_released()
    {
        var (api, slug, _) = await WooninWithHerderpleinAsync();

        await using (var other = new SqliteConnection($"Data Source={DatabaseFile};Pooling=False"))
        {
            await other.OpenAsync(Ct);
            await using var hold = other.CreateCommand();
            hold.CommandText = "BEGIN EXCLUSIVE";
            await hold.ExecuteNonQueryAsync(Ct);

            using var refused = await CreateHerderpleinAsync(api, slug);
            await AssertUnavailableAsync(refused);
        }

        using var created = await CreateHerderpleinAsync(api, slug);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }
}
