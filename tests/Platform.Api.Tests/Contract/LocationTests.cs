using System.Net;
using System.Net.Http.Headers;
using Plinth.Platform.Client;
using Platform.Api.Tests.Discounts;
using Platform.Api.Tests.Infrastructure;
using Estate = Platform.Api.Tests.Infrastructure.RealEstate;

namespace Platform.Api.Tests.Contract;

/// <summary>Every create answers 201 with a Location, and that Location is a resource the creator can read.</summary>
public sealed class LocationTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Keeps the Location of every 201 that passes through it.</summary>
    sealed class CreatedLocations : DelegatingHandler
    {
        public List<(string Request, Uri? Location)> Seen { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Created)
                Seen.Add(($"{request.Method} {request.RequestUri!.AbsolutePath}", response.Headers.Location));
            return response;
        }
    }

    async Task<(PlatformApi Api, CreatedLocations Locations)> RecordingAsync(string clientId, string secret)
    {
        var locations = new CreatedLocations { InnerHandler = new SocketsHttpHandler() };
        var http = new HttpClient(locations) { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.AccessTokenAsync(clientId, secret));
        return (new PlatformApi(http), locations);
    }

    [Fact]
    public async Task Every_location_a_create_answers_with_resolves_to_the_created_resource()
    {
        var (admin, adminLocations) = await RecordingAsync(PlatformApp.AdminClientId, PlatformApp.AdminSecret);
        var tenant = await admin.Tenants.CreateTenantAsync(new CreateTenantRequest
        {
            Slug = $"t-{Guid.NewGuid():N}"[..20], Name = "Staedion", Kind = TenantKind.HousingCorporation, MunicipalityCode = "GM0344",
        }, cancellationToken: Ct);
        var owner = new TestTenant(app, tenant);
        var (_, client) = await owner.ClientAsync(Scope.AllTenantScopes());
        var (api, locations) = await RecordingAsync(client.ClientId, client.ClientSecret);

        var plinth = await api.Plinths.CreatePlinthAsync(tenant.Slug, Estate.Herderplein(), cancellationToken: Ct);
        var unit = await api.Units.CreateUnitAsync(tenant.Slug, Estate.Atelier(plinth.Id), cancellationToken: Ct);
        var lease = await api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(unit.Id, new DateOnly(2026, 1, 1)), cancellationToken: Ct);
        var budget = await api.Budgets.CreateBudgetAsync(tenant.Slug,
            new CreateBudgetRequest { Line = DiscountTests.Leefbaarheid, Year = 2026, AmountCents = 10_000_000 }, cancellationToken: Ct);
        var discount = await api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, DiscountTests.TwentyFivePercent(budgetLine: budget.Line), cancellationToken: Ct);
        await api.Discounts.CreateEvaluationAsync(tenant.Slug, discount.Id, EvaluationTests.Evaluation(discount, EvaluationDecision.Continue), cancellationToken: Ct);
        await api.Webhooks.CreateWebhookAsync(tenant.Slug,
            new CreateWebhookRequest { Url = new Uri("https://93.184.216.34/plinth"), Events = [NotificationType.DiscountEvaluationDue] }, Ct);
        await api.ApiClients.CreateApiClientAsync(tenant.Slug, new CreateApiClientRequest { DisplayName = "Lezer", Scopes = [ApiScope.PlinthsRead] }, Ct);
        var vacant = await api.Units.CreateUnitAsync(tenant.Slug, Estate.Atelier(plinth.Id), cancellationToken: Ct);
        var tender = await api.Tenders.CreateTenderAsync(tenant.Slug, Tenders.TenderScenarios.PitchJePlan([vacant.Id]), cancellationToken: Ct);
        await api.Tenders.PublishTenderAsync(tenant.Slug, tender.Id, cancellationToken: Ct);
        await api.Applications.SubmitApplicationAsync(tender.Id, Tenders.ApplicationScenarios.Plan(Tenders.ApplicationScenarios.UniqueEmail()), cancellationToken: Ct);
        await api.Jurors.CreateJurorAsync(tenant.Slug, tender.Id, Tenders.JuryScenarios.Resident(), Ct);

        Assert.Equal(13, adminLocations.Seen.Count + locations.Seen.Count);
        var failures = new List<string>();
        foreach (var (reader, seen) in new[] { (admin, adminLocations), (api, locations) })
        {
            foreach (var (request, location) in seen.Seen)
            {
                if (location is null)
                {
                    failures.Add($"{request}: no Location");
                    continue;
                }

                using var response = await reader.Http.GetAsync(location, Ct);
                if (response.StatusCode != HttpStatusCode.OK)
                    failures.Add($"{request}: GET {location} answered {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
