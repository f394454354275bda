using System.Net;
using System.Net.Http.Json;
using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;

namespace Platform.Api.Tests.RealEstate;

public sealed class PlinthTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    async Task<(TestTenant Tenant, PlatformApi Api)> WooninAsync(params string[] scopes)
    {
        var tenant = await app.CreateTenantAsync(name: "Woonin");
        return (tenant, await tenant.SignInAsync(scopes.Length > 0 ? scopes : ["plinths:read", "plinths:write", "tenant:admin"]));
    }

    [Fact]
    public async Task Woonin_registers_the_Herderplein_plinth_and_reads_it_back()
    {
        var (tenant, api) = await WooninAsync();

        var created = await api.Plinths.CreatePlinthAsync(tenant.Slug, Infrastructure.RealEstate.Herderplein(), cancellationToken: Ct);
        var read = await api.Plinths.GetPlinthAsync(tenant.Slug, created.Id, Ct);

        Assert.Equal("Herderplein", read.Name);
        Assert.Equal("3555 AB", read.Address.Postcode);
        Assert.Equal("GM0344", read.MunicipalityCode);
        Assert.Equal("BU03440101", read.NeighbourhoodCode);
        Assert.Equal(48, read.DwellingsAbove);
        Assert.Equal(640.5, read.PlinthAreaM2);
        Assert.True(read.PriorityNeighbourhood);
        Assert.Equal("\"1\"", read.Etag);
    }

    [Fact]
    public async Task Creation_answers_201_with_location_and_etag()
    {
        var (tenant, api) = await WooninAsync();

        using var response = await api.Http.PostAsJsonAsync($"/v1/tenants/{tenant.Slug}/plinths", Infrastructure.RealEstate.Herderplein(), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Matches($"^/v1/tenants/{tenant.Slug}/plinths/[0-9a-f-]{{36}}$", response.Headers.Location!.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag!.Tag);
    }

    [Theory]
    [InlineData("postcode", "3555AB")]
    [InlineData("postcode", "0555 AB")]
    [InlineData("postcode", "3555 ab")]
    [InlineData("postcode", "3555 SS")]
    [InlineData("municipalityCode", "0344")]
    [InlineData("neighbourhoodCode", "BU0344")]
    [InlineData("neighbourhoodCode", "BU05180101")]
    [InlineData("plinthAreaM2", "-10")]
    [InlineData("dwellingsAbove", "-1")]
    public async Task A_bad_field_is_refused_with_its_name_and_nothing_is_stored(string field, string value)
    {
        var (tenant, api) = await WooninAsync();
        var request = Infrastructure.RealEstate.Herderplein();
        switch (field)
        {
            case "postcode": request.Address.Postcode = value; break;
            case "municipalityCode": request.MunicipalityCode = value; break;
            case "neighbourhoodCode": request.NeighbourhoodCode = value; break;
            case "plinthAreaM2": request.PlinthAreaM2 = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "dwellingsAbove": request.DwellingsAbove = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
        }

        var problem = await ThrowsProblemAsync(400, () => api.Plinths.CreatePlinthAsync(tenant.Slug, request, cancellationToken: Ct));

        Assert.Contains(problem.FieldNames(), n => n.EndsWith(field, StringComparison.Ordinal));
        Assert.Empty((await api.Plinths.ListPlinthsAsync(tenant.Slug, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task An_update_needs_the_current_etag()
    {
        var (tenant, api) = await WooninAsync();
        var created = await api.Plinths.CreatePlinthAsync(tenant.Slug, Infrastructure.RealEstate.Herderplein(), cancellationToken: Ct);
        var change = Infrastructure.RealEstate.Herderplein();
        change.Theme = "zorg";

        var updated = await api.Plinths.UpdatePlinthAsync(tenant.Slug, created.Id, created.Etag, change, Ct);
        var stale = await ThrowsProblemAsync(412, () => api.Plinths.UpdatePlinthAsync(tenant.Slug, created.Id, created.Etag, change, Ct));

        Assert.Equal("zorg", updated.Theme);
        Assert.Equal("\"2\"", updated.Etag);
        Assert.Equal("urn:plinth:problem:precondition-failed", stale.Type);

        using var missing = await api.Http.PutAsJsonAsync($"/v1/tenants/{tenant.Slug}/plinths/{created.Id}", change, Ct);
        await missing.AssertProblemAsync(HttpStatusCode.PreconditionRequired, "urn:plinth:problem:precondition-required");
        Assert.Equal("zorg", (await api.Plinths.GetPlinthAsync(tenant.Slug, created.Id, Ct)).Theme);
    }

    [Fact]
    public async Task A_plinth_with_units_cannot_be_deleted_an_empty_one_can()
    {
        var (tenant, api) = await WooninAsync();
        var withUnit = await api.Plinths.CreatePlinthAsync(tenant.Slug, Infrastructure.RealEstate.Herderplein(), cancellationToken: Ct);
        await api.Units.CreateUnitAsync(tenant.Slug, Infrastructure.RealEstate.Atelier(withUnit.Id), cancellationToken: Ct);
        var empty = await api.Plinths.CreatePlinthAsync(tenant.Slug, Infrastructure.RealEstate.Herderplein(), cancellationToken: Ct);

        var refused = await ThrowsProblemAsync(409, () => api.Plinths.DeletePlinthAsync(tenant.Slug, withUnit.Id, withUnit.Etag, Ct));
        await api.Plinths.DeletePlinthAsync(tenant.Slug, empty.Id, empty.Etag, Ct);

        Assert.Equal("urn:plinth:problem:plinth-has-units", refused.Type);
        await ThrowsProblemAsync(404, () => api.Plinths.GetPlinthAsync(tenant.Slug, empty.Id, Ct));
        Assert.Equal(withUnit.Id, (await api.Plinths.GetPlinthAsync(tenant.Slug, withUnit.Id, Ct)).Id);
    }

    [Fact]
    public async Task The_same_idempotency_key_replays_the_first_answer_and_another_body_is_422()
    {
        var (tenant, api) = await WooninAsync();
        var key = Guid.NewGuid().ToString();

        var first = await api.Plinths.CreatePlinthAsync(tenant.Slug, Infrastructure.RealEstate.Herderplein(), key, Ct);
        var again = await api.Plinths.CreatePlinthAsync(tenant.Slug, Infrastructure.RealEstate.Herderplein(), key, Ct);
        var other = Infrastructure.RealEstate.Herderplein();
        other.Name = "Kanaleneiland";
        var reused = await ThrowsProblemAsync(422, () => api.Plinths.CreatePlinthAsync(tenant.Slug, other, key, Ct));

        Assert.Equal(first.Id, again.Id);
        Assert.Equal("urn:plinth:problem:idempotency-key-reused", reused.Type);
        Assert.Single((await api.Plinths.ListPlinthsAsync(tenant.Slug, cancellationToken: Ct)).Items);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/tenants/{tenant.Slug}/plinths") { Content = JsonContent.Create(Infrastructure.RealEstate.Herderplein()) };
        request.Headers.Add("Idempotency-Key", key);
        using var replay = await api.Http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.EndsWith(first.Id.ToString(), replay.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Pages_through_more_plinths_than_fit_on_one_page()
    {
        var (tenant, api) = await WooninAsync();
        var created = new List<Guid>();
        for (var i = 0; i < 5; i++)
            created.Add((await api.Plinths.CreatePlinthAsync(tenant.Slug, Infrastructure.RealEstate.Herderplein(), cancellationToken: Ct)).Id);

        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await api.Plinths.ListPlinthsAsync(tenant.Slug, limit: 2, cursor: cursor, cancellationToken: Ct);
            seen.AddRange(page.Items.Select(p => p.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(created, seen);
    }

    [Fact]
    public async Task Wrong_scope_is_403_other_tenant_is_404_no_token_is_401()
    {
        var (woonin, api) = await WooninAsync();
        var plinth = await api.Plinths.CreatePlinthAsync(woonin.Slug, Infrastructure.RealEstate.Herderplein(), cancellationToken: Ct);
        var leasesOnly = await woonin.SignInAsync("leases:read");
        var rochdale = await (await app.CreateTenantAsync()).SignInAsync("plinths:read", "plinths:write");

        await ThrowsProblemAsync(403, () => leasesOnly.Plinths.GetPlinthAsync(woonin.Slug, plinth.Id, Ct));
        await ThrowsProblemAsync(403, () => (woonin.SignInAsync("plinths:read").Result).Plinths.CreatePlinthAsync(woonin.Slug, Infrastructure.RealEstate.Herderplein(), cancellationToken: Ct));
        await ThrowsProblemAsync(404, () => rochdale.Plinths.GetPlinthAsync(woonin.Slug, plinth.Id, Ct));
        await ThrowsProblemAsync(404, () => rochdale.Plinths.UpdatePlinthAsync(woonin.Slug, plinth.Id, plinth.Etag, Infrastructure.RealEstate.Herderplein(), Ct));

        using var anonymous = app.Anonymous();
        using var response = await anonymous.GetAsync($"/v1/tenants/{woonin.Slug}/plinths/{plinth.Id}", Ct);
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Herderplein", (await api.Plinths.GetPlinthAsync(woonin.Slug, plinth.Id, Ct)).Name);
    }

    [Fact]
    public async Task Every_change_is_in_the_audit_trail_with_old_and_new_values()
    {
        var (tenant, api) = await WooninAsync();
        var created = await api.Plinths.CreatePlinthAsync(tenant.Slug, Infrastructure.RealEstate.Herderplein(), cancellationToken: Ct);
        var change = Infrastructure.RealEstate.Herderplein();
        change.DwellingsAbove = 52;
        var updated = await api.Plinths.UpdatePlinthAsync(tenant.Slug, created.Id, created.Etag, change, Ct);
        await api.Plinths.DeletePlinthAsync(tenant.Slug, created.Id, updated.Etag, Ct);

        var events = (await api.Audit.ListAuditEventsAsync(tenant.Slug, AuditEntityType.Plinth, created.Id, cancellationToken: Ct)).Items;

        Assert.Equal([AuditAction.Created, AuditAction.Updated, AuditAction.Deleted], events.Select(e => e.Action));
        var dwellings = Assert.Single(events[1].Changes);
        Assert.Equal(("dwellingsAbove", "48", "52"), (dwellings.Field, dwellings.Old, dwellings.New));
        Assert.Contains(events[0].Changes, c => c.Field == "address.postcode" && c.Old is null && c.New == "3555 AB");
        Assert.All(events, e => Assert.StartsWith(tenant.Slug, e.ClientId));
    }
}
