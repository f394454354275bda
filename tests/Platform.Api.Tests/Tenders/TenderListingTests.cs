using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Operations;

namespace Platform.Api.Tests.Tenders;

public sealed class TenderListingTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A neighbourhood of Amsterdam that only this test puts units in, so other tests' tenders stay out of its listing.</summary>
    static string OwnNeighbourhood() => $"BU0363{Random.Shared.Next(1000, 10000)}";

    static async Task<List<PublicTenderResponse>> ListingAsync(HttpClient http, string query)
    {
        var listing = new TendersClient(http);
        var found = new List<PublicTenderResponse>();
        string? cursor = null;
        do
        {
            var q = System.Web.HttpUtility.ParseQueryString(query);
            var page = await listing.ListPublicTendersAsync(q["municipalityCode"], q["neighbourhoodCode"],
                q["category"] is { } c ? Enum.Parse<UnitCategory>(c, ignoreCase: true) : null, q["detailCode"],
                q["minAreaM2"] is { } min ? int.Parse(min, System.Globalization.CultureInfo.InvariantCulture) : null,
                q["maxAreaM2"] is { } max ? int.Parse(max, System.Globalization.CultureInfo.InvariantCulture) : null,
                200, cursor, Ct);
            found.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return found;
    }

    [Fact]
    public async Task An_open_public_tender_is_listed_without_a_token_with_what_an_applicant_needs_and_nothing_else()
    {
        var rochdale = await app.LandlordAsync();
        var neighbourhood = OwnNeighbourhood();
        var unit = await rochdale.UnitInAsync(neighbourhood);
        var request = TenderScenarios.PitchJePlan([unit.Id]);
        request.OfferedTerms.Discount = Discounts.DiscountTests.TwentyFivePercent(new DateOnly(2027, 1, 1));
        var open = await rochdale.PublishedAsync(request);
        using var anonymous = app.Anonymous();

        var listed = Assert.Single(await ListingAsync(anonymous, $"neighbourhoodCode={neighbourhood}"));
        using var raw = await anonymous.GetAsync($"/v1/listings/tenders?neighbourhoodCode={neighbourhood}", Ct);
        var body = await raw.Content.ReadAsStringAsync(Ct);

        Assert.Equal(open.Id, listed.Id);
        Assert.Equal("Rochdale", listed.Landlord);
        Assert.Equal(open.Title, listed.Title);
        Assert.Equal("starting or social entrepreneurs", listed.Eligibility);
        Assert.Equal(open.RequiredSections, listed.RequiredSections);
        Assert.Equal(open.Criteria.Select(c => (c.Key, c.Weight)), listed.Criteria.Select(c => (c.Key, c.Weight)));
        Assert.Equal(open.OpensAt, listed.OpensAt);
        Assert.Equal(open.ClosesAt, listed.ClosesAt);
        Assert.Equal(1_000_00, listed.OfferedRentCentsPerMonth);
        var listedUnit = Assert.Single(listed.Units);
        Assert.Equal((85.0, UnitCategory.Bed, "ATE", "GM0363", neighbourhood),
            (listedUnit.AreaM2, listedUnit.Category, listedUnit.DetailCode, listedUnit.MunicipalityCode, listedUnit.NeighbourhoodCode));
        foreach (var hidden in new[] { unit.Id.ToString(), unit.Name, rochdale.Slug, "etag", "visibility", "justification", "discount", "unitIds" })
            Assert.DoesNotContain(hidden, body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_listing_hides_drafts_invite_only_not_yet_open_closed_cancelled_and_past_tenders()
    {
        var rochdale = await app.LandlordAsync();
        var neighbourhood = OwnNeighbourhood();
        async Task<Guid> UnitAsync() => (await rochdale.UnitInAsync(neighbourhood)).Id;
        var tenders = rochdale.Api.Tenders;

        var open = await rochdale.PublishedAsync(TenderScenarios.PitchJePlan([await UnitAsync()]));
        await rochdale.DraftAsync(TenderScenarios.PitchJePlan([await UnitAsync()]));
        await rochdale.PublishedAsync(TenderScenarios.PitchJePlan([await UnitAsync()], visibility: TenderVisibility.Invite));
        await rochdale.PublishedAsync(TenderScenarios.PitchJePlan([await UnitAsync()], opensAt: DateTimeOffset.UtcNow.AddDays(3)));
        var closed = await rochdale.PublishedAsync(TenderScenarios.PitchJePlan([await UnitAsync()]));
        await tenders.CloseTenderAsync(rochdale.Slug, closed.Id, cancellationToken: Ct);
        var cancelled = await rochdale.PublishedAsync(TenderScenarios.PitchJePlan([await UnitAsync()]));
        await tenders.CancelTenderAsync(rochdale.Slug, cancelled.Id, cancellationToken: Ct);
        await rochdale.PublishedAsync(TenderScenarios.PitchJePlan([await UnitAsync()], opensAt: DateTimeOffset.UtcNow.AddDays(-2),
            closesAt: DateTimeOffset.UtcNow.AddSeconds(2)));
        await Task.Delay(TimeSpan.FromSeconds(2.5), Ct);

        using var anonymous = app.Anonymous();
        Assert.Equal([open.Id], (await ListingAsync(anonymous, $"neighbourhoodCode={neighbourhood}")).Select(t => t.Id));
    }

    [Fact]
    public async Task The_listing_shows_nothing_of_who_applied_or_what_they_wrote()
    {
        var rochdale = await app.LandlordAsync();
        var neighbourhood = OwnNeighbourhood();
        var open = await rochdale.PublishedAsync(TenderScenarios.PitchJePlan([(await rochdale.UnitInAsync(neighbourhood)).Id]));
        var (kade, kadeApi) = await app.CollectiveAsync();
        var website = await rochdale.Tenant.SignInAsync("applications:submit");
        var kadeEmail = ApplicationScenarios.UniqueEmail("kade");
        var fromKade = await kadeApi.Applications.SubmitApplicationAsync(open.Id, ApplicationScenarios.Plan(kadeEmail, "12345678"), cancellationToken: Ct);
        var fatimaEmail = ApplicationScenarios.UniqueEmail("fatima");
        var fromFatima = await website.Applications.SubmitApplicationAsync(open.Id, ApplicationScenarios.Plan(fatimaEmail, name: "Fatima El Amrani"), cancellationToken: Ct);
        using var anonymous = app.Anonymous();

        using var raw = await anonymous.GetAsync($"/v1/listings/tenders?neighbourhoodCode={neighbourhood}", Ct);
        var body = await raw.Content.ReadAsStringAsync(Ct);

        var item = Assert.Single(JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(open.Id, item.GetProperty("id").GetGuid());
        Assert.Equal(
            ["closesAt", "criteria", "description", "eligibility", "id", "landlord", "neighbourhoodProfile", "offeredRentCentsPerMonth", "opensAt",
             "requiredSections", "title", "units"],
            item.EnumerateObject().Select(p => p.Name).Where(n => n != "pitchNight").Order(StringComparer.Ordinal));
        var sections = ApplicationScenarios.FourSections();
        foreach (var hidden in new[]
                 {
                     "Maakcollectief De Kade", "Fatima El Amrani", kadeEmail, fatimaEmail, "12345678", "+31 20 123 4567", kade.Slug, rochdale.Slug,
                     fromKade.Id.ToString(), fromFatima.Id.ToString(), sections.Motivation!, sections.StorefrontPlan!, "applicant", "submitted",
                 })
            Assert.DoesNotContain(hidden, body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_tender_stored_with_two_units_is_listed_when_one_of_its_units_matches_every_filter()
    {
        var rochdale = await app.LandlordAsync();
        var neighbourhood = OwnNeighbourhood();
        var atelier = await rochdale.UnitInAsync(neighbourhood, areaM2: 85);
        var buurthuis = await rochdale.UnitInAsync(neighbourhood, UnitCategory.Mog, "BUU", areaM2: 240);
        var small = await rochdale.UnitInAsync(neighbourhood, areaM2: 30);
        var ateliers = await rochdale.PublishedAsync(TenderScenarios.PitchJePlan([atelier.Id]));
        await app.AddUnitTheOldWayAsync(rochdale, ateliers.Id, small.Id, published: true);
        var centre = await rochdale.PublishedAsync(TenderScenarios.PitchJePlan([buurthuis.Id]));
        using var anonymous = app.Anonymous();
        async Task<IEnumerable<Guid>> Listed(string filters) =>
            (await ListingAsync(anonymous, $"neighbourhoodCode={neighbourhood}&{filters}")).Select(t => t.Id).Order();

        Assert.Equal(new[] { ateliers.Id, centre.Id }.Order(), await Listed("municipalityCode=GM0363"));
        Assert.Empty(await Listed("municipalityCode=GM0344"));
        Assert.Equal([centre.Id], await Listed("category=MOG"));
        Assert.Equal([ateliers.Id], await Listed("detailCode=ATE"));
        Assert.Equal([centre.Id], await Listed("minAreaM2=100"));
        Assert.Equal([ateliers.Id], await Listed("maxAreaM2=50"));
        Assert.Equal([ateliers.Id], await Listed("minAreaM2=80&maxAreaM2=90"));
        Assert.Empty(await Listed("category=MOG&maxAreaM2=100"));
        Assert.Equal(2, (await ListingAsync(anonymous, $"neighbourhoodCode={neighbourhood}&detailCode=ATE")).Single().Units.Count);
    }

    [Fact]
    public async Task The_listing_pages_with_a_cursor()
    {
        var rochdale = await app.LandlordAsync();
        var neighbourhood = OwnNeighbourhood();
        var published = new List<Guid>();
        for (var i = 0; i < 3; i++)
            published.Add((await rochdale.PublishedAsync(TenderScenarios.PitchJePlan([(await rochdale.UnitInAsync(neighbourhood)).Id]))).Id);
        var listing = new TendersClient(app.Anonymous());

        var first = await listing.ListPublicTendersAsync(neighbourhoodCode: neighbourhood, limit: 2, cancellationToken: Ct);
        var second = await listing.ListPublicTendersAsync(neighbourhoodCode: neighbourhood, limit: 2, cursor: first.NextCursor, cancellationToken: Ct);

        Assert.Equal(published, first.Items.Concat(second.Items).Select(t => t.Id));
        Assert.NotNull(first.NextCursor);
        Assert.Null(second.NextCursor);
    }

    [Theory]
    [InlineData("municipalityCode=0363", "municipalityCode")]
    [InlineData("neighbourhoodCode=BU0363", "neighbourhoodCode")]
    [InlineData("detailCode=atelier", "detailCode")]
    [InlineData("category=BOG", "category")]
    [InlineData("minAreaM2=-1", "minAreaM2")]
    [InlineData("minAreaM2=100&maxAreaM2=50", "maxAreaM2")]
    public async Task A_bad_filter_is_a_400_naming_it(string query, string field)
    {
        using var anonymous = app.Anonymous();

        using var response = await anonymous.GetAsync($"/v1/listings/tenders?{query}", Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "urn:plinth:problem:validation");
        Assert.Contains(field, problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
    }
}

/// <summary>The listing on an instance that allows five requests per window.</summary>
public sealed class TenderListingRateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_listing_is_counted_per_address_with_or_without_a_token_and_answers_429_over_the_limit()
    {
        var token = await app.AccessTokenAsync(PlatformApp.AdminClientId, PlatformApp.AdminSecret);
        using var anonymous = app.Anonymous();
        using var withToken = app.WithToken(token);

        using var first = await anonymous.GetAsync("/v1/listings/tenders", Ct);
        using var second = await withToken.GetAsync("/v1/listings/tenders", Ct);
        using var ownClient = await withToken.GetAsync("/v1/tenants", Ct);
        var remaining = int.Parse(second.Headers.GetValues("RateLimit-Remaining").Single(), System.Globalization.CultureInfo.InvariantCulture);
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i <= remaining; i++)
            responses.Add(await withToken.GetAsync("/v1/listings/tenders", Ct));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(int.Parse(first.Headers.GetValues("RateLimit-Remaining").Single(), System.Globalization.CultureInfo.InvariantCulture) - 1, remaining);
        Assert.Equal("4", ownClient.Headers.GetValues("RateLimit-Remaining").Single());
        Assert.All(responses.SkipLast(1), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await responses[^1].AssertProblemAsync(HttpStatusCode.TooManyRequests, "urn:plinth:problem:too-many-requests");
        responses.ForEach(r => r.Dispose());
    }
}
