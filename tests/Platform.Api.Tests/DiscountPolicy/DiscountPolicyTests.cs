using System.Net;
using System.Net.Http.Json;
using Plinth.Platform.Client;
using Platform.Api.Tests.Discounts;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;
using Estate = Platform.Api.Tests.Infrastructure.RealEstate;

namespace Platform.Api.Tests.DiscountPolicy;

/// <summary>
/// Staedion's policy: 10–40 % below the market rent, one year, only in priority neighbourhoods. Its atelier on the Herderplein
/// (a priority neighbourhood) has a market rent of EUR 12,000 a year and a target rent of EUR 10,800, and is let for EUR 1,000 a month.
/// </summary>
public sealed class DiscountPolicyTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    static readonly DateOnly January2026 = new(2026, 1, 1);

    static readonly UpdateDiscountPolicyRequest StaedionPolicy = new()
    {
        MinBelowMarketPercent = 10, MaxBelowMarketPercent = 40, MaxTermMonths = 12, PriorityNeighbourhoodsOnly = true,
    };

    static CreateUnitRequest StaedionAtelier(Guid plinthId)
    {
        var atelier = Estate.Atelier(plinthId);
        atelier.MarketRentCentsPerYear = 12_000_00;
        atelier.TargetRentCentsPerYear = 10_800_00;
        return atelier;
    }

    async Task<LetAtelier> StaedionWithPolicyAsync(PlinthRequest? plinth = null)
    {
        var atelier = await app.LetAtelierAsync(January2026, plinth: plinth, unit: StaedionAtelier);
        await atelier.Api.DiscountPolicy.UpdateDiscountPolicyAsync(atelier.Tenant.Slug, "\"0\"", StaedionPolicy, Ct);
        return atelier;
    }

    static CreateDiscountRequest PercentOff(int percentage, DateOnly start, DateOnly? end = null)
    {
        var discount = DiscountTests.TwentyFivePercent(start);
        discount.Percentage = percentage;
        discount.EndDate = end ?? discount.EndDate;
        return discount;
    }

    [Fact]
    public async Task Staedion_grants_10_and_40_percent_and_refuses_9_and_41_percent_with_422()
    {
        var (tenant, api, lease) = await StaedionWithPolicyAsync();

        var ten = await api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, PercentOff(10, January2026), cancellationToken: Ct);
        var nine = await ThrowsProblemAsync(422, () => api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, PercentOff(9, new DateOnly(2027, 1, 1)), cancellationToken: Ct));
        var fortyOne = await ThrowsProblemAsync(422, () => api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, PercentOff(41, new DateOnly(2027, 1, 1)), cancellationToken: Ct));
        var forty = await api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, PercentOff(40, new DateOnly(2027, 3, 1)), cancellationToken: Ct);

        Assert.Equal(("urn:plinth:problem:discount-policy", "minBelowMarketPercent"), (nine.Type, nine.Rule));
        Assert.Equal(("urn:plinth:problem:discount-policy", "maxBelowMarketPercent"), (fortyOne.Type, fortyOne.Rule));
        Assert.Equal([ten.Id, forty.Id], (await api.Discounts.ListDiscountsAsync(tenant.Slug, lease.Id, cancellationToken: Ct)).Items.Select(d => d.Id));
        Assert.Equal(new DateOnly(2026, 10, 1), Assert.Single(ten.Periods).EvaluationDueOn);
        Assert.Equal((new DateOnly(2028, 2, 29), new DateOnly(2027, 12, 1)), (forty.EndDate, Assert.Single(forty.Periods).EvaluationDueOn));
    }

    [Fact]
    public async Task The_evaluation_of_a_year_from_1_March_is_due_on_1_December()
    {
        var (tenant, api, lease) = await StaedionWithPolicyAsync();

        var discount = await api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, DiscountTests.TwentyFivePercent(new DateOnly(2026, 3, 1)), cancellationToken: Ct);

        var period = Assert.Single(discount.Periods);
        Assert.Equal((new DateOnly(2027, 2, 28), new DateOnly(2026, 12, 1)), (period.EndDate, period.EvaluationDueOn));
    }

    [Fact]
    public async Task A_discount_longer_than_a_year_or_outside_a_priority_neighbourhood_is_refused_naming_the_rule()
    {
        var (tenant, api, lease) = await StaedionWithPolicyAsync();
        var quiet = Estate.Herderplein();
        quiet.PriorityNeighbourhood = false;
        var (elsewhere, elsewhereApi, elsewhereLease) = await StaedionWithPolicyAsync(quiet);

        var tooLong = await ThrowsProblemAsync(422, () => api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, PercentOff(25, January2026, new DateOnly(2027, 1, 31)), cancellationToken: Ct));
        var notPriority = await ThrowsProblemAsync(422, () => elsewhereApi.Discounts.CreateDiscountAsync(elsewhere.Slug, elsewhereLease.Id, PercentOff(25, January2026), cancellationToken: Ct));

        Assert.Equal("maxTermMonths", tooLong.Rule);
        Assert.Equal("priorityNeighbourhoodsOnly", notPriority.Rule);
        Assert.Empty((await api.Discounts.ListDiscountsAsync(tenant.Slug, lease.Id, cancellationToken: Ct)).Items);
        Assert.Empty((await elsewhereApi.Discounts.ListDiscountsAsync(elsewhere.Slug, elsewhereLease.Id, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task An_evaluation_that_continues_a_discount_outside_the_policy_is_refused()
    {
        var (tenant, api, lease) = await app.LetAtelierAsync(January2026, unit: StaedionAtelier);
        var discount = await api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, DiscountTests.TwentyFivePercent(), cancellationToken: Ct);
        await api.DiscountPolicy.UpdateDiscountPolicyAsync(tenant.Slug, "\"0\"", new UpdateDiscountPolicyRequest { MinBelowMarketPercent = 30 }, Ct);

        var refused = await ThrowsProblemAsync(422, () => api.Discounts.CreateEvaluationAsync(tenant.Slug, discount.Id, EvaluationTests.Evaluation(discount, EvaluationDecision.Continue), cancellationToken: Ct));

        Assert.Equal("minBelowMarketPercent", refused.Rule);
        Assert.Single((await api.Discounts.GetDiscountAsync(tenant.Slug, discount.Id, Ct)).Periods);
        Assert.Empty((await api.Discounts.ListEvaluationsAsync(tenant.Slug, discount.Id, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task Each_month_of_the_rent_schedule_shows_the_rent_per_m2_per_year_and_how_far_below_market_and_target_it_lies()
    {
        var (tenant, api, lease) = await StaedionWithPolicyAsync();
        await api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, PercentOff(10, January2026), cancellationToken: Ct);

        var schedule = await api.Rent.GetRentScheduleAsync(tenant.Slug, lease.Id, new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 1), Ct);

        Assert.Equal([(90_000L, 12_706L, 10.00, 0.00), (100_000L, 14_118L, 0.00, -11.11)],
            schedule.Months.Select(m => (m.EffectiveCents, m.EffectiveCentsPerM2PerYear!.Value, m.BelowMarketPercent!.Value, m.BelowTargetPercent!.Value)));
    }

    [Fact]
    public async Task The_policy_is_read_and_replaced_with_its_etag()
    {
        var (tenant, api, _) = await app.LetAtelierAsync(January2026);

        var none = await api.DiscountPolicy.GetDiscountPolicyAsync(tenant.Slug, Ct);
        var set = await api.DiscountPolicy.UpdateDiscountPolicyAsync(tenant.Slug, none.Etag, StaedionPolicy, Ct);
        var stale = await ThrowsProblemAsync(412, () => api.DiscountPolicy.UpdateDiscountPolicyAsync(tenant.Slug, none.Etag, new UpdateDiscountPolicyRequest(), Ct));
        var cleared = await api.DiscountPolicy.UpdateDiscountPolicyAsync(tenant.Slug, set.Etag, new UpdateDiscountPolicyRequest { MaxTermMonths = 24 }, Ct);

        Assert.Equal(("\"0\"", (int?)null, (bool?)null, (DateTimeOffset?)null), (none.Etag, none.MinBelowMarketPercent, none.PriorityNeighbourhoodsOnly, none.UpdatedAt));
        Assert.Equal((10, 40, 12, true), (set.MinBelowMarketPercent!.Value, set.MaxBelowMarketPercent!.Value, set.MaxTermMonths!.Value, set.PriorityNeighbourhoodsOnly!.Value));
        Assert.NotNull(stale);
        Assert.Equal(((int?)null, (int?)24), (cleared.MinBelowMarketPercent, cleared.MaxTermMonths));
        Assert.Equal(cleared.Etag, (await api.DiscountPolicy.GetDiscountPolicyAsync(tenant.Slug, Ct)).Etag);
    }

    [Theory]
    [InlineData("minBelowMarketPercent", -1, null, null)]
    [InlineData("maxBelowMarketPercent", 20, 10, null)]
    [InlineData("maxBelowMarketPercent", null, 101, null)]
    [InlineData("maxTermMonths", null, null, 0)]
    public async Task A_bad_policy_is_refused_with_the_rule_named_and_nothing_changes(string field, int? min, int? max, int? months)
    {
        var (tenant, api, _) = await app.LetAtelierAsync(January2026);

        var problem = await ThrowsProblemAsync(400, () => api.DiscountPolicy.UpdateDiscountPolicyAsync(tenant.Slug, "\"0\"",
            new UpdateDiscountPolicyRequest { MinBelowMarketPercent = min, MaxBelowMarketPercent = max, MaxTermMonths = months }, Ct));

        Assert.Equal([field], problem.FieldNames());
        Assert.Equal("\"0\"", (await api.DiscountPolicy.GetDiscountPolicyAsync(tenant.Slug, Ct)).Etag);
    }

    [Fact]
    public async Task Only_the_tenant_admin_sets_the_policy_and_other_tenants_see_none_of_it()
    {
        var (tenant, api, _) = await app.LetAtelierAsync(January2026);
        var writer = await tenant.SignInAsync("discounts:write");
        var other = await (await app.CreateTenantAsync()).SignInAsync("tenant:admin", "discounts:read");

        await ThrowsProblemAsync(403, () => writer.DiscountPolicy.UpdateDiscountPolicyAsync(tenant.Slug, "\"0\"", StaedionPolicy, Ct));
        await ThrowsProblemAsync(404, () => other.DiscountPolicy.GetDiscountPolicyAsync(tenant.Slug, Ct));
        await ThrowsProblemAsync(404, () => other.DiscountPolicy.UpdateDiscountPolicyAsync(tenant.Slug, "\"0\"", StaedionPolicy, Ct));
        Assert.Equal("\"0\"", (await writer.DiscountPolicy.GetDiscountPolicyAsync(tenant.Slug, Ct)).Etag);
        using var anonymous = app.Anonymous();
        using var response = await anonymous.GetAsync($"/v1/tenants/{tenant.Slug}/discount-policy", Ct);
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        using var noIfMatch = await api.Http.PutAsJsonAsync($"/v1/tenants/{tenant.Slug}/discount-policy", new { maxTermMonths = 12 }, Ct);
        await noIfMatch.AssertProblemAsync(HttpStatusCode.PreconditionRequired);
    }
}
