using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Security;

/// <summary>
/// Walks every route the API has under /v1/tenants/{tenant}, so a route added later is covered without
/// anyone remembering to add it here.
/// </summary>
public sealed class TenantIsolationTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static IEnumerable<(string Method, string Pattern)> TenantRoutes(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.Contains("{tenant}", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct()
            .OrderBy(r => r.Item2, StringComparer.Ordinal).ThenBy(r => r.m, StringComparer.Ordinal);

    [Fact]
    public async Task A_client_of_tenant_A_with_every_scope_gets_404_on_every_route_of_tenant_B()
    {
        var tenantA = await app.CreateTenantAsync(name: "Staedion");
        var tenantB = await app.CreateTenantAsync(name: "Rochdale");
        var clientA = await tenantA.SignInAsync(Scope.AllTenantScopes());
        var (clientB, clientOfB) = await tenantB.ClientAsync("tenant:admin", "plinths:read");
        var existingIdsOfB = new Dictionary<string, string> { ["clientId"] = clientOfB.ClientId };

        var routes = TenantRoutes(app.Services).ToList();
        Assert.NotEmpty(routes);

        var failures = new List<string>();
        foreach (var (method, pattern) in routes)
        {
            var path = pattern.Replace("{tenant}", tenantB.Slug, StringComparison.Ordinal);
            foreach (var (name, value) in existingIdsOfB)
                path = path.Replace("{" + name + "}", value, StringComparison.Ordinal);
            path = System.Text.RegularExpressions.Regex.Replace(path, @"\{[^}]+\}", Guid.NewGuid().ToString());

            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PUT" or "PATCH")
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            using var response = await clientA.Http.SendAsync(request, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);

            if (response.StatusCode != HttpStatusCode.NotFound || !body.Contains("urn:plinth:problem:not-found", StringComparison.Ordinal))
                failures.Add($"{method} {pattern}: {(int)response.StatusCode} {body}");
            if (body.Contains(tenantB.Tenant.Id.ToString(), StringComparison.OrdinalIgnoreCase) || body.Contains("Rochdale", StringComparison.Ordinal))
                failures.Add($"{method} {pattern}: leaked data of tenant B");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // Tenant B is untouched: its client still works and is still listed.
        var page = await clientB.ApiClients.ListApiClientsAsync(tenantB.Slug, cancellationToken: Ct);
        Assert.Contains(clientOfB.ClientId, page.Items.Select(c => c.ClientId));
    }
}
