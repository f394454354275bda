using System.Net;
using System.Net.Http.Json;
using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;
using Estate = Platform.Api.Tests.Infrastructure.RealEstate;

namespace Platform.Api.Tests.RentRevisions;

/// <summary>Revisions of the Herderplein atelier's base rent of EUR 1,000: from a month on, never reaching back.</summary>
public sealed class RentRevisionTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Two months ahead of the machine's month, so that neither the UTC nor the Dutch date is in that month or the next.</summary>
    static DateOnly MonthAhead => new DateOnly(Estate.Today.Year, Estate.Today.Month, 1).AddMonths(2);

    static CreateRentRevisionRequest Indexation(DateOnly from, long cents = 103_000) =>
        new() { EffectiveFrom = from, BaseRentCentsPerMonth = cents, Reason = RentRevisionReason.Indexation };

    Task<LetAtelier> LetSinceLastYearAsync() => app.LetAtelierAsync(new DateOnly(Estate.Today.Year - 1, 1, 1));

    [Fact]
    public async Task An_indexation_on_the_first_of_next_month_changes_no_past_month()
    {
        await using var clocked = new ClockedApp();
        await clocked.InitializeAsync();
        clocked.MoveTo(new DateOnly(2026, 6, 15));
        var (tenant, api, lease) = await clocked.LetAtelierAsync(new DateOnly(2026, 1, 1));
        var budget = await api.Budgets.CreateBudgetAsync(tenant.Slug, new CreateBudgetRequest { Line = Discounts.DiscountTests.Leefbaarheid, Year = 2026, AmountCents = 10_000_00 }, cancellationToken: Ct);
        await api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, Discounts.DiscountTests.TwentyFivePercent(budgetLine: budget.Line), cancellationToken: Ct);
        var before = await api.Rent.GetRentScheduleAsync(tenant.Slug, lease.Id, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 1), Ct);

        var revision = await api.RentRevisions.CreateRentRevisionAsync(tenant.Slug, lease.Id, Indexation(new DateOnly(2026, 7, 1)), cancellationToken: Ct);
        var after = await api.Rent.GetRentScheduleAsync(tenant.Slug, lease.Id, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 1), Ct);

        Assert.Equal((new DateOnly(2026, 7, 1), 103_000L, RentRevisionReason.Indexation), (revision.EffectiveFrom, revision.BaseRentCentsPerMonth, revision.Reason));
        Assert.Equal(before.Months.Take(6).Select(m => (m.Month, m.BaseCents, m.DiscountCents, m.EffectiveCents)),
            after.Months.Take(6).Select(m => (m.Month, m.BaseCents, m.DiscountCents, m.EffectiveCents)));
        Assert.All(after.Months.Take(6), m => Assert.Equal((100_000L, 75_000L), (m.BaseCents, m.EffectiveCents)));
        Assert.All(after.Months.Skip(6), m => Assert.Equal((103_000L, 25_750L, 77_250L), (m.BaseCents, m.DiscountCents, m.EffectiveCents)));
        Assert.Equal(77_250, (await api.Rent.GetRentAsync(tenant.Slug, lease.Id, new DateOnly(2026, 7, 15), Ct)).EffectiveCentsPerMonth);
        Assert.Equal(6 * 25_000 + 6 * 25_750, (await api.Budgets.GetBudgetAsync(tenant.Slug, budget.Id, Ct)).CommittedCents);
        Assert.Equal(100_000, (await api.Leases.GetLeaseAsync(tenant.Slug, lease.Id, Ct)).BaseRentCentsPerMonth);
        var audit = Assert.Single((await api.Audit.ListAuditEventsAsync(tenant.Slug, AuditEntityType.Lease, lease.Id, cancellationToken: Ct)).Items,
            e => e.Action == AuditAction.RentRevised);
        Assert.Contains(audit.Changes, c => c.Field == "baseRentCentsPerMonth" && c.New == "103000");
    }

    /// <summary>The atelier let from 1 January 2026 with 25 % off on a line whose 2026 budget its discount fills: EUR 250 a month.</summary>
    static async Task<(TestTenant Tenant, PlatformApi Api, LeaseResponse Lease, BudgetResponse Budget)> FullBudgetAsync(ClockedApp clocked)
    {
        clocked.MoveTo(new DateOnly(2026, 6, 15));
        var (tenant, api, lease) = await clocked.LetAtelierAsync(new DateOnly(2026, 1, 1));
        var budget = await api.Budgets.CreateBudgetAsync(tenant.Slug, new CreateBudgetRequest { Line = Discounts.DiscountTests.Leefbaarheid, Year = 2026, AmountCents = 12 * 25_000 }, cancellationToken: Ct);
        await api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, Discounts.DiscountTests.TwentyFivePercent(budgetLine: budget.Line), cancellationToken: Ct);
        return (tenant, api, lease, budget);
    }

    [Fact]
    public async Task An_indexation_that_would_take_a_percentage_discount_over_its_budget_is_refused_with_what_remains_and_nothing_changes()
    {
        await using var clocked = new ClockedApp();
        await clocked.InitializeAsync();
        var (tenant, api, lease, budget) = await FullBudgetAsync(clocked);

        var refused = await ThrowsProblemAsync(409, () => api.RentRevisions.CreateRentRevisionAsync(tenant.Slug, lease.Id, Indexation(new DateOnly(2026, 7, 1)), cancellationToken: Ct));

        Assert.Equal("urn:plinth:problem:budget-exceeded", refused.Type);
        Assert.Equal((budget.Id, 2026), (refused.BudgetId, refused.Year));
        // Six months at 25 % of EUR 1,000 and six at 25 % of EUR 1,030, where the budget holds twelve at EUR 250.
        Assert.Equal((300_000L, 304_500L), (refused.RemainingCents, refused.RequiredCents));
        Assert.Empty((await api.RentRevisions.ListRentRevisionsAsync(tenant.Slug, lease.Id, cancellationToken: Ct)).Items);
        Assert.Equal(300_000, (await api.Budgets.GetBudgetAsync(tenant.Slug, budget.Id, Ct)).CommittedCents);
        Assert.Equal(100_000, (await api.Rent.GetRentAsync(tenant.Slug, lease.Id, new DateOnly(2026, 8, 1), Ct)).BaseCentsPerMonth);
    }

    [Fact]
    public async Task A_revision_that_lowers_the_rent_passes_on_a_full_budget_and_frees_its_money()
    {
        await using var clocked = new ClockedApp();
        await clocked.InitializeAsync();
        var (tenant, api, lease, budget) = await FullBudgetAsync(clocked);

        await api.RentRevisions.CreateRentRevisionAsync(tenant.Slug, lease.Id,
            new CreateRentRevisionRequest { EffectiveFrom = new DateOnly(2026, 7, 1), BaseRentCentsPerMonth = 95_000, Reason = RentRevisionReason.Renegotiation }, cancellationToken: Ct);

        Assert.Equal(6 * 25_000 + 6 * 23_750, (await api.Budgets.GetBudgetAsync(tenant.Slug, budget.Id, Ct)).CommittedCents);
    }

    [Fact]
    public async Task Revisions_are_listed_in_the_order_made_and_each_is_found_at_its_location()
    {
        var (tenant, api, lease) = await LetSinceLastYearAsync();
        using var response = await api.Http.PostAsJsonAsync($"/v1/tenants/{tenant.Slug}/leases/{lease.Id}/rent-revisions",
            new { effectiveFrom = MonthAhead, baseRentCentsPerMonth = 103_000, reason = "indexation" }, Ct);
        var renegotiated = await api.RentRevisions.CreateRentRevisionAsync(tenant.Slug, lease.Id,
            new CreateRentRevisionRequest { EffectiveFrom = MonthAhead.AddMonths(6), BaseRentCentsPerMonth = 95_000, Reason = RentRevisionReason.Renegotiation }, cancellationToken: Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var located = await api.Http.GetAsync(response.Headers.Location, Ct);
        var indexation = (await located.Content.ReadFromJsonAsync<RentRevisionResponse>(Ct))!;
        var firstPage = await api.RentRevisions.ListRentRevisionsAsync(tenant.Slug, lease.Id, limit: 1, cancellationToken: Ct);
        var secondPage = await api.RentRevisions.ListRentRevisionsAsync(tenant.Slug, lease.Id, limit: 1, cursor: firstPage.NextCursor, cancellationToken: Ct);
        var read = await api.RentRevisions.GetRentRevisionAsync(tenant.Slug, lease.Id, renegotiated.Id, Ct);

        Assert.Equal((MonthAhead, 103_000L), (indexation.EffectiveFrom, indexation.BaseRentCentsPerMonth));
        Assert.Equal([indexation.Id, renegotiated.Id], firstPage.Items.Concat(secondPage.Items).Select(r => r.Id));
        Assert.Null(secondPage.NextCursor);
        Assert.Equal((95_000L, RentRevisionReason.Renegotiation, lease.Id), (read.BaseRentCentsPerMonth, read.Reason, read.LeaseId));
        var rents = await api.Rent.GetRentScheduleAsync(tenant.Slug, lease.Id, MonthAhead.AddMonths(-1), MonthAhead.AddMonths(6), Ct);
        Assert.Equal([100_000L, 103_000L, 103_000L, 103_000L, 103_000L, 103_000L, 103_000L, 95_000L], rents.Months.Select(m => m.BaseCents));
    }

    [Theory]
    [InlineData("effectiveFrom", "not the first")]
    [InlineData("effectiveFrom", "a past month")]
    [InlineData("baseRentCentsPerMonth", "zero")]
    public async Task A_bad_revision_is_refused_with_the_field_named_and_nothing_stored(string field, string what)
    {
        var (tenant, api, lease) = await LetSinceLastYearAsync();
        var request = what switch
        {
            "not the first" => Indexation(MonthAhead.AddDays(14)),
            "a past month" => Indexation(MonthAhead.AddMonths(-4)),
            _ => Indexation(MonthAhead, cents: 0),
        };

        var problem = await ThrowsProblemAsync(400, () => api.RentRevisions.CreateRentRevisionAsync(tenant.Slug, lease.Id, request, cancellationToken: Ct));

        Assert.Equal([field], problem.FieldNames());
        Assert.Empty((await api.RentRevisions.ListRentRevisionsAsync(tenant.Slug, lease.Id, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task A_revision_needs_a_reason_and_a_month_has_one_revision()
    {
        var (tenant, api, lease) = await LetSinceLastYearAsync();
        using var noReason = await api.Http.PostAsJsonAsync($"/v1/tenants/{tenant.Slug}/leases/{lease.Id}/rent-revisions",
            new { effectiveFrom = MonthAhead, baseRentCentsPerMonth = 103_000 }, Ct);
        await api.RentRevisions.CreateRentRevisionAsync(tenant.Slug, lease.Id, Indexation(MonthAhead), cancellationToken: Ct);

        var second = await ThrowsProblemAsync(409, () => api.RentRevisions.CreateRentRevisionAsync(tenant.Slug, lease.Id, Indexation(MonthAhead, 110_000), cancellationToken: Ct));

        var body = await noReason.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("reason", body.GetRawText());
        Assert.Equal("urn:plinth:problem:rent-revision-exists", second.Type);
        Assert.Equal(103_000, Assert.Single((await api.RentRevisions.ListRentRevisionsAsync(tenant.Slug, lease.Id, cancellationToken: Ct)).Items).BaseRentCentsPerMonth);
    }

    [Fact]
    public async Task A_lease_update_no_longer_changes_the_base_rent()
    {
        var (tenant, api, lease) = await LetSinceLastYearAsync();
        var update = lease.AsUpdate();
        update.Lessee.Name = "Atelier Het Plein";
        var body = System.Text.Json.JsonSerializer.SerializeToNode(update, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)
        {
            Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        })!.AsObject();
        body["baseRentCentsPerMonth"] = 75_000;

        using var request = new HttpRequestMessage(HttpMethod.Put, $"/v1/tenants/{tenant.Slug}/leases/{lease.Id}") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", lease.Etag);
        using var response = await api.Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var renamed = (await response.Content.ReadFromJsonAsync<LeaseResponse>(Ct))!;
        Assert.Equal(("Atelier Het Plein", 100_000L), (renamed.Lessee.Name, renamed.BaseRentCentsPerMonth));
        Assert.Equal(100_000, (await api.Rent.GetRentAsync(tenant.Slug, lease.Id, Estate.Today, Ct)).BaseCentsPerMonth);
    }

    [Fact]
    public async Task Rent_revisions_need_a_lease_scope_and_stay_with_their_tenant()
    {
        var (tenant, api, lease) = await LetSinceLastYearAsync();
        var revision = await api.RentRevisions.CreateRentRevisionAsync(tenant.Slug, lease.Id, Indexation(MonthAhead), cancellationToken: Ct);
        var other = await (await app.CreateTenantAsync()).SignInAsync("leases:read", "leases:write");
        var reader = await tenant.SignInAsync("leases:read");
        var plinthsOnly = await tenant.SignInAsync("plinths:read");

        await ThrowsProblemAsync(404, () => other.RentRevisions.GetRentRevisionAsync(tenant.Slug, lease.Id, revision.Id, Ct));
        await ThrowsProblemAsync(404, () => other.RentRevisions.ListRentRevisionsAsync(tenant.Slug, lease.Id, cancellationToken: Ct));
        await ThrowsProblemAsync(404, () => other.RentRevisions.CreateRentRevisionAsync(tenant.Slug, lease.Id, Indexation(MonthAhead.AddMonths(1)), cancellationToken: Ct));
        await ThrowsProblemAsync(404, () => api.RentRevisions.ListRentRevisionsAsync(tenant.Slug, Guid.NewGuid(), cancellationToken: Ct));
        await ThrowsProblemAsync(404, () => api.RentRevisions.CreateRentRevisionAsync(tenant.Slug, Guid.NewGuid(), Indexation(MonthAhead), cancellationToken: Ct));
        await ThrowsProblemAsync(403, () => reader.RentRevisions.CreateRentRevisionAsync(tenant.Slug, lease.Id, Indexation(MonthAhead.AddMonths(1)), cancellationToken: Ct));
        await ThrowsProblemAsync(403, () => plinthsOnly.RentRevisions.ListRentRevisionsAsync(tenant.Slug, lease.Id, cancellationToken: Ct));
        Assert.Equal(revision.Id, (await reader.RentRevisions.GetRentRevisionAsync(tenant.Slug, lease.Id, revision.Id, Ct)).Id);
        using var anonymous = app.Anonymous();
        using var response = await anonymous.GetAsync($"/v1/tenants/{tenant.Slug}/leases/{lease.Id}/rent-revisions", Ct);
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Single((await api.RentRevisions.ListRentRevisionsAsync(tenant.Slug, lease.Id, cancellationToken: Ct)).Items);
    }
}
