using System.Net;
using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;

namespace Platform.Api.Tests.ApiClients;

public sealed class RevokeApiClientTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_revoked_client_gets_no_new_tokens_and_its_issued_tokens_stop_working()
    {
        var tenant = await app.CreateTenantAsync();
        var (_, client) = await tenant.ClientAsync("plinths:read");
        var issued = await app.AccessTokenAsync(client.ClientId, client.ClientSecret);
        using var withIssuedToken = app.WithToken(issued);
        using (var before = await withIssuedToken.GetAsync($"/v1/tenants/{tenant.Slug}", Ct))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        await app.Admin.ApiClients.RevokeApiClientAsync(tenant.Slug, client.ClientId, Ct);

        using (var after = await withIssuedToken.GetAsync($"/v1/tenants/{tenant.Slug}", Ct))
            await after.AssertProblemAsync(HttpStatusCode.Unauthorized);
        using var tokenResponse = await app.RequestTokenAsync(client.ClientId, client.ClientSecret);
        Assert.False(tokenResponse.IsSuccessStatusCode);
        Assert.DoesNotContain(client.ClientId, (await app.Admin.ApiClients.ListApiClientsAsync(tenant.Slug, cancellationToken: Ct)).Items.Select(c => c.ClientId));
    }

    [Fact]
    public async Task A_tenant_admin_revokes_its_own_tenants_client()
    {
        var tenant = await app.CreateTenantAsync();
        var tenantAdmin = await tenant.SignInAsync("tenant:admin");
        var (_, erp) = await tenant.ClientAsync("leases:read");

        await tenantAdmin.ApiClients.RevokeApiClientAsync(tenant.Slug, erp.ClientId, Ct);

        using var tokenResponse = await app.RequestTokenAsync(erp.ClientId, erp.ClientSecret);
        Assert.False(tokenResponse.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Revoking_twice_or_an_unknown_client_answers_404()
    {
        var tenant = await app.CreateTenantAsync();
        var (_, client) = await tenant.ClientAsync("plinths:read");
        await app.Admin.ApiClients.RevokeApiClientAsync(tenant.Slug, client.ClientId, Ct);

        await ThrowsProblemAsync(404, () => app.Admin.ApiClients.RevokeApiClientAsync(tenant.Slug, client.ClientId, Ct));
        await ThrowsProblemAsync(404, () => app.Admin.ApiClients.RevokeApiClientAsync(tenant.Slug, "no-such-client", Ct));
    }

    [Fact]
    public async Task Another_tenant_cannot_revoke_and_the_client_keeps_working()
    {
        var staedion = await app.CreateTenantAsync();
        var rochdale = await app.CreateTenantAsync();
        var (staedionApi, staedionClient) = await staedion.ClientAsync("plinths:read");
        var rochdaleAdmin = await rochdale.SignInAsync("tenant:admin");

        await ThrowsProblemAsync(404, () => rochdaleAdmin.ApiClients.RevokeApiClientAsync(staedion.Slug, staedionClient.ClientId, Ct));
        // Rochdale's own path does not reach Staedion's client either.
        await ThrowsProblemAsync(404, () => rochdaleAdmin.ApiClients.RevokeApiClientAsync(rochdale.Slug, staedionClient.ClientId, Ct));

        Assert.Equal(staedion.Tenant.Id, (await staedionApi.Tenants.GetTenantAsync(staedion.Slug, Ct)).Id);
    }

    [Fact]
    public async Task Wrong_scope_is_403_and_no_token_is_401()
    {
        var tenant = await app.CreateTenantAsync();
        var (reader, client) = await tenant.ClientAsync("plinths:read");

        await ThrowsProblemAsync(403, () => reader.ApiClients.RevokeApiClientAsync(tenant.Slug, client.ClientId, Ct));

        using var anonymous = app.Anonymous();
        using var response = await anonymous.DeleteAsync($"/v1/tenants/{tenant.Slug}/clients/{client.ClientId}", Ct);
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
