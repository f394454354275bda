using System.Net;
using System.Net.Http.Json;
using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;
using Estate = Platform.Api.Tests.Infrastructure.RealEstate;

namespace Platform.Api.Tests.Discounts;

public sealed class DiscountTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    static readonly DateOnly January2026 = new(2026, 1, 1);

    /// <summary>Staedion with an atelier let from 1 January 2026 for EUR 1,000 a month.</summary>
    async Task<(TestTenant Tenant, PlatformApi Api, LeaseResponse Lease)> StaedionLeaseAsync()
    {
        var tenant = await app.CreateTenantAsync(name: "Staedion");
        var api = await tenant.SignInAsync("plinths:write", "leases:write", "leases:read", "discounts:read", "discounts:write", "tenant:admin");
        var plinth = await api.Plinths.CreatePlinthAsync(tenant.Slug, Estate.Herderplein(), cancellationToken: Ct);
        var unit = await api.Units.CreateUnitAsync(tenant.Slug, Estate.Atelier(plinth.Id), cancellationToken: Ct);
        var lease = await api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(unit.Id, January2026), cancellationToken: Ct);
        return (tenant, api, lease);
    }

    public const string Leefbaarheid = "Maatschappelijke verhuur in het kader van leefbaarheid";

    public static CreateDiscountRequest TwentyFivePercent(DateOnly? start = null, string? budgetLine = null) => new()
    {
        Kind = DiscountKind.Percentage,
        Percentage = 25,
        StartDate = start ?? January2026,
        EndDate = (start ?? January2026).AddYears(1).AddDays(-1),
        Justification = "Sociale ondernemer in een prioriteitswijk: workshops voor buurtkinderen.",
        BudgetLine = budgetLine,
        CounterPerformances =
        [
            new CounterPerformanceRequest { Description = "Open workshops voor kinderen uit de buurt", Unit = "workshops", Target = 24, Theme = "makers", Radius = ImpactRadius.Neighbourhood },
        ],
    };

    [Fact]
    public async Task Staedions_25_percent_discount_makes_the_rent_750_euros()
    {
        var (tenant, api, lease) = await StaedionLeaseAsync();

        var discount = await api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, TwentyFivePercent(), cancellationToken: Ct);
        var rent = await api.Rent.GetRentAsync(tenant.Slug, lease.Id, new DateOnly(2026, 6, 15), Ct);
        var afterwards = await api.Rent.GetRentAsync(tenant.Slug, lease.Id, new DateOnly(2027, 1, 1), Ct);

        Assert.Equal((12, 3, new DateOnly(2026, 12, 31)), (discount.EvaluationCadenceMonths, discount.ReminderLeadMonths, discount.EndDate));
        var period = Assert.Single(discount.Periods);
        Assert.Equal((new DateOnly(2026, 12, 31), new DateOnly(2026, 10, 1), 25), (period.EndDate, period.EvaluationDueOn, period.Percentage));
        Assert.Equal("workshops", Assert.Single(discount.CounterPerformances).Unit);
        Assert.Equal((100_000L, 25_000L, 75_000L, discount.Id), (rent.BaseCentsPerMonth, rent.DiscountCentsPerMonth, rent.EffectiveCentsPerMonth, rent.DiscountId!.Value));
        Assert.Equal((100_000L, 0L), (afterwards.EffectiveCentsPerMonth, afterwards.DiscountCentsPerMonth));
        Assert.Equal(discount.Id, (await api.Discounts.GetDiscountAsync(tenant.Slug, discount.Id, Ct)).Id);
    }

    [Theory]
    [InlineData(3, "2026-12-01")]
    [InlineData(1, "2027-02-01")]
    public async Task Staedions_term_from_1_March_is_evaluated_whole_calendar_months_before_28_February(int leadMonths, string due)
    {
        var (tenant, api, lease) = await StaedionLeaseAsync();
        var request = TwentyFivePercent(new DateOnly(2026, 3, 1));
        request.ReminderLeadMonths = leadMonths;

        var discount = await api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, request, cancellationToken: Ct);

        var period = Assert.Single(discount.Periods);
        Assert.Equal((new DateOnly(2027, 2, 28), DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), leadMonths),
            (period.EndDate, period.EvaluationDueOn, discount.ReminderLeadMonths));
    }

    [Fact]
    public async Task Woonins_growth_in_rent_schedule_is_750_for_24_months_and_1000_in_month_25()
    {
        var (tenant, api, lease) = await StaedionLeaseAsync();
        var stepped = new CreateDiscountRequest
        {
            Kind = DiscountKind.Stepped,
            Steps = [new RentStep { FromDate = January2026, MonthlyRentCents = 75_000 }, new RentStep { FromDate = January2026.AddMonths(24), MonthlyRentCents = 100_000 }],
            StartDate = January2026,
            EndDate = January2026.AddMonths(36).AddDays(-1),
            EvaluationCadenceMonths = 24,
            Justification = "Je Eigen Zaak: starters groeien in twee jaar naar de reguliere huur.",
        };

        await api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, stepped, cancellationToken: Ct);
        var schedule = await api.Rent.GetRentScheduleAsync(tenant.Slug, lease.Id, January2026, January2026.AddMonths(24), Ct);

        Assert.Equal(25, schedule.Months.Count);
        Assert.All(schedule.Months.Take(24), m => Assert.Equal(75_000, m.EffectiveCents));
        Assert.Equal((January2026.AddMonths(24), 100_000L), (schedule.Months[24].Month, schedule.Months[24].EffectiveCents));
        Assert.Equal(24 * 75_000 + 100_000, schedule.TotalEffectiveCents);
    }

    [Theory]
    [InlineData("percentage", "0")]
    [InlineData("percentage", "150")]
    [InlineData("steps", "falling")]
    [InlineData("steps", "same-date")]
    [InlineData("steps", "late-first-step")]
    [InlineData("justification", "")]
    [InlineData("evaluationCadenceMonths", "61")]
    [InlineData("reminderLeadMonths", "0")]
    [InlineData("reminderLeadMonths", "13")]
    [InlineData("endDate", "before-start")]
    public async Task A_bad_discount_is_refused_with_the_field_named(string field, string value)
    {
        var (tenant, api, lease) = await StaedionLeaseAsync();
        var request = TwentyFivePercent();
        void Steps(params (int Months, long Cents)[] steps)
        {
            request.Kind = DiscountKind.Stepped;
            request.Percentage = null;
            request.Steps = [.. steps.Select(s => new RentStep { FromDate = January2026.AddMonths(s.Months), MonthlyRentCents = s.Cents })];
        }

        switch (value)
        {
            case "0" or "13" when field == "reminderLeadMonths": request.ReminderLeadMonths = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "0" or "150": request.Percentage = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "falling": Steps((0, 90_000), (6, 75_000)); break;
            case "same-date": Steps((0, 75_000), (0, 90_000)); break;
            case "late-first-step": Steps((1, 75_000), (6, 90_000)); break;
            case "": request.Justification = ""; break;
            case "61": request.EvaluationCadenceMonths = 61; break;
            case "before-start": request.EndDate = January2026.AddDays(-1); break;
        }

        var problem = await ThrowsProblemAsync(400, () => api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, request, cancellationToken: Ct));

        Assert.Contains(field, problem.FieldNames());
        Assert.Empty((await api.Discounts.ListDiscountsAsync(tenant.Slug, lease.Id, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task A_discount_beyond_the_base_rent_or_outside_the_lease_is_refused()
    {
        var (tenant, api, lease) = await StaedionLeaseAsync();
        var tooMuch = TwentyFivePercent();
        tooMuch.Kind = DiscountKind.Fixed;
        tooMuch.Percentage = null;
        tooMuch.FixedCentsPerMonth = 120_000;
        var tooEarly = TwentyFivePercent(start: new DateOnly(2025, 12, 1));

        Assert.Equal(["fixedCentsPerMonth"], (await ThrowsProblemAsync(400, () => api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, tooMuch, cancellationToken: Ct))).FieldNames());
        Assert.Equal(["startDate"], (await ThrowsProblemAsync(400, () => api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, tooEarly, cancellationToken: Ct))).FieldNames());
    }

    [Fact]
    public async Task Two_discounts_of_one_lease_may_not_overlap()
    {
        var (tenant, api, lease) = await StaedionLeaseAsync();
        var first = await api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, TwentyFivePercent(), cancellationToken: Ct);

        var overlap = await ThrowsProblemAsync(409, () => api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, TwentyFivePercent(new DateOnly(2026, 12, 1)), cancellationToken: Ct));
        var next = await api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, TwentyFivePercent(new DateOnly(2027, 1, 1)), cancellationToken: Ct);

        Assert.Equal("urn:plinth:problem:discount-overlap", overlap.Type);
        Assert.Contains(first.Id.ToString(), overlap.Detail);
        Assert.Equal(first.Id, overlap.DiscountId);
        Assert.Equal(2, (await api.Discounts.ListDiscountsAsync(tenant.Slug, lease.Id, cancellationToken: Ct)).Items.Count);
        Assert.NotEqual(first.Id, next.Id);
    }

    [Fact]
    public async Task A_discount_that_would_exceed_its_budget_is_refused_with_what_remains()
    {
        var (tenant, api, lease) = await StaedionLeaseAsync();
        var budget = await api.Budgets.CreateBudgetAsync(tenant.Slug,
            new CreateBudgetRequest { Line = Leefbaarheid, Year = 2026, AmountCents = 400_000 }, cancellationToken: Ct);
        await api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, TwentyFivePercent(budgetLine: Leefbaarheid), cancellationToken: Ct);
        var (_, _, otherLease) = (tenant, api, await SecondLeaseAsync(tenant, api));

        var tenPercent = TwentyFivePercent(budgetLine: Leefbaarheid);
        tenPercent.Percentage = 10;

        // The members of this problem type are declared in the contract, so the generated client reads them.
        var problem = await ThrowsProblemAsync(409, () => api.Discounts.CreateDiscountAsync(tenant.Slug, otherLease.Id, tenPercent, cancellationToken: Ct));
        var read = await api.Budgets.GetBudgetAsync(tenant.Slug, budget.Id, Ct);

        Assert.Equal("urn:plinth:problem:budget-exceeded", problem.Type);
        Assert.Equal((budget.Id, 2026), (problem.BudgetId, problem.Year));
        Assert.Equal(100_000, problem.RemainingCents);
        Assert.Equal(120_000, problem.RequiredCents);
        Assert.Equal((400_000L, 300_000L, 100_000L), (read.AmountCents, read.CommittedCents, read.RemainingCents));
        Assert.Empty((await api.Discounts.ListDiscountsAsync(tenant.Slug, otherLease.Id, cancellationToken: Ct)).Items);
    }

    static async Task<LeaseResponse> SecondLeaseAsync(TestTenant tenant, PlatformApi api)
    {
        var plinth = await api.Plinths.CreatePlinthAsync(tenant.Slug, Estate.Herderplein(), cancellationToken: Ct);
        var unit = await api.Units.CreateUnitAsync(tenant.Slug, Estate.Atelier(plinth.Id), cancellationToken: Ct);
        return await api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(unit.Id, January2026), cancellationToken: Ct);
    }

    [Fact]
    public async Task Ending_early_ends_the_rent_discount_on_that_day_once()
    {
        var (tenant, api, lease) = await StaedionLeaseAsync();
        var discount = await api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, TwentyFivePercent(), cancellationToken: Ct);

        var ended = await api.Discounts.EndDiscountAsync(tenant.Slug, discount.Id, new EndDiscountRequest { EndDate = new DateOnly(2026, 6, 30), Reason = "Bedrijf gestopt." }, cancellationToken: Ct);
        var again = await ThrowsProblemAsync(409, () => api.Discounts.EndDiscountAsync(tenant.Slug, discount.Id, new EndDiscountRequest { EndDate = new DateOnly(2026, 6, 30), Reason = "Nogmaals." }, cancellationToken: Ct));

        Assert.Equal((new DateOnly(2026, 6, 30), new DateOnly(2026, 6, 30)), (ended.EndDate, ended.EndedEarlyOn!.Value));
        Assert.Equal("urn:plinth:problem:discount-ended", again.Type);
        Assert.Equal(100_000, (await api.Rent.GetRentAsync(tenant.Slug, lease.Id, new DateOnly(2026, 7, 1), Ct)).EffectiveCentsPerMonth);
        Assert.Equal(75_000, (await api.Rent.GetRentAsync(tenant.Slug, lease.Id, new DateOnly(2026, 6, 1), Ct)).EffectiveCentsPerMonth);
        var events = (await api.Audit.ListAuditEventsAsync(tenant.Slug, AuditEntityType.Discount, discount.Id, cancellationToken: Ct)).Items;
        Assert.Equal([AuditAction.Created, AuditAction.Ended], events.Select(e => e.Action));
    }

    [Fact]
    public async Task The_list_filters_by_lease_status_and_evaluation_due_date()
    {
        var (tenant, api, lease) = await StaedionLeaseAsync();
        var current = await api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, TwentyFivePercent(Estate.Today.AddMonths(-1)), cancellationToken: Ct);
        var later = await api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, TwentyFivePercent(Estate.Today.AddYears(2)), cancellationToken: Ct);

        async Task<IEnumerable<Guid>> Ids(TermStatus? status = null, DateOnly? dueBefore = null) =>
            (await api.Discounts.ListDiscountsAsync(tenant.Slug, lease.Id, status, dueBefore, cancellationToken: Ct)).Items.Select(d => d.Id);

        Assert.Equal([current.Id], await Ids(TermStatus.Active));
        Assert.Equal([later.Id], await Ids(TermStatus.Upcoming));
        Assert.Equal([current.Id], await Ids(dueBefore: Estate.Today.AddYears(1)));
        Assert.Equal([current.Id, later.Id], await Ids());
    }

    [Fact]
    public async Task Wrong_scope_is_403_other_tenant_is_404_no_token_is_401()
    {
        var (tenant, api, lease) = await StaedionLeaseAsync();
        var discount = await api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, TwentyFivePercent(), cancellationToken: Ct);
        var reader = await tenant.SignInAsync("discounts:read");
        var (other, otherApi, _) = await StaedionLeaseAsync();

        await ThrowsProblemAsync(403, () => reader.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, TwentyFivePercent(new DateOnly(2027, 1, 1)), cancellationToken: Ct));
        await ThrowsProblemAsync(404, () => otherApi.Discounts.GetDiscountAsync(tenant.Slug, discount.Id, Ct));
        await ThrowsProblemAsync(404, () => otherApi.Discounts.GetDiscountAsync(other.Slug, discount.Id, Ct));
        await ThrowsProblemAsync(404, () => otherApi.Rent.GetRentAsync(tenant.Slug, lease.Id, January2026, Ct));
        await ThrowsProblemAsync(404, () => otherApi.Discounts.CreateDiscountAsync(other.Slug, lease.Id, TwentyFivePercent(), cancellationToken: Ct));

        using var anonymous = app.Anonymous();
        using var response = await anonymous.GetAsync($"/v1/tenants/{tenant.Slug}/discounts/{discount.Id}", Ct);
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(discount.Id, (await reader.Discounts.GetDiscountAsync(tenant.Slug, discount.Id, Ct)).Id);
    }
}
