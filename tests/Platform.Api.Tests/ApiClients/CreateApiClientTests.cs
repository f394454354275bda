using System.Net;
using System.Net.Http.Json;
using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;

namespace Platform.Api.Tests.ApiClients;

public sealed class CreateApiClientTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_administrator_creates_a_client_whose_secret_gets_a_token_for_its_tenant()
    {
        var staedion = await app.CreateTenantAsync(name: "Staedion");

        var created = await app.Admin.ApiClients.CreateApiClientAsync(staedion.Slug,
            new CreateApiClientRequest { DisplayName = "Staedion verhuursysteem", Scopes = [ApiScope.PlinthsRead, ApiScope.LeasesWrite] }, Ct);

        Assert.StartsWith(staedion.Slug + "-", created.ClientId);
        Assert.Equal("Staedion verhuursysteem", created.DisplayName);
        Assert.Equal([ApiScope.PlinthsRead, ApiScope.LeasesWrite], created.Scopes.Order());
        Assert.False(string.IsNullOrWhiteSpace(created.ClientSecret));

        var claims = Jwt.Payload(await app.AccessTokenAsync(created.ClientId, created.ClientSecret));
        Assert.Equal(staedion.Slug, claims.GetProperty("tenant").GetString());
        Assert.Equal(staedion.Tenant.Id.ToString(), claims.GetProperty("tenant_id").GetString());
        Assert.Equal(created.ClientId, claims.GetProperty("client_id").GetString());
        Assert.Equal(["leases:write", "plinths:read"], claims.GetProperty("scope").GetString()!.Split(' ').Order());
    }

    [Fact]
    public async Task A_tenant_admin_client_creates_further_clients_of_its_own_tenant()
    {
        var woonin = await app.CreateTenantAsync();
        var tenantAdmin = await woonin.SignInAsync("tenant:admin", "tenders:read");

        var created = await tenantAdmin.ApiClients.CreateApiClientAsync(woonin.Slug,
            new CreateApiClientRequest { DisplayName = "Je Eigen Zaak portal", Scopes = [ApiScope.TendersRead] }, Ct);

        Assert.StartsWith(woonin.Slug + "-", created.ClientId);
        var own = await app.SignIn(created.ClientId, created.ClientSecret).Tenants.GetTenantAsync(woonin.Slug, Ct);
        Assert.Equal(woonin.Tenant.Id, own.Id);
    }

    [Fact]
    public async Task A_tenant_admin_client_cannot_grant_a_scope_it_does_not_hold()
    {
        var woonin = await app.CreateTenantAsync();
        var (tenantAdmin, self) = await woonin.ClientAsync("tenant:admin", "plinths:read");

        var refused = await ThrowsProblemAsync(403, () => tenantAdmin.ApiClients.CreateApiClientAsync(woonin.Slug,
            new CreateApiClientRequest { DisplayName = "Schrijver", Scopes = [ApiScope.PlinthsRead, ApiScope.PlinthsWrite, ApiScope.LeasesWrite] }, Ct));
        var narrowed = app.SignIn(self.ClientId, self.ClientSecret, "tenant:admin");
        var refusedToNarrowToken = await ThrowsProblemAsync(403, () => narrowed.ApiClients.CreateApiClientAsync(woonin.Slug,
            new CreateApiClientRequest { DisplayName = "Lezer", Scopes = [ApiScope.PlinthsRead] }, Ct));

        Assert.Contains("plinths:write, leases:write", refused.Detail);
        Assert.DoesNotContain("plinths:read", refused.Detail);
        Assert.Contains("plinths:read", refusedToNarrowToken.Detail);
        Assert.Equal([self.ClientId], (await app.Admin.ApiClients.ListApiClientsAsync(woonin.Slug, cancellationToken: Ct)).Items.Select(c => c.ClientId));
    }

    [Fact]
    public async Task The_platform_administrator_grants_any_tenant_scope()
    {
        var woonin = await app.CreateTenantAsync();
        var all = Scope.AllTenantScopes().Select(Scope.Parse).ToList();

        var created = await app.Admin.ApiClients.CreateApiClientAsync(woonin.Slug,
            new CreateApiClientRequest { DisplayName = "Alles", Scopes = all }, Ct);

        Assert.Equal(all.Order(), created.Scopes.Order());
    }

    [Fact]
    public async Task Creation_answers_201_with_a_location()
    {
        var tenant = await app.CreateTenantAsync();

        using var response = await app.Admin.Http.PostAsJsonAsync($"/v1/tenants/{tenant.Slug}/clients",
            new { displayName = "ERP", scopes = new[] { "plinths:read" } }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var clientId = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("clientId").GetString();
        Assert.Equal($"/v1/tenants/{tenant.Slug}/clients/{clientId}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Platform_administration_cannot_be_granted_to_a_tenants_client()
    {
        var tenant = await app.CreateTenantAsync();

        var problem = await ThrowsProblemAsync(400, () => app.Admin.ApiClients.CreateApiClientAsync(tenant.Slug,
            new CreateApiClientRequest { DisplayName = "ERP", Scopes = [ApiScope.PlinthsRead, ApiScope.PlatformAdmin] }, Ct));

        Assert.Equal(["scopes[1]"], problem.FieldNames());
        Assert.Empty((await app.Admin.ApiClients.ListApiClientsAsync(tenant.Slug, cancellationToken: Ct)).Items);
    }

    [Theory]
    [InlineData("units:everything")]
    [InlineData("")]
    public async Task An_unknown_scope_is_refused(string scope)
    {
        var tenant = await app.CreateTenantAsync();

        using var response = await app.Admin.Http.PostAsJsonAsync($"/v1/tenants/{tenant.Slug}/clients",
            new { displayName = "ERP", scopes = new[] { "plinths:read", scope } }, Ct);

        var body = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "urn:plinth:problem:validation");
        Assert.Equal("scopes[1]", body.GetProperty("errors")[0].GetProperty("name").GetString());
        Assert.Empty((await app.Admin.ApiClients.ListApiClientsAsync(tenant.Slug, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task A_display_name_and_at_least_one_scope_are_required()
    {
        var tenant = await app.CreateTenantAsync();

        var problem = await ThrowsProblemAsync(400, () => app.Admin.ApiClients.CreateApiClientAsync(tenant.Slug,
            new CreateApiClientRequest { DisplayName = " ", Scopes = [] }, Ct));

        Assert.Equal(["displayName", "scopes"], problem.FieldNames().Order());
    }

    [Fact]
    public async Task A_client_without_an_admin_scope_is_forbidden()
    {
        var tenant = await app.CreateTenantAsync();
        var reader = await tenant.SignInAsync("plinths:read", "leases:read");

        await ThrowsProblemAsync(403, () => reader.ApiClients.CreateApiClientAsync(tenant.Slug,
            new CreateApiClientRequest { DisplayName = "Sneaky", Scopes = [ApiScope.TenantAdmin] }, Ct));
    }

    [Fact]
    public async Task Another_tenants_admin_gets_404_and_creates_nothing()
    {
        var staedion = await app.CreateTenantAsync();
        var rochdale = await app.CreateTenantAsync();
        var rochdaleAdmin = await rochdale.SignInAsync("tenant:admin");

        await ThrowsProblemAsync(404, () => rochdaleAdmin.ApiClients.CreateApiClientAsync(staedion.Slug,
            new CreateApiClientRequest { DisplayName = "Intruder", Scopes = [ApiScope.PlinthsWrite] }, Ct));

        Assert.Empty((await app.Admin.ApiClients.ListApiClientsAsync(staedion.Slug, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task Without_a_token_the_answer_is_401()
    {
        var tenant = await app.CreateTenantAsync();
        using var anonymous = app.Anonymous();

        using var response = await anonymous.PostAsJsonAsync($"/v1/tenants/{tenant.Slug}/clients",
            new { displayName = "ERP", scopes = new[] { "plinths:read" } }, Ct);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
