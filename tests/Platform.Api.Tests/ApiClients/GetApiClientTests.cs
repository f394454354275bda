using System.Net;
using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;

namespace Platform.Api.Tests.ApiClients;

public sealed class GetApiClientTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_tenant_admin_reads_its_client_without_the_secret()
    {
        var tenant = await app.CreateTenantAsync(name: "Staedion");
        var admin = await tenant.SignInAsync("tenant:admin", "leases:read");
        var (_, erp) = await tenant.ClientAsync("leases:read");

        var read = await admin.ApiClients.GetApiClientAsync(tenant.Slug, erp.ClientId, Ct);
        using var raw = await admin.Http.GetAsync($"/v1/tenants/{tenant.Slug}/clients/{erp.ClientId}", Ct);

        Assert.Equal(erp.ClientId, read.ClientId);
        Assert.Equal([ApiScope.LeasesRead], read.Scopes);
        Assert.DoesNotContain(erp.ClientSecret, await raw.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", await raw.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_revoked_or_unknown_client_answers_404()
    {
        var tenant = await app.CreateTenantAsync();
        var (_, erp) = await tenant.ClientAsync("leases:read");
        await app.Admin.ApiClients.RevokeApiClientAsync(tenant.Slug, erp.ClientId, Ct);

        await ThrowsProblemAsync(404, () => app.Admin.ApiClients.GetApiClientAsync(tenant.Slug, erp.ClientId, Ct));
        await ThrowsProblemAsync(404, () => app.Admin.ApiClients.GetApiClientAsync(tenant.Slug, $"{tenant.Slug}-0000000000000000", Ct));
    }

    [Fact]
    public async Task Another_tenants_client_answers_404_and_a_reading_scope_403_and_no_token_401()
    {
        var owner = await app.CreateTenantAsync();
        var (_, erp) = await owner.ClientAsync("leases:read");
        var other = await app.CreateTenantAsync();
        var otherAdmin = await other.SignInAsync("tenant:admin");
        var reader = await owner.SignInAsync("leases:read");

        await ThrowsProblemAsync(404, () => otherAdmin.ApiClients.GetApiClientAsync(owner.Slug, erp.ClientId, Ct));
        await ThrowsProblemAsync(404, () => otherAdmin.ApiClients.GetApiClientAsync(other.Slug, erp.ClientId, Ct));
        await ThrowsProblemAsync(403, () => reader.ApiClients.GetApiClientAsync(owner.Slug, erp.ClientId, Ct));
        using var anonymous = await app.Anonymous().GetAsync($"/v1/tenants/{owner.Slug}/clients/{erp.ClientId}", Ct);
        await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
