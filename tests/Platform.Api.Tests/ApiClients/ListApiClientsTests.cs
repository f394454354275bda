using System.Net;
using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;

namespace Platform.Api.Tests.ApiClients;

public sealed class ListApiClientsTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lists_the_tenants_clients_a_page_at_a_time_without_secrets()
    {
        var tenant = await app.CreateTenantAsync();
        var made = new List<string>();
        for (var i = 0; i < 3; i++)
            made.Add((await tenant.ClientAsync("plinths:read")).Client.ClientId);

        var first = await app.Admin.ApiClients.ListApiClientsAsync(tenant.Slug, limit: 2, cancellationToken: Ct);
        var second = await app.Admin.ApiClients.ListApiClientsAsync(tenant.Slug, limit: 2, cursor: first.NextCursor, cancellationToken: Ct);

        Assert.Equal(2, first.Items.Count);
        Assert.NotNull(first.NextCursor);
        Assert.Single(second.Items);
        Assert.Null(second.NextCursor);
        Assert.Equal(made.Order(StringComparer.Ordinal), first.Items.Concat(second.Items).Select(c => c.ClientId));

        var raw = await app.Admin.Http.GetStringAsync($"/v1/tenants/{tenant.Slug}/clients", Ct);
        Assert.DoesNotContain("secret", raw, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_tenant_admin_sees_only_its_own_tenants_clients()
    {
        var staedion = await app.CreateTenantAsync();
        var rochdale = await app.CreateTenantAsync();
        var (staedionAdmin, adminClient) = await staedion.ClientAsync("tenant:admin");
        await rochdale.ClientAsync("plinths:read");

        var page = await staedionAdmin.ApiClients.ListApiClientsAsync(staedion.Slug, cancellationToken: Ct);

        Assert.Equal([adminClient.ClientId], page.Items.Select(c => c.ClientId));
    }

    [Fact]
    public async Task A_bad_limit_is_refused()
    {
        var tenant = await app.CreateTenantAsync();

        var problem = await ThrowsProblemAsync(400, () => app.Admin.ApiClients.ListApiClientsAsync(tenant.Slug, limit: 500, cancellationToken: Ct));

        Assert.Equal(["limit"], problem.FieldNames());
    }

    [Fact]
    public async Task Wrong_scope_is_403_other_tenant_is_404_no_token_is_401()
    {
        var staedion = await app.CreateTenantAsync();
        var rochdale = await app.CreateTenantAsync();
        var reader = await staedion.SignInAsync("plinths:read");
        var rochdaleAdmin = await rochdale.SignInAsync("tenant:admin");

        await ThrowsProblemAsync(403, () => reader.ApiClients.ListApiClientsAsync(staedion.Slug, cancellationToken: Ct));
        await ThrowsProblemAsync(404, () => rochdaleAdmin.ApiClients.ListApiClientsAsync(staedion.Slug, cancellationToken: Ct));

        using var anonymous = app.Anonymous();
        using var response = await anonymous.GetAsync($"/v1/tenants/{staedion.Slug}/clients", Ct);
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
