using System.Net;
using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;

namespace Platform.Api.Tests.Tenants;

public sealed class ListTenantsTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pages_through_every_tenant_in_slug_order_without_repeats()
    {
        var mine = new List<string>();
        for (var i = 0; i < 5; i++)
            mine.Add((await app.CreateTenantAsync()).Slug);

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await app.Admin.Tenants.ListTenantsAsync(limit: 2, cursor: cursor, cancellationToken: Ct);
            Assert.InRange(page.Items.Count, 0, 2);
            seen.AddRange(page.Items.Select(t => t.Slug));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        Assert.All(mine, slug => Assert.Contains(slug, seen));
    }

    [Fact]
    public async Task The_default_page_holds_at_most_fifty()
    {
        var page = await app.Admin.Tenants.ListTenantsAsync(cancellationToken: Ct);

        Assert.InRange(page.Items.Count, 0, 50);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    [InlineData(-1)]
    public async Task A_limit_outside_1_to_200_is_refused(int limit)
    {
        var problem = await ThrowsProblemAsync(400, () => app.Admin.Tenants.ListTenantsAsync(limit: limit, cancellationToken: Ct));

        Assert.Equal(["limit"], problem.FieldNames());
    }

    [Fact]
    public async Task A_cursor_the_api_did_not_issue_is_refused()
    {
        var problem = await ThrowsProblemAsync(400, () => app.Admin.Tenants.ListTenantsAsync(cursor: "not-a-cursor!", cancellationToken: Ct));

        Assert.Equal(["cursor"], problem.FieldNames());
    }

    [Fact]
    public async Task Only_platform_administrators_list_tenants()
    {
        var tenant = await app.CreateTenantAsync();
        var tenantAdmin = await tenant.SignInAsync("tenant:admin");

        await ThrowsProblemAsync(403, () => tenantAdmin.Tenants.ListTenantsAsync(cancellationToken: Ct));

        using var anonymous = app.Anonymous();
        using var response = await anonymous.GetAsync("/v1/tenants", Ct);
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
