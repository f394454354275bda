using Plinth.Platform.Client;
using Platform.Api.Tests.Contract;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>The generated clients over one signed-in HTTP client.</summary>
public sealed class PlatformApi(HttpClient http)
{
    /// <summary>Typed API clients that get their tokens from the token server at <paramref name="baseAddress"/> with these credentials.</summary>
    public static PlatformApi SignIn(Uri baseAddress, string clientId, string secret, params string[] scopes)
    {
        var options = new PlatformClientOptions { BaseAddress = baseAddress, ClientId = clientId, ClientSecret = secret, Scopes = scopes };
        var tokens = new ClientCredentialsTokenSource(new HttpClient(new TestTraceHandler()) { BaseAddress = baseAddress }, options);
        var http = new HttpClient(new ClientCredentialsHandler(tokens) { InnerHandler = new ContractConformanceHandler(new TestTraceHandler()) }) { BaseAddress = baseAddress };
        return new PlatformApi(http);
    }

    public HttpClient Http { get; } = http;

    public ITenantsClient Tenants { get; } = new TenantsClient(http);

    public IApiClientsClient ApiClients { get; } = new ApiClientsClient(http);

    public IPlinthsClient Plinths { get; } = new PlinthsClient(http);

    public IUnitsClient Units { get; } = new UnitsClient(http);

    public ILeasesClient Leases { get; } = new LeasesClient(http);

    public IAuditClient Audit { get; } = new AuditClient(http);

    public IDiscountsClient Discounts { get; } = new DiscountsClient(http);

    public IDiscountBudgetsClient Budgets { get; } = new DiscountBudgetsClient(http);

    public IDiscountPolicyClient DiscountPolicy { get; } = new DiscountPolicyClient(http);

    public IRentClient Rent { get; } = new RentClient(http);

    public IRentRevisionsClient RentRevisions { get; } = new RentRevisionsClient(http);

    public INotificationsClient Notifications { get; } = new NotificationsClient(http);

    public IRemindersClient Reminders { get; } = new RemindersClient(http);

    public IWebhooksClient Webhooks { get; } = new WebhooksClient(http);

    public ISharingClient Sharing { get; } = new SharingClient(http);

    public ITendersClient Tenders { get; } = new TendersClient(http);

    public IApplicationsClient Applications { get; } = new ApplicationsClient(http);

    public IDevelopmentsClient Developments { get; } = new DevelopmentsClient(http);

    public INormsClient Norms { get; } = new NormsClient(http);
    public IJurorsClient Jurors { get; } = new JurorsClient(http);

    public IAwardsClient Awards { get; } = new AwardsClient(http);

    public IReportsClient Reports { get; } = new ReportsClient(http);
}

/// <summary>A tenant made for one test, with helpers to sign in as its API clients.</summary>
public sealed class TestTenant(PlatformApp app, TenantResponse tenant)
{
    public TenantResponse Tenant { get; } = tenant;

    public string Slug => Tenant.Slug;

    /// <summary>Creates an API client of this tenant with these scopes and signs in as it.</summary>
    public async Task<(PlatformApi Api, CreatedApiClientResponse Client)> ClientAsync(params string[] scopes)
    {
        var created = await app.Admin.ApiClients.CreateApiClientAsync(
            Slug, new CreateApiClientRequest { DisplayName = $"{Slug} test client", Scopes = [.. scopes.Select(Scope.Parse)] },
            TestContext.Current.CancellationToken);
        return (app.SignIn(created.ClientId, created.ClientSecret), created);
    }

    public async Task<PlatformApi> SignInAsync(params string[] scopes) => (await ClientAsync(scopes)).Api;
}

/// <summary>Scopes as tests write them (<c>plinths:read</c>) and as the generated client types them.</summary>
public static class Scope
{
    static readonly System.Text.Json.JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static ApiScope Parse(string scope) => System.Text.Json.JsonSerializer.Deserialize<ApiScope>($"\"{scope}\"", Json);

    public static string[] AllTenantScopes() =>
        Enum.GetValues<ApiScope>().Where(s => s is not (ApiScope.PlatformAdmin or ApiScope.PlatformOperations))
            .Select(s => System.Text.Json.JsonSerializer.Serialize(s, Json).Trim('"')).ToArray();
}
