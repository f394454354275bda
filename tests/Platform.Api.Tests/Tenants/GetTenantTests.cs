using System.Net;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;

namespace Platform.Api.Tests.Tenants;

public sealed class GetTenantTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_tenants_own_client_reads_its_tenant()
    {
        var tenant = await app.CreateTenantAsync(name: "Woonin");
        var client = await tenant.SignInAsync("plinths:read");

        var read = await client.Tenants.GetTenantAsync(tenant.Slug, Ct);

        Assert.Equal(tenant.Tenant.Id, read.Id);
        Assert.Equal("Woonin", read.Name);
    }

    [Fact]
    public async Task The_platform_administrator_reads_any_tenant()
    {
        var tenant = await app.CreateTenantAsync();

        var read = await app.Admin.Tenants.GetTenantAsync(tenant.Slug, Ct);

        Assert.Equal(tenant.Tenant.Id, read.Id);
    }

    [Fact]
    public async Task Another_tenant_answers_404_exactly_like_a_tenant_that_does_not_exist()
    {
        var staedion = await app.CreateTenantAsync();
        var rochdale = await app.CreateTenantAsync();
        var client = await staedion.SignInAsync("tenant:admin", "plinths:read");

        var other = await ThrowsProblemAsync(404, () => client.Tenants.GetTenantAsync(rochdale.Slug, Ct));
        var missing = await ThrowsProblemAsync(404, () => client.Tenants.GetTenantAsync("no-such-tenant", Ct));

        Assert.Equal(missing.Type, other.Type);
        Assert.Equal(missing.Title, other.Title);
        Assert.Equal(missing.Detail, other.Detail);
        Assert.DoesNotContain(rochdale.Tenant.Name, other.Detail ?? "");
    }

    [Fact]
    public async Task A_tenant_that_does_not_exist_answers_404_to_the_administrator()
    {
        var problem = await ThrowsProblemAsync(404, () => app.Admin.Tenants.GetTenantAsync("no-such-tenant", Ct));

        Assert.Equal("urn:plinth:problem:not-found", problem.Type);
    }

    [Fact]
    public async Task Without_a_token_the_answer_is_401()
    {
        var tenant = await app.CreateTenantAsync();
        using var anonymous = app.Anonymous();

        using var response = await anonymous.GetAsync($"/v1/tenants/{tenant.Slug}", Ct);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
    }
}
