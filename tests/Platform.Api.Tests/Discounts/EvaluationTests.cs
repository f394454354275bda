using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;
using Estate = Platform.Api.Tests.Infrastructure.RealEstate;

namespace Platform.Api.Tests.Discounts;

public sealed class EvaluationTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    static readonly DateOnly January2026 = new(2026, 1, 1);

    async Task<(TestTenant Tenant, PlatformApi Api, LeaseResponse Lease, DiscountResponse Discount)> DiscountAsync(Func<PlatformApi, TestTenant, Task>? budget = null)
    {
        var tenant = await app.CreateTenantAsync(name: "Staedion");
        var api = await tenant.SignInAsync("plinths:write", "leases:write", "discounts:read", "discounts:write");
        var plinth = await api.Plinths.CreatePlinthAsync(tenant.Slug, Estate.Herderplein(), cancellationToken: Ct);
        var unit = await api.Units.CreateUnitAsync(tenant.Slug, Estate.Atelier(plinth.Id), cancellationToken: Ct);
        var lease = await api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(unit.Id, January2026), cancellationToken: Ct);
        if (budget is not null)
            await budget(api, tenant);
        var discount = await api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id,
            DiscountTests.TwentyFivePercent(budgetLine: budget is null ? null : DiscountTests.Leefbaarheid), cancellationToken: Ct);
        return (tenant, api, lease, discount);
    }

    /// <summary>An evaluation of <paramref name="period"/> with its results; continue and step_up carry the next period's justification and 30 workshops.</summary>
    internal static CreateEvaluationRequest Evaluation(DiscountResponse discount, EvaluationDecision decision, DateOnly? on = null, int period = 1) => new()
    {
        PeriodNumber = period,
        EvaluatedOn = on ?? new DateOnly(2026, 10, 15),
        Results = [.. discount.Periods.Single(p => p.Number == period).CounterPerformances.Select(c => new CounterPerformanceResult { CounterPerformanceId = c.Id, Actual = 26 })],
        Decision = decision,
        Justification = decision == EvaluationDecision.End ? null : NextJustification,
        CounterPerformances = decision == EvaluationDecision.End ? null :
        [
            new CounterPerformanceRequest { Description = "Open workshops voor kinderen uit de buurt", Unit = "workshops", Target = 30, Theme = "makers", Radius = ImpactRadius.Neighbourhood },
        ],
        Notes = "26 workshops, 310 kinderen bereikt.",
    };

    internal const string NextJustification = "Het atelier bereikte 310 buurtkinderen; het tweede jaar mikt op 30 workshops.";

    [Fact]
    public async Task Continuing_opens_the_next_year_with_the_same_terms_and_a_period_is_evaluated_once()
    {
        var (tenant, api, lease, discount) = await DiscountAsync();

        var evaluation = await api.Discounts.CreateEvaluationAsync(tenant.Slug, discount.Id, Evaluation(discount, EvaluationDecision.Continue), cancellationToken: Ct);
        var twice = await ThrowsProblemAsync(409, () => api.Discounts.CreateEvaluationAsync(tenant.Slug, discount.Id, Evaluation(discount, EvaluationDecision.Continue), cancellationToken: Ct));
        var after = await api.Discounts.GetDiscountAsync(tenant.Slug, discount.Id, Ct);

        Assert.Equal(1, evaluation.PeriodNumber);
        Assert.Equal((new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), new DateOnly(2027, 10, 1), 25),
            (evaluation.NextPeriod!.StartDate, evaluation.NextPeriod.EndDate, evaluation.NextPeriod.EvaluationDueOn, evaluation.NextPeriod.Percentage));
        Assert.Equal(26, Assert.Single(evaluation.Results).Actual);
        Assert.Equal("urn:plinth:problem:period-evaluated", twice.Type);
        Assert.Equal(new DateOnly(2027, 12, 31), after.EndDate);
        Assert.Equal([true, false], after.Periods.Select(p => p.Evaluated));
        Assert.Equal(75_000, (await api.Rent.GetRentAsync(tenant.Slug, lease.Id, new DateOnly(2027, 6, 1), Ct)).EffectiveCentsPerMonth);
        Assert.Equal(evaluation.Id, Assert.Single((await api.Discounts.ListEvaluationsAsync(tenant.Slug, discount.Id, cancellationToken: Ct)).Items).Id);
        Assert.Equal(evaluation.Id, (await api.Discounts.GetEvaluationAsync(tenant.Slug, discount.Id, evaluation.Id, Ct)).Id);
    }

    [Fact]
    public async Task Continuing_gives_the_next_period_its_own_justification_and_targets_and_the_first_keeps_its_own()
    {
        var (tenant, api, _, discount) = await DiscountAsync();

        await api.Discounts.CreateEvaluationAsync(tenant.Slug, discount.Id, Evaluation(discount, EvaluationDecision.Continue), cancellationToken: Ct);
        var after = await api.Discounts.GetDiscountAsync(tenant.Slug, discount.Id, Ct);

        Assert.Equal([discount.Justification, NextJustification], after.Periods.Select(p => p.Justification));
        Assert.Equal([24, 30], after.Periods.Select(p => Assert.Single(p.CounterPerformances).Target));
        Assert.Equal((NextJustification, 30), (after.Justification, Assert.Single(after.CounterPerformances).Target));
        Assert.Equal([new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1)], after.Periods.Select(p => p.TermsFrom));
    }

    [Theory]
    [InlineData(EvaluationDecision.Continue, "justification")]
    [InlineData(EvaluationDecision.Continue, "counterPerformances")]
    [InlineData(EvaluationDecision.StepUp, "justification")]
    [InlineData(EvaluationDecision.End, "justification")]
    [InlineData(EvaluationDecision.End, "counterPerformances")]
    public async Task Continue_and_step_up_need_a_new_justification_and_targets_and_end_takes_none(EvaluationDecision decision, string field)
    {
        var (tenant, api, _, discount) = await DiscountAsync();
        var request = Evaluation(discount, decision);
        if (decision == EvaluationDecision.StepUp)
            request.NewTerms = new DiscountTermsRequest { Kind = DiscountKind.Percentage, Percentage = 10 };
        var nextPeriod = Evaluation(discount, EvaluationDecision.Continue);
        if (decision == EvaluationDecision.End && field == "justification")
            request.Justification = nextPeriod.Justification;
        else if (decision == EvaluationDecision.End)
            request.CounterPerformances = nextPeriod.CounterPerformances;
        else if (field == "justification")
            request.Justification = "";
        else
            request.CounterPerformances = [];

        var problem = await ThrowsProblemAsync(400, () => api.Discounts.CreateEvaluationAsync(tenant.Slug, discount.Id, request, cancellationToken: Ct));

        Assert.Equal([field], problem.FieldNames());
        Assert.Empty((await api.Discounts.ListEvaluationsAsync(tenant.Slug, discount.Id, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task An_evaluation_names_an_open_period_and_a_day_that_has_come()
    {
        var (tenant, api, _, discount) = await DiscountAsync();
        var unknownPeriod = Evaluation(discount, EvaluationDecision.End);
        unknownPeriod.PeriodNumber = 2;
        var tomorrow = Evaluation(discount, EvaluationDecision.End, on: Estate.Today.AddDays(2));

        Assert.Equal(["periodNumber"], (await ThrowsProblemAsync(400, () => api.Discounts.CreateEvaluationAsync(tenant.Slug, discount.Id, unknownPeriod, cancellationToken: Ct))).FieldNames());
        Assert.Equal(["evaluatedOn"], (await ThrowsProblemAsync(400, () => api.Discounts.CreateEvaluationAsync(tenant.Slug, discount.Id, tomorrow, cancellationToken: Ct))).FieldNames());
        Assert.Empty((await api.Discounts.ListEvaluationsAsync(tenant.Slug, discount.Id, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task The_same_evaluation_retried_with_one_idempotency_key_is_recorded_once_and_continues_the_discount_once()
    {
        var (tenant, api, _, discount) = await DiscountAsync();
        var key = Guid.NewGuid().ToString();

        var first = await api.Discounts.CreateEvaluationAsync(tenant.Slug, discount.Id, Evaluation(discount, EvaluationDecision.Continue), key, Ct);
        var retried = await api.Discounts.CreateEvaluationAsync(tenant.Slug, discount.Id, Evaluation(discount, EvaluationDecision.Continue), key, Ct);
        var after = await api.Discounts.GetDiscountAsync(tenant.Slug, discount.Id, Ct);

        Assert.Equal(first.Id, retried.Id);
        Assert.Equal(first.Id, Assert.Single((await api.Discounts.ListEvaluationsAsync(tenant.Slug, discount.Id, cancellationToken: Ct)).Items).Id);
        Assert.Equal(new DateOnly(2027, 12, 31), after.EndDate);
        Assert.Equal(2, after.Periods.Count);
    }

    [Fact]
    public async Task Stepping_up_opens_the_next_year_with_a_smaller_discount_and_a_bigger_one_is_refused()
    {
        var (tenant, api, lease, discount) = await DiscountAsync();
        var bigger = Evaluation(discount, EvaluationDecision.StepUp);
        bigger.NewTerms = new DiscountTermsRequest { Kind = DiscountKind.Percentage, Percentage = 40 };
        var smaller = Evaluation(discount, EvaluationDecision.StepUp);
        smaller.NewTerms = new DiscountTermsRequest { Kind = DiscountKind.Percentage, Percentage = 10 };

        var refused = await ThrowsProblemAsync(400, () => api.Discounts.CreateEvaluationAsync(tenant.Slug, discount.Id, bigger, cancellationToken: Ct));
        var stepped = await api.Discounts.CreateEvaluationAsync(tenant.Slug, discount.Id, smaller, cancellationToken: Ct);

        Assert.Equal(["newTerms"], refused.FieldNames());
        Assert.Equal(10, stepped.NextPeriod!.Percentage);
        Assert.Equal(90_000, (await api.Rent.GetRentAsync(tenant.Slug, lease.Id, new DateOnly(2027, 1, 1), Ct)).EffectiveCentsPerMonth);
    }

    [Fact]
    public async Task Ending_stops_the_discount_at_the_end_of_the_period()
    {
        var (tenant, api, lease, discount) = await DiscountAsync();

        var evaluation = await api.Discounts.CreateEvaluationAsync(tenant.Slug, discount.Id, Evaluation(discount, EvaluationDecision.End), cancellationToken: Ct);
        var after = await api.Discounts.GetDiscountAsync(tenant.Slug, discount.Id, Ct);

        Assert.Null(evaluation.NextPeriod);
        Assert.Equal(new DateOnly(2026, 12, 31), after.EndDate);
        Assert.Single(after.Periods);
        Assert.Equal(100_000, (await api.Rent.GetRentAsync(tenant.Slug, lease.Id, new DateOnly(2027, 1, 1), Ct)).EffectiveCentsPerMonth);
    }

    [Fact]
    public async Task A_step_up_needs_new_terms_and_results_name_this_discounts_counter_performances()
    {
        var (tenant, api, _, discount) = await DiscountAsync();
        var withoutTerms = Evaluation(discount, EvaluationDecision.StepUp);
        var strangeResult = Evaluation(discount, EvaluationDecision.Continue);
        strangeResult.Results = [new CounterPerformanceResult { CounterPerformanceId = Guid.NewGuid(), Actual = 3 }];

        Assert.Equal(["newTerms"], (await ThrowsProblemAsync(400, () => api.Discounts.CreateEvaluationAsync(tenant.Slug, discount.Id, withoutTerms, cancellationToken: Ct))).FieldNames());
        Assert.Equal(["results"], (await ThrowsProblemAsync(400, () => api.Discounts.CreateEvaluationAsync(tenant.Slug, discount.Id, strangeResult, cancellationToken: Ct))).FieldNames());
        Assert.Empty((await api.Discounts.ListEvaluationsAsync(tenant.Slug, discount.Id, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task Continuing_beyond_the_budget_is_refused()
    {
        var budget2027 = Guid.Empty;
        var (tenant, api, _, discount) = await DiscountAsync(budget: async (api, tenant) => budget2027 =
            (await api.Budgets.CreateBudgetAsync(tenant.Slug, new CreateBudgetRequest { Line = DiscountTests.Leefbaarheid, Year = 2027, AmountCents = 100_000 }, cancellationToken: Ct)).Id);

        var refused = await ThrowsProblemAsync(409, () => api.Discounts.CreateEvaluationAsync(tenant.Slug, discount.Id, Evaluation(discount, EvaluationDecision.Continue), cancellationToken: Ct));

        Assert.Equal("urn:plinth:problem:budget-exceeded", refused.Type);
        Assert.Equal((budget2027, 2027), (refused.BudgetId, refused.Year));
        Assert.Equal(100_000, refused.RemainingCents);
        Assert.Equal(300_000, refused.RequiredCents);
        Assert.Single((await api.Discounts.GetDiscountAsync(tenant.Slug, discount.Id, Ct)).Periods);
    }

    [Fact]
    public async Task Another_tenant_cannot_evaluate()
    {
        var (tenant, _, _, discount) = await DiscountAsync();
        var other = await (await app.CreateTenantAsync()).SignInAsync("discounts:write");

        await ThrowsProblemAsync(404, () => other.Discounts.CreateEvaluationAsync(tenant.Slug, discount.Id, Evaluation(discount, EvaluationDecision.End), cancellationToken: Ct));
        await ThrowsProblemAsync(404, () => other.Discounts.ListEvaluationsAsync(tenant.Slug, discount.Id, cancellationToken: Ct));
    }
}

public sealed class EvaluationEdgeTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    static readonly DateOnly January2026 = new(2026, 1, 1);

    async Task<(TestTenant Tenant, PlatformApi Api, LeaseResponse Lease)> LeaseAsync()
    {
        var tenant = await app.CreateTenantAsync();
        var api = await tenant.SignInAsync("plinths:write", "leases:write", "discounts:read", "discounts:write");
        var plinth = await api.Plinths.CreatePlinthAsync(tenant.Slug, Estate.Herderplein(), cancellationToken: Ct);
        var unit = await api.Units.CreateUnitAsync(tenant.Slug, Estate.Atelier(plinth.Id), cancellationToken: Ct);
        return (tenant, api, await api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(unit.Id, January2026), cancellationToken: Ct));
    }

    [Fact]
    public async Task Continuing_into_the_next_discount_of_the_lease_is_refused()
    {
        var (tenant, api, lease) = await LeaseAsync();
        var first = await api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, DiscountTests.TwentyFivePercent(), cancellationToken: Ct);
        var next = await api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, DiscountTests.TwentyFivePercent(new DateOnly(2027, 1, 1)), cancellationToken: Ct);

        var refused = await ThrowsProblemAsync(409, () => api.Discounts.CreateEvaluationAsync(tenant.Slug, first.Id,
            EvaluationTests.Evaluation(first, EvaluationDecision.Continue), cancellationToken: Ct));

        Assert.Equal("urn:plinth:problem:discount-overlap", refused.Type);
        Assert.Contains(next.Id.ToString(), refused.Detail);
        Assert.Equal(next.Id, refused.DiscountId);
        Assert.Equal(new DateOnly(2026, 12, 31), (await api.Discounts.GetDiscountAsync(tenant.Slug, first.Id, Ct)).EndDate);
    }

    [Fact]
    public async Task A_step_up_that_is_bigger_in_any_later_month_is_refused()
    {
        var (tenant, api, lease) = await LeaseAsync();
        var discount = await api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, DiscountTests.TwentyFivePercent(), cancellationToken: Ct);
        var sneaky = EvaluationTests.Evaluation(discount, EvaluationDecision.StepUp);
        sneaky.NewTerms = new DiscountTermsRequest
        {
            Kind = DiscountKind.Stepped,
            Steps = [new RentStep { FromDate = new DateOnly(2027, 1, 2), MonthlyRentCents = 0 }],
        };

        var refused = await ThrowsProblemAsync(400, () => api.Discounts.CreateEvaluationAsync(tenant.Slug, discount.Id, sneaky, cancellationToken: Ct));

        Assert.Equal(["newTerms"], refused.FieldNames());
        Assert.Equal(100_000, (await api.Rent.GetRentAsync(tenant.Slug, lease.Id, new DateOnly(2027, 3, 1), Ct)).EffectiveCentsPerMonth);
    }

    [Fact]
    public async Task Ending_early_drops_a_period_that_had_not_begun()
    {
        var (tenant, api, lease) = await LeaseAsync();
        var discount = await api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, DiscountTests.TwentyFivePercent(), cancellationToken: Ct);
        await api.Discounts.CreateEvaluationAsync(tenant.Slug, discount.Id, EvaluationTests.Evaluation(discount, EvaluationDecision.Continue), cancellationToken: Ct);

        var ended = await api.Discounts.EndDiscountAsync(tenant.Slug, discount.Id, new EndDiscountRequest { EndDate = new DateOnly(2026, 11, 30), Reason = "Gestopt." }, cancellationToken: Ct);

        var period = Assert.Single(ended.Periods);
        Assert.Equal(new DateOnly(2026, 11, 30), period.EndDate);
        Assert.Equal((discount.Justification, 24), (ended.Justification, Assert.Single(ended.CounterPerformances).Target));
        Assert.Equal(new DateOnly(2026, 11, 30), ended.EndDate);
    }

    [Fact]
    public async Task Null_items_in_lists_are_validation_errors_not_failures()
    {
        var (tenant, api, lease) = await LeaseAsync();

        using var nullCounterPerformance = await api.Http.PostAsync($"/v1/tenants/{tenant.Slug}/leases/{lease.Id}/discounts", Json("""
            {"kind":"percentage","percentage":25,"startDate":"2026-01-01","endDate":"2026-12-31","justification":"x","counterPerformances":[null]}
            """), Ct);
        using var nullStep = await api.Http.PostAsync($"/v1/tenants/{tenant.Slug}/leases/{lease.Id}/discounts", Json("""
            {"kind":"stepped","steps":[null],"startDate":"2026-01-01","endDate":"2026-12-31","justification":"x"}
            """), Ct);
        using var nullCode = await api.Http.PostAsync($"/v1/tenants/{tenant.Slug}/plinths", Json("""
            {"name":"X","address":{"street":"A","houseNumber":1,"postcode":"3555 AB","city":"Utrecht"},"municipalityCode":null,
             "neighbourhoodCode":"BU03440101","dwellingsAbove":1,"plinthAreaM2":10,"priorityNeighbourhood":false}
            """), Ct);

        await nullCounterPerformance.AssertProblemAsync(System.Net.HttpStatusCode.BadRequest, "urn:plinth:problem:validation");
        await nullStep.AssertProblemAsync(System.Net.HttpStatusCode.BadRequest, "urn:plinth:problem:validation");
        await nullCode.AssertProblemAsync(System.Net.HttpStatusCode.BadRequest, "urn:plinth:problem:validation");
    }

    static StringContent Json(string text) => new(text, System.Text.Encoding.UTF8, "application/json");
}
