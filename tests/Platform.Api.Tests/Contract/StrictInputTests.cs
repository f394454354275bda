using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;
using Estate = Platform.Api.Tests.Infrastructure.RealEstate;

namespace Platform.Api.Tests.Contract;

/// <summary>
/// What the contract forbids is refused with a 400 naming the field (body, query or header), and nothing is
/// stored; what the contract promises (UTC timestamps with Z) is what is sent.
/// </summary>
public sealed class StrictInputTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static readonly JsonSerializerOptions ClientJson = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    async Task<(TestTenant Tenant, PlatformApi Api)> WooninAsync()
    {
        var tenant = await app.CreateTenantAsync(name: "Woonin");
        return (tenant, await tenant.SignInAsync("plinths:read", "plinths:write", "leases:read", "leases:write", "discounts:read", "discounts:write", "tenant:admin"));
    }

    async Task<(TestTenant Tenant, PlatformApi Api, LeaseResponse Lease)> HerderpleinLeaseAsync()
    {
        var (tenant, api) = await WooninAsync();
        var plinth = await api.Plinths.CreatePlinthAsync(tenant.Slug, Estate.Herderplein(), cancellationToken: Ct);
        var unit = await api.Units.CreateUnitAsync(tenant.Slug, Estate.Atelier(plinth.Id), cancellationToken: Ct);
        var lease = await api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(unit.Id, new DateOnly(2026, 1, 1)), cancellationToken: Ct);
        return (tenant, api, lease);
    }

    static JsonObject Json<T>(T request) => JsonSerializer.SerializeToNode(request, ClientJson)!.AsObject();

    async Task<JsonNode> ServedContractAsync()
    {
        using var anonymous = app.Anonymous();
        return JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json", Ct))!;
    }

    static async Task<string> FieldRefusedAsync(HttpResponseMessage response) => (await FieldErrorAsync(response)).Name;

    static async Task<(string Name, string Reason)> FieldErrorAsync(HttpResponseMessage response)
    {
        var body = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        return (error.GetProperty("name").GetString()!, error.GetProperty("reason").GetString()!);
    }

    static async Task<IReadOnlyList<string>> FieldsRefusedAsync(HttpResponseMessage response)
    {
        var body = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        return [.. body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("name").GetString()!)];
    }

    // 1. Trailing newline

    [Fact]
    public async Task A_slug_with_a_trailing_newline_is_refused_and_no_tenant_is_stored()
    {
        var slug = $"nl-{Guid.NewGuid():N}"[..20];

        var problem = await ThrowsProblemAsync(400, () => app.Admin.Tenants.CreateTenantAsync(new CreateTenantRequest
        {
            Slug = slug + "\n", Name = "Newline", Kind = TenantKind.Collective, MunicipalityCode = "GM0344",
        }, cancellationToken: Ct));

        Assert.Equal(["slug"], problem.FieldNames());
        await ThrowsProblemAsync(404, () => app.Admin.Tenants.GetTenantAsync(slug + "\n", Ct));
        await ThrowsProblemAsync(404, () => app.Admin.Tenants.GetTenantAsync(slug, Ct));
    }

    [Theory]
    [InlineData("municipalityCode")]
    [InlineData("neighbourhoodCode")]
    [InlineData("address.postcode")]
    public async Task A_plinth_code_with_a_trailing_newline_is_refused(string field)
    {
        var (tenant, api) = await WooninAsync();
        var request = Estate.Herderplein();
        switch (field)
        {
            case "municipalityCode": request.MunicipalityCode += "\n"; break;
            case "neighbourhoodCode": request.NeighbourhoodCode += "\n"; break;
            case "address.postcode": request.Address.Postcode += "\n"; break;
        }

        var problem = await ThrowsProblemAsync(400, () => api.Plinths.CreatePlinthAsync(tenant.Slug, request, cancellationToken: Ct));

        Assert.Contains(field, problem.FieldNames());
        Assert.Empty((await api.Plinths.ListPlinthsAsync(tenant.Slug, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task An_sbi_code_or_kvk_number_with_a_trailing_newline_is_refused()
    {
        var (tenant, api) = await WooninAsync();
        var plinth = await api.Plinths.CreatePlinthAsync(tenant.Slug, Estate.Herderplein(), cancellationToken: Ct);
        var unit = await api.Units.CreateUnitAsync(tenant.Slug, Estate.Atelier(plinth.Id), cancellationToken: Ct);
        var sbi = Estate.Lease(unit.Id, new DateOnly(2026, 1, 1));
        sbi.Lessee.SbiCode = "74\n";
        var kvk = Estate.Lease(unit.Id, new DateOnly(2026, 1, 1));
        kvk.Lessee.KvkNumber = "12345678\n";

        Assert.Equal(["lessee.sbiCode"], (await ThrowsProblemAsync(400, () => api.Leases.CreateLeaseAsync(tenant.Slug, sbi, cancellationToken: Ct))).FieldNames());
        Assert.Equal(["lessee.kvkNumber"], (await ThrowsProblemAsync(400, () => api.Leases.CreateLeaseAsync(tenant.Slug, kvk, cancellationToken: Ct))).FieldNames());
        Assert.Empty((await api.Leases.ListLeasesAsync(tenant.Slug, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task Every_pattern_the_api_checks_ends_at_the_end_of_input_and_the_contract_says_so_in_ecma_262()
    {
        var patterns = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string) && f.Name.EndsWith("Pattern", StringComparison.Ordinal))
            .Select(f => (f.DeclaringType!.Name + "." + f.Name, (string)f.GetRawConstantValue()!))
            .ToList();
        var contractPatterns = (await ServedContractAsync()).DescendantsNamed("pattern").ToList();

        Assert.True(patterns.Count >= 10, $"found only {patterns.Count} patterns");
        Assert.All(patterns, p => Assert.True(p.Item2.EndsWith(@"\z", StringComparison.Ordinal), $"{p.Item1} = {p.Item2} ends before a final newline"));
        Assert.NotEmpty(contractPatterns);
        Assert.All(contractPatterns, p => Assert.True(p.EndsWith('$') && !p.Contains(@"\z", StringComparison.Ordinal), p));
    }

    // 2. Required means required

    [Theory]
    [InlineData("dwellingsAbove")]
    [InlineData("priorityNeighbourhood")]
    [InlineData("plinthAreaM2")]
    public async Task A_plinth_without_a_required_property_is_refused_on_create_and_on_update(string property)
    {
        var (tenant, api) = await WooninAsync();
        var stored = await api.Plinths.CreatePlinthAsync(tenant.Slug, Estate.Herderplein(), cancellationToken: Ct);
        var body = Json(Estate.Herderplein());
        body.Remove(property);

        using var create = await api.Http.PostAsJsonAsync($"/v1/tenants/{tenant.Slug}/plinths", body, Ct);
        using var update = new HttpRequestMessage(HttpMethod.Put, $"/v1/tenants/{tenant.Slug}/plinths/{stored.Id}") { Content = JsonContent.Create(body) };
        update.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        using var updated = await api.Http.SendAsync(update, Ct);

        Assert.Equal(property, await FieldRefusedAsync(create));
        Assert.Equal(property, await FieldRefusedAsync(updated));
        var read = await api.Plinths.GetPlinthAsync(tenant.Slug, stored.Id, Ct);
        Assert.Equal((48, true, "\"1\""), (read.DwellingsAbove, read.PriorityNeighbourhood, read.Etag));
        Assert.Single((await api.Plinths.ListPlinthsAsync(tenant.Slug, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task A_nested_required_property_is_named_by_its_path()
    {
        var (tenant, api) = await WooninAsync();
        var body = Json(Estate.Herderplein());
        body["address"]!.AsObject().Remove("houseNumber");

        using var response = await api.Http.PostAsJsonAsync($"/v1/tenants/{tenant.Slug}/plinths", body, Ct);

        Assert.Equal("address.houseNumber", await FieldRefusedAsync(response));
    }

    [Fact]
    public async Task A_budget_without_its_amount_is_refused()
    {
        var (tenant, api) = await WooninAsync();

        using var response = await api.Http.PostAsJsonAsync($"/v1/tenants/{tenant.Slug}/discount-budgets", new { line = "Leefbaarheid", year = 2026 }, Ct);

        Assert.Equal(("amountCents", "'amountCents' is required."), await FieldErrorAsync(response));
        Assert.Empty((await api.Budgets.ListBudgetsAsync(tenant.Slug, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task An_evaluation_result_without_actual_is_refused_naming_the_item_and_member()
    {
        var (tenant, api, lease) = await HerderpleinLeaseAsync();
        var discount = await api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, Discounts.DiscountTests.TwentyFivePercent(), cancellationToken: Ct);
        var counterPerformance = Assert.Single(discount.CounterPerformances).Id;

        using var response = await api.Http.PostAsJsonAsync($"/v1/tenants/{tenant.Slug}/discounts/{discount.Id}/evaluations",
            new { evaluatedOn = "2026-11-01", decision = "continue", results = new[] { new { counterPerformanceId = counterPerformance } } }, Ct);

        Assert.Equal("results[0].actual", await FieldRefusedAsync(response));
        Assert.Empty((await api.Discounts.ListEvaluationsAsync(tenant.Slug, discount.Id, cancellationToken: Ct)).Items);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("address")]
    [InlineData("dwellingsAbove")]
    public async Task Null_where_the_contract_does_not_allow_it_is_refused_naming_the_field(string property)
    {
        var (tenant, api) = await WooninAsync();
        var body = Json(Estate.Herderplein());
        body[property] = null;

        using var response = await api.Http.PostAsJsonAsync($"/v1/tenants/{tenant.Slug}/plinths", body, Ct);

        Assert.Equal(property, await FieldRefusedAsync(response));
    }

    // 3. Enums exact

    [Theory]
    [InlineData("status", "VACANT")]
    [InlineData("status", "Vacant")]
    [InlineData("status", "InTender")]
    [InlineData("category", "bed")]
    public async Task An_enum_value_in_another_spelling_is_refused_in_a_body(string property, string value)
    {
        var (tenant, api) = await WooninAsync();
        var plinth = await api.Plinths.CreatePlinthAsync(tenant.Slug, Estate.Herderplein(), cancellationToken: Ct);
        var body = Json(Estate.Atelier(plinth.Id));
        body[property] = value;

        using var response = await api.Http.PostAsJsonAsync($"/v1/tenants/{tenant.Slug}/units", body, Ct);

        Assert.Equal(property, await FieldRefusedAsync(response));
        Assert.Empty((await api.Units.ListUnitsAsync(tenant.Slug, cancellationToken: Ct)).Items);
    }

    [Theory]
    [InlineData("HOUSING_CORPORATION")]
    [InlineData("Housing_Corporation")]
    public async Task A_tenant_kind_in_another_case_is_refused(string kind)
    {
        var slug = $"k-{Guid.NewGuid():N}"[..20];

        using var response = await app.Admin.Http.PostAsJsonAsync("/v1/tenants",
            new { slug, name = "Kind", kind, municipalityCode = "GM0344" }, Ct);

        Assert.Equal(("kind", "'kind' must be one of: municipality, housing_corporation, collective."), await FieldErrorAsync(response));
        await ThrowsProblemAsync(404, () => app.Admin.Tenants.GetTenantAsync(slug, Ct));
    }

    [Fact]
    public async Task A_discount_and_counter_performance_enum_in_another_case_is_refused()
    {
        var (tenant, api, lease) = await HerderpleinLeaseAsync();
        var kind = Json(Discounts.DiscountTests.TwentyFivePercent());
        kind["kind"] = "Percentage";
        var radius = Json(Discounts.DiscountTests.TwentyFivePercent());
        radius["counterPerformances"]![0]!["radius"] = "NEIGHBOURHOOD";

        using var byKind = await api.Http.PostAsJsonAsync($"/v1/tenants/{tenant.Slug}/leases/{lease.Id}/discounts", kind, Ct);
        using var byRadius = await api.Http.PostAsJsonAsync($"/v1/tenants/{tenant.Slug}/leases/{lease.Id}/discounts", radius, Ct);

        Assert.Equal("kind", await FieldRefusedAsync(byKind));
        Assert.Equal("counterPerformances[0].radius", await FieldRefusedAsync(byRadius));
        Assert.Empty((await api.Discounts.ListDiscountsAsync(tenant.Slug, cancellationToken: Ct)).Items);
    }

    [Theory]
    [InlineData("status=VACANT", "status")]
    [InlineData("category=Bed", "category")]
    public async Task An_enum_value_in_another_spelling_is_refused_in_a_query(string query, string parameter)
    {
        var (tenant, api) = await WooninAsync();

        using var response = await api.Http.GetAsync($"/v1/tenants/{tenant.Slug}/units?{query}", Ct);

        Assert.Equal(parameter, await FieldRefusedAsync(response));
    }

    [Fact]
    public async Task A_query_value_that_cannot_be_read_is_refused_with_the_rule_it_breaks()
    {
        var (tenant, api) = await WooninAsync();

        using var limit = await api.Http.GetAsync($"/v1/tenants/{tenant.Slug}/plinths?limit=%205", Ct);
        using var status = await api.Http.GetAsync($"/v1/tenants/{tenant.Slug}/units?status=Vacant", Ct);

        Assert.Equal(("limit", "'limit' must be an integer, written with digits only (and - when negative)."), await FieldErrorAsync(limit));
        Assert.Equal(("status", "'status' must be one of: vacant, let, in_tender, unavailable."), await FieldErrorAsync(status));
    }

    // 4. Timestamps in UTC with Z

    [Fact]
    public async Task Timestamps_are_sent_in_utc_with_z()
    {
        var (tenant, api) = await WooninAsync();
        await api.Plinths.CreatePlinthAsync(tenant.Slug, Estate.Herderplein(), cancellationToken: Ct);

        var tenantJson = await api.Http.GetFromJsonAsync<JsonElement>($"/v1/tenants/{tenant.Slug}", Ct);
        var plinthJson = await api.Http.GetFromJsonAsync<JsonElement>($"/v1/tenants/{tenant.Slug}/plinths", Ct);
        var auditJson = await api.Http.GetFromJsonAsync<JsonElement>($"/v1/tenants/{tenant.Slug}/audit", Ct);
        var plinth = plinthJson.GetProperty("items")[0];
        var stamps = new[] { tenantJson.GetProperty("createdAt"), plinth.GetProperty("createdAt"), plinth.GetProperty("updatedAt"), auditJson.GetProperty("items")[0].GetProperty("occurredAt") };

        Assert.All(stamps, s => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,7})?Z$", s.GetString()));
    }

    // 10. Every 400 names its field, headers and query parameters included

    [Fact]
    public async Task An_if_match_that_is_not_an_etag_is_a_400_naming_the_header()
    {
        var (tenant, api) = await WooninAsync();
        var stored = await api.Plinths.CreatePlinthAsync(tenant.Slug, Estate.Herderplein(), cancellationToken: Ct);
        using var update = new HttpRequestMessage(HttpMethod.Put, $"/v1/tenants/{tenant.Slug}/plinths/{stored.Id}") { Content = JsonContent.Create(Json(Estate.Herderplein())) };
        update.Headers.TryAddWithoutValidation("If-Match", "abc");

        using var response = await api.Http.SendAsync(update, Ct);

        Assert.Equal("If-Match", await FieldRefusedAsync(response));
        Assert.Equal("\"1\"", (await api.Plinths.GetPlinthAsync(tenant.Slug, stored.Id, Ct)).Etag);
    }

    [Theory]
    [InlineData("plinths?limit=%205", "limit")]
    [InlineData("plinths?limit=5&cursor=", "cursor")]
    [InlineData("plinths?limit=5%20", "limit")]
    [InlineData("plinths?limit=+5", "limit")]
    [InlineData("plinths?limit=05.0", "limit")]
    [InlineData("plinths?limit=", "limit")]
    [InlineData("plinths?cursor=", "cursor")]
    [InlineData("notifications?unacknowledged=TRUE", "unacknowledged")]
    [InlineData("notifications?unacknowledged=1", "unacknowledged")]
    [InlineData("notifications?unacknowledged=", "unacknowledged")]
    [InlineData("leases?unitId=", "unitId")]
    [InlineData("leases?unitId={0b902745-166a-4f6c-8000-000000000000}", "unitId")]
    [InlineData("leases?status=", "status")]
    [InlineData("leases?lesseeKvk=", "lesseeKvk")]
    [InlineData("units?plinthId=%200b902745-166a-4f6c-8000-000000000000", "plinthId")]
    [InlineData("discounts?evaluationDueBefore=2026-1-1", "evaluationDueBefore")]
    [InlineData("discounts?evaluationDueBefore=", "evaluationDueBefore")]
    [InlineData("plinths?limit=5&limit=6", "limit")]
    public async Task A_malformed_query_parameter_is_a_400_naming_it(string pathAndQuery, string parameter)
    {
        var (tenant, api) = await WooninAsync();

        using var response = await api.Http.GetAsync($"/v1/tenants/{tenant.Slug}/{pathAndQuery}", Ct);

        Assert.Equal(parameter, await FieldRefusedAsync(response));
    }

    [Theory]
    [InlineData("rent?on=2026-1-1", "on")]
    [InlineData("rent?on=2026-01-01T00:00:00", "on")]
    [InlineData("rent?on=", "on")]
    [InlineData("rent-schedule?from=9999-12-01&to=9999-12-31", "from")]
    [InlineData("rent-schedule?from=2026-01-01&to=2200-01-01", "to")]
    [InlineData("rent?on=1899-12-31", "on")]
    public async Task A_malformed_or_out_of_range_date_in_a_query_is_a_400_naming_it(string pathAndQuery, string parameter)
    {
        var (tenant, api, lease) = await HerderpleinLeaseAsync();

        using var response = await api.Http.GetAsync($"/v1/tenants/{tenant.Slug}/leases/{lease.Id}/{pathAndQuery}", Ct);

        Assert.Contains(parameter, await FieldsRefusedAsync(response));
    }

    // 11. Dates at the edge of the calendar

    [Theory]
    [InlineData("9999-01-01", "9999-12-31", "startDate")]
    [InlineData("0001-01-01", "0001-12-31", "startDate")]
    [InlineData("2199-01-01", "2200-12-31", "endDate")]
    [InlineData("1899-12-31", "2026-12-31", "startDate")]
    public async Task A_discount_outside_the_business_calendar_is_a_400_naming_the_date(string start, string end, string field)
    {
        var (tenant, api, lease) = await HerderpleinLeaseAsync();
        var body = Json(Discounts.DiscountTests.TwentyFivePercent());
        body["startDate"] = start;
        body["endDate"] = end;

        using var response = await api.Http.PostAsJsonAsync($"/v1/tenants/{tenant.Slug}/leases/{lease.Id}/discounts", body, Ct);

        Assert.Contains(field, await FieldsRefusedAsync(response));
        Assert.Empty((await api.Discounts.ListDiscountsAsync(tenant.Slug, cancellationToken: Ct)).Items);
    }

    [Theory]
    [InlineData(9999)]
    [InlineData(1)]
    public async Task A_lease_starting_outside_the_business_calendar_is_refused(int year)
    {
        var (tenant, api) = await WooninAsync();
        var plinth = await api.Plinths.CreatePlinthAsync(tenant.Slug, Estate.Herderplein(), cancellationToken: Ct);
        var unit = await api.Units.CreateUnitAsync(tenant.Slug, Estate.Atelier(plinth.Id), cancellationToken: Ct);

        var problem = await ThrowsProblemAsync(400, () => api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(unit.Id, new DateOnly(year, 1, 1)), cancellationToken: Ct));

        Assert.Equal(["startDate"], problem.FieldNames());
    }

    [Fact]
    public async Task The_contract_bounds_every_date_to_the_business_calendar()
    {
        var dates = (await ServedContractAsync()).Descendants().OfType<JsonObject>().Where(o => o["format"]?.GetValue<string>() == "date").ToList();

        Assert.NotEmpty(dates);
        Assert.All(dates, d => Assert.Equal(BusinessCalendarPattern, d["pattern"]?.GetValue<string>()));
    }

    const string BusinessCalendarPattern = "^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";
}

static class JsonNodeWalk
{
    public static IEnumerable<JsonNode> Descendants(this JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
            foreach (var descendant in child.Descendants())
                yield return descendant;
    }

    public static IEnumerable<string> DescendantsNamed(this JsonNode node, string name) =>
        node.Descendants().OfType<JsonObject>().Select(o => o[name]).OfType<JsonValue>()
            .Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>());
}
