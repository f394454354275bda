using System.Net;
using System.Text;
using FastEndpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Security;

/// <summary>Walks every API route, so a route added later gets the same guards without anyone listing it here.</summary>
public sealed class RouteGuardTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    IEnumerable<(string Method, string Pattern, EndpointDefinition Definition)> ApiRoutes() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<EndpointDefinition>() is not null)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods
                .Select(m => (m, "/" + e.RoutePattern.RawText!.TrimStart('/'), e.Metadata.GetMetadata<EndpointDefinition>()!)));

    static HttpRequestMessage Request(string method, string pattern, string tenant)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(pattern.Replace("{tenant}", tenant, StringComparison.Ordinal), @"\{[^}]+\}", Guid.NewGuid().ToString());
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        return request;
    }

    [Fact]
    public void No_route_that_changes_state_accepts_a_read_scope()
    {
        var writing = ApiRoutes().Where(r => r.Method != "GET").ToList();
        var readable = writing
            .Where(r => r.Definition.AllowedScopes?.Any(s => s.EndsWith(":read", StringComparison.Ordinal)) == true)
            .Select(r => $"{r.Method} {r.Pattern}: {string.Join(' ', r.Definition.AllowedScopes!)}");

        Assert.True(writing.Count >= 20, $"only {writing.Count} writing routes found");
        Assert.Empty(readable);
    }

    /// <summary>The only routes anyone may call without a token; adding one means adding it here, on purpose.</summary>
    static readonly string[] PublicRoutes = ["GET /v1/listings/tenders"];

    [Fact]
    public async Task Every_route_without_a_token_answers_a_401_problem()
    {
        var tenant = await app.CreateTenantAsync();
        using var anonymous = app.Anonymous();
        var failures = new List<string>();
        var routes = ApiRoutes().ToList();
        Assert.True(routes.Count > 40, $"only {routes.Count} routes found");
        var tokenless = routes.Where(r => r.Definition.AnonymousVerbs?.Contains(r.Method) == true).Select(r => $"{r.Method} {r.Pattern}");
        Assert.Equal(PublicRoutes, tokenless.Order(StringComparer.Ordinal));

        foreach (var (method, pattern, _) in routes.Where(r => !PublicRoutes.Contains($"{r.Method} {r.Pattern}")))
        {
            using var request = Request(method, pattern, tenant.Slug);
            using var response = await anonymous.SendAsync(request, Ct);
            if (response.StatusCode != HttpStatusCode.Unauthorized || response.Content.Headers.ContentType?.MediaType != ProblemAssertions.ProblemJson)
                failures.Add($"{method} {pattern}: {(int)response.StatusCode}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_route_that_needs_a_scope_answers_403_to_a_client_of_the_tenant_without_it()
    {
        var tenant = await app.CreateTenantAsync();
        // Each route is asked by a client whose one scope the route does not take: reports:read, or for the reports applications:submit.
        var reportsOnly = await tenant.SignInAsync("reports:read");
        var submitOnly = await tenant.SignInAsync("applications:submit");
        var checkedRoutes = 0;
        var failures = new List<string>();

        foreach (var (method, pattern, definition) in ApiRoutes().Where(r => r.Definition.AllowedScopes is { Count: > 0 }))
        {
            var client = definition.AllowedScopes!.Contains("reports:read") ? submitOnly : reportsOnly;
            using var request = Request(method, pattern, tenant.Slug);
            using var response = await client.Http.SendAsync(request, Ct);
            checkedRoutes++;
            if (response.StatusCode != HttpStatusCode.Forbidden || response.Content.Headers.ContentType?.MediaType != ProblemAssertions.ProblemJson)
                failures.Add($"{method} {pattern}: {(int)response.StatusCode}");
        }

        Assert.True(checkedRoutes > 30, $"only {checkedRoutes} routes checked");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
