using System.Net;
using System.Net.Http.Json;
using Plinth.Platform.Client;
using Platform.Api.Tests.Discounts;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;
using Estate = Platform.Api.Tests.Infrastructure.RealEstate;

namespace Platform.Api.Tests.RealEstate;

/// <summary>Woonin's Herderplein lunchroom (horeca, art. 7:290 BW) beside the atelier (7:230a).</summary>
public sealed class LeaseRegimeTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    static readonly DateOnly January2026 = new(2026, 1, 1);

    [Fact]
    public async Task A_lunchroom_agreed_for_three_years_is_a_7_290_lease_with_a_statutory_end_at_five()
    {
        var (tenant, api, lunchroom) = await Estate.UnitAsync(app, "HOR");

        var lease = await api.Leases.CreateLeaseAsync(tenant.Slug,
            Estate.Lease(lunchroom.Id, January2026, new DateOnly(2028, 12, 31), regime: null), cancellationToken: Ct);
        var read = await api.Leases.GetLeaseAsync(tenant.Slug, lease.Id, Ct);

        Assert.Equal((LeaseRegime.Article7_290, new DateOnly(2028, 12, 31)), (lease.Regime, lease.EndDate));
        Assert.Equal((new DateOnly(2030, 12, 31), new DateOnly(2029, 12, 31)), (lease.StatutoryEndDate, lease.NoticeDeadline));
        Assert.Equal((lease.StatutoryEndDate, lease.NoticeDeadline), (read.StatutoryEndDate, read.NoticeDeadline));
    }

    [Theory]
    [InlineData("ATE", LeaseRegime.Article7_230a)]
    [InlineData("WIR", LeaseRegime.Article7_290)]
    [InlineData("WWI", LeaseRegime.Article7_290)]
    public async Task Without_a_regime_the_lease_takes_the_units(string detailCode, LeaseRegime regime)
    {
        var (tenant, api, unit) = await Estate.UnitAsync(app, detailCode);

        var lease = await api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(unit.Id, January2026, new DateOnly(2028, 12, 31), regime: null), cancellationToken: Ct);

        Assert.Equal(regime, lease.Regime);
        Assert.Equal(regime == LeaseRegime.Article7_290, lease.StatutoryEndDate is not null);
    }

    [Fact]
    public async Task A_regime_given_wins_over_the_units_and_a_7_230a_lease_ends_on_its_end_date()
    {
        var (tenant, api, lunchroom) = await Estate.UnitAsync(app, "HOR");

        var lease = await api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(lunchroom.Id, January2026, new DateOnly(2028, 12, 31)), cancellationToken: Ct);

        Assert.Equal(LeaseRegime.Article7_230a, lease.Regime);
        Assert.Equal((null, null), (lease.StatutoryEndDate, lease.NoticeDeadline));
    }

    [Fact]
    public async Task A_two_year_lunchroom_lease_is_exempt_until_the_lessee_stays_on_and_terminating_it_ends_it_on_its_date()
    {
        var (tenant, api, lunchroom) = await Estate.UnitAsync(app, "HOR");
        var twoYears = await api.Leases.CreateLeaseAsync(tenant.Slug,
            Estate.Lease(lunchroom.Id, January2026, new DateOnly(2027, 12, 31), regime: null), cancellationToken: Ct);

        var update = twoYears.AsUpdate();
        update.EndDate = new DateOnly(2028, 6, 30);
        var stayedOn = await api.Leases.UpdateLeaseAsync(tenant.Slug, twoYears.Id, twoYears.Etag, update, Ct);
        var terminated = await api.Leases.TerminateLeaseAsync(tenant.Slug, twoYears.Id,
            new TerminateLeaseRequest { EndDate = new DateOnly(2027, 12, 31), Reason = "Opgezegd met inachtneming van de termijn." }, cancellationToken: Ct);

        Assert.Equal((LeaseRegime.Article7_290, null, null), (twoYears.Regime, twoYears.StatutoryEndDate, twoYears.NoticeDeadline));
        Assert.Equal((new DateOnly(2030, 12, 31), new DateOnly(2029, 12, 31)), (stayedOn.StatutoryEndDate, stayedOn.NoticeDeadline));
        Assert.Equal((new DateOnly(2027, 12, 31), null, null), (terminated.EndDate, terminated.StatutoryEndDate, terminated.NoticeDeadline));
    }

    [Theory]
    [InlineData("""{"regime":"7:291"}""", "regime")]
    [InlineData("""{"regime":null}""", "regime")]
    public async Task An_update_needs_a_known_regime(string change, string field)
    {
        var (tenant, api, lunchroom) = await Estate.UnitAsync(app, "HOR");
        var lease = await api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(lunchroom.Id, January2026, new DateOnly(2028, 12, 31)), cancellationToken: Ct);
        var body = System.Text.Json.JsonSerializer.SerializeToNode(lease.AsUpdate())!.AsObject();
        foreach (var (name, value) in System.Text.Json.Nodes.JsonNode.Parse(change)!.AsObject())
            body[name] = value?.DeepClone();

        using var request = new HttpRequestMessage(HttpMethod.Put, $"/v1/tenants/{tenant.Slug}/leases/{lease.Id}") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", lease.Etag);
        using var response = await api.Http.SendAsync(request, Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([field], problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.Equal(LeaseRegime.Article7_230a, (await api.Leases.GetLeaseAsync(tenant.Slug, lease.Id, Ct)).Regime);
    }

    [Fact]
    public async Task Ending_a_discount_at_its_evaluation_ends_the_discount_and_never_the_lease()
    {
        var (tenant, api, lunchroom) = await Estate.UnitAsync(app, "HOR");
        var lease = await api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(lunchroom.Id, January2026, new DateOnly(2028, 12, 31), regime: null), cancellationToken: Ct);
        var twoYears = DiscountTests.TwentyFivePercent();
        twoYears.EndDate = new DateOnly(2027, 12, 31);
        var discount = await api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, twoYears, cancellationToken: Ct);

        var evaluation = await api.Discounts.CreateEvaluationAsync(tenant.Slug, discount.Id,
            EvaluationTests.Evaluation(discount, EvaluationDecision.End, on: new DateOnly(2026, 10, 15)), cancellationToken: Ct);
        var after = await api.Leases.GetLeaseAsync(tenant.Slug, lease.Id, Ct);

        Assert.Null(evaluation.NextPeriod);
        Assert.Equal(new DateOnly(2026, 12, 31), (await api.Discounts.GetDiscountAsync(tenant.Slug, discount.Id, Ct)).EndDate);
        Assert.Equal((lease.Etag, lease.EndDate, lease.StatutoryEndDate, lease.NoticeDeadline, lease.TerminatedAt),
            (after.Etag, after.EndDate, after.StatutoryEndDate, after.NoticeDeadline, after.TerminatedAt));
    }
}
