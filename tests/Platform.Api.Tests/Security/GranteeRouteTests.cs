using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Plinth.Platform.Client;
using Platform.Api.Tenancy;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Sharing;

namespace Platform.Api.Tests.Security;

/// <summary>
/// Walks every route under /v1/tenants/{tenant} as a grantee holding a grant of every kind and every tenant scope, so a
/// route added later is covered: only the GETs marked for grantees answer, every other route and every write is 404, and
/// a revoked or expired grant closes those too at once.
/// </summary>
public sealed class GranteeRouteTests(SharingApp app) : IClassFixture<SharingApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    sealed record Route(string Method, string Pattern, bool ForGrantees);

    IReadOnlyList<Route> Routes()
    {
        var readable = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<GranteeReadable>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).ToHashSet();
        return TenantIsolationTests.TenantRoutes(app.Services).Select(r => new Route(r.Method, r.Pattern, r.Method == "GET" && readable.Contains(r.Pattern))).ToList();
    }

    sealed record World(TestTenant Owner, TestTenant Grantee, PlatformApi GranteeApi, PlatformApi OwnerAdmin, Guid GrantId,
        SharedPlinth Granted, SharedPlinth Withheld, string OwnerClientId);

    async Task<World> GrantEverythingAsync(DateOnly? validUntil = null)
    {
        app.MoveTo(new DateOnly(2026, 3, 1));
        var utrecht = await app.CreateTenantAsync(TenantKind.Municipality);
        var staedion = await app.CreateTenantAsync(name: "Staedion");
        var (owner, ownerClient) = await staedion.ClientAsync("tenant:admin", "plinths:write", "leases:write", "leases:read", "plinths:read");
        var granted = await GranteeReadTests.LetPlinthAsync(owner, staedion, "Herderplein", "GM0344");
        var withheld = await GranteeReadTests.LetPlinthAsync(owner, staedion, "Hof van Amersfoort", "GM0307");
        var request = SharingGrantTests.PerformanceAgreements(utrecht.Slug, SharedResource.Plinths, SharedResource.Units, SharedResource.Leases,
            SharedResource.Discounts, SharedResource.Reports);
        request.Filter = new SharingGrantFilter { MunicipalityCodes = ["GM0344"] };
        request.ValidUntil = validUntil ?? request.ValidUntil;
        var grant = await owner.Sharing.CreateSharingGrantAsync(staedion.Slug, request, cancellationToken: Ct);
        var grantee = await utrecht.SignInAsync(Scope.AllTenantScopes());
        return new World(staedion, utrecht, grantee, owner, grant.Id, granted, withheld, ownerClient.ClientId);
    }

    /// <summary>The route with the owner's slug and ids of <paramref name="shown"/> (and of the owner's client); any other id is new.</summary>
    static string PathOf(Route route, World world, SharedPlinth shown)
    {
        var values = new Dictionary<string, string>
        {
            ["tenant"] = world.Owner.Slug,
            ["plinthId"] = shown.Plinth.Id.ToString(),
            ["unitId"] = shown.Unit.Id.ToString(),
            ["leaseId"] = shown.Lease.Id.ToString(),
            ["clientId"] = world.OwnerClientId,
        };
        return Regex.Replace(route.Pattern, @"\{(\w+)(:[^}]*)?\}", m => values.GetValueOrDefault(m.Groups[1].Value) ?? Guid.NewGuid().ToString());
    }

    static async Task<(HttpStatusCode Status, string Body)> SendAsync(PlatformApi api, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        if (method is "PUT" or "DELETE")
            request.Headers.TryAddWithoutValidation("If-Match", "*");
        using var response = await api.Http.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    static bool IsNotFound((HttpStatusCode Status, string Body) answer) =>
        answer.Status == HttpStatusCode.NotFound && answer.Body.Contains("urn:plinth:problem:not-found", StringComparison.Ordinal);

    [Fact]
    public async Task A_grantee_gets_404_on_every_write_and_every_route_not_marked_for_grantees_and_reads_the_marked_ones()
    {
        var world = await GrantEverythingAsync();
        var routes = Routes();
        Assert.Equal(7, routes.Count(r => r.ForGrantees));

        var failures = new List<string>();
        foreach (var route in routes)
        {
            var answer = await SendAsync(world.GranteeApi, route.Method, PathOf(route, world, world.Granted));
            if (route.ForGrantees ? answer.Status != HttpStatusCode.OK : !IsNotFound(answer))
                failures.Add($"{route.Method} {route.Pattern}: {(int)answer.Status} {answer.Body}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var plinth = await world.OwnerAdmin.Plinths.GetPlinthAsync(world.Owner.Slug, world.Granted.Plinth.Id, Ct);
        Assert.Equal(world.Granted.Plinth.Etag, plinth.Etag);
    }

    [Fact]
    public async Task A_grant_filtered_to_one_municipality_shows_on_every_marked_route_only_that_municipalitys_rows()
    {
        var world = await GrantEverythingAsync();
        HashSet<string> grantedIds = [world.Granted.Plinth.Id.ToString(), world.Granted.Unit.Id.ToString(), world.Granted.Lease.Id.ToString()];

        var failures = new List<string>();
        foreach (var route in Routes().Where(r => r.ForGrantees))
        {
            var withheld = await SendAsync(world.GranteeApi, route.Method, PathOf(route, world, world.Withheld));
            var granted = await SendAsync(world.GranteeApi, route.Method, PathOf(route, world, world.Granted));
            if (route.Pattern.EndsWith('}'))
            {
                if (!IsNotFound(withheld))
                    failures.Add($"{route.Pattern} showed a row outside the filter: {(int)withheld.Status}");
            }
            else if (route.Pattern.Contains("/reports/", StringComparison.Ordinal))
            {
                // A report counts the granted plinth's one unit, not the withheld one's.
                var units = JsonDocument.Parse(granted.Body).RootElement.GetProperty("total").GetProperty("units").GetInt32();
                if (units != 1)
                    failures.Add($"{route.Pattern} counted {units} units");
            }
            else
            {
                var ids = JsonDocument.Parse(granted.Body).RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
                if (ids.Count != 1 || !grantedIds.Contains(ids[0]))
                    failures.Add($"{route.Pattern} listed {string.Join(", ", ids)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_revoked_grant_answers_404_on_every_route_at_once()
    {
        var world = await GrantEverythingAsync();
        await world.OwnerAdmin.Sharing.RevokeSharingGrantAsync(world.Owner.Slug, world.GrantId, cancellationToken: Ct);

        await AssertAllNotFoundAsync(world);
    }

    [Fact]
    public async Task An_expired_grant_answers_404_on_every_route_from_the_day_after_its_last()
    {
        var world = await GrantEverythingAsync(validUntil: new DateOnly(2026, 3, 31));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(world.GranteeApi, "GET", $"/v1/tenants/{world.Owner.Slug}/plinths")).Status);

        app.MoveTo(new DateOnly(2026, 4, 1));

        await AssertAllNotFoundAsync(world);
    }

    async Task AssertAllNotFoundAsync(World world)
    {
        var failures = new List<string>();
        foreach (var route in Routes())
        {
            var answer = await SendAsync(world.GranteeApi, route.Method, PathOf(route, world, world.Granted));
            if (!IsNotFound(answer))
                failures.Add($"{route.Method} {route.Pattern}: {(int)answer.Status} {answer.Body}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
