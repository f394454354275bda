using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Logging;
using Plinth.Platform.Client;
using Platform.Api.Persistence;
using Platform.Api.Tests.Contract;

[assembly: AssemblyFixture(typeof(Platform.Api.Tests.Infrastructure.PlatformApp))]
[assembly: ContractConformance]
[assembly: Platform.Api.Tests.Infrastructure.ServerLogsOnFailure]

namespace Platform.Api.Tests.Infrastructure;

/// <summary>
/// The API in this process on real Kestrel over loopback, with a fresh SQLite file (or a fresh SQL Server
/// database when PLATFORM_TEST_SQLSERVER holds a connection string) and its own token server.
/// One instance serves the whole test assembly; every test makes its own tenants, so tests share nothing.
/// </summary>
public class PlatformApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string SqlServerVariable = "PLATFORM_TEST_SQLSERVER";
    public const string AdminClientId = "platform-admin";
    public const string AdminSecret = "integration-tests-admin-secret";

    static int _hostsStarted;

    readonly string? _ownedDataDirectory;

    public PlatformApp()
        : this(sqliteFile: null)
    {
    }

    /// <param name="sqliteFile">A database file that outlives this instance (to restart the API on it); null for a fresh one.</param>
    /// <param name="port">A fixed loopback port, for an instance others must know the address of before it starts; 0 for any.</param>
    protected PlatformApp(string? sqliteFile, int port = 0)
    {
        var sqlServer = Environment.GetEnvironmentVariable(SqlServerVariable);
        if (string.IsNullOrWhiteSpace(sqlServer) || sqliteFile is not null)
        {
            if (sqliteFile is null)
            {
                _ownedDataDirectory = Path.Combine(Path.GetTempPath(), "plinth-tests", Guid.NewGuid().ToString("N"));
                sqliteFile = Path.Combine(_ownedDataDirectory, "platform.db");
            }

            Provider = DatabaseProvider.Sqlite;
            ConnectionString = $"Data Source={sqliteFile}";
        }
        else
        {
            Provider = DatabaseProvider.SqlServer;
            ConnectionString = new SqlConnectionStringBuilder(sqlServer) { InitialCatalog = $"plinth_test_{Guid.NewGuid():N}" }.ConnectionString;
        }

        Log = new HostLog($"{GetType().Name}#{Interlocked.Increment(ref _hostsStarted)}");
        UseKestrel(port);
    }

    /// <summary>This host's recent log lines; a failing test's output shows the ones it caused (TestServerLogs).</summary>
    public HostLog Log { get; }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Signed in as the bootstrap platform administrator.</summary>
    public PlatformApi Admin { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("Bootstrap:ClientId", AdminClientId);
        builder.UseSetting("Bootstrap:ClientSecret", AdminSecret);
        // One instance serves the whole suite through one administrator client (and, without a token, one address):
        // the limits themselves are tested on RateLimitedApp.
        builder.UseSetting("RateLimiting:PermitLimit", "1000000");
        builder.ConfigureLogging(logging => logging.AddProvider(Log));
    }

    public ValueTask InitializeAsync()
    {
        if (Provider == DatabaseProvider.SqlServer)
            DbUp.EnsureDatabase.For.SqlDatabase(ConnectionString);

        StartServer();
        BaseAddress = ClientOptions.BaseAddress;
        Admin = SignIn(AdminClientId, AdminSecret);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Typed API clients that get their tokens from the token server with these credentials.
    /// Like every client handed out here, it checks each response against the contract (ContractConformanceHandler).
    /// </summary>
    public PlatformApi SignIn(string clientId, string secret, params string[] scopes) => PlatformApi.SignIn(BaseAddress, clientId, secret, scopes);

    /// <summary>A plain HTTP client with no token, for hand-shaped requests.</summary>
    public HttpClient Anonymous() => new(new ContractConformanceHandler(new TestTraceHandler())) { BaseAddress = BaseAddress };

    /// <summary>A plain HTTP client carrying this bearer token.</summary>
    public HttpClient WithToken(string accessToken)
    {
        var http = Anonymous();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return http;
    }

    /// <summary>Asks the token server directly; returns the raw response.</summary>
    public async Task<HttpResponseMessage> RequestTokenAsync(string clientId, string secret, string? scope = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret };
        if (scope is not null)
            form["scope"] = scope;
        using var http = Anonymous();
        return await http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
    }

    public async Task<string> AccessTokenAsync(string clientId, string secret, string? scope = null)
    {
        using var response = await RequestTokenAsync(clientId, secret, scope);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("access_token").GetString()!;
    }

    /// <summary>A new tenant with a unique slug, made by the platform administrator.</summary>
    public async Task<TestTenant> CreateTenantAsync(TenantKind kind = TenantKind.HousingCorporation, string? name = null)
    {
        var slug = $"t-{Guid.NewGuid():N}"[..20];
        var tenant = await Admin.Tenants.CreateTenantAsync(new CreateTenantRequest
        {
            Slug = slug,
            Name = name ?? $"Woningcorporatie {slug}",
            Kind = kind,
            MunicipalityCode = "GM0344",
        }, cancellationToken: TestContext.Current.CancellationToken);
        return new TestTenant(this, tenant);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownedDataDirectory is not null && Directory.Exists(_ownedDataDirectory))
            Directory.Delete(_ownedDataDirectory, recursive: true);
    }
}
