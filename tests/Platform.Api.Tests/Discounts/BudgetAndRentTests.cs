using System.Net;
using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;
using Estate = Platform.Api.Tests.Infrastructure.RealEstate;

namespace Platform.Api.Tests.Discounts;

public sealed class BudgetAndRentTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Budgets_are_created_per_line_and_year_listed_and_read_with_what_remains()
    {
        var tenant = await app.CreateTenantAsync();
        var api = await tenant.SignInAsync("discounts:read", "discounts:write");

        var budget2026 = await api.Budgets.CreateBudgetAsync(tenant.Slug, new CreateBudgetRequest { Line = "Leefbaarheid", Year = 2026, AmountCents = 5_000_000 }, cancellationToken: Ct);
        await api.Budgets.CreateBudgetAsync(tenant.Slug, new CreateBudgetRequest { Line = "Leefbaarheid", Year = 2027, AmountCents = 6_000_000 }, cancellationToken: Ct);
        await api.Budgets.CreateBudgetAsync(tenant.Slug, new CreateBudgetRequest { Line = "Broedplaatsen", Year = 2026, AmountCents = 1_000_000 }, cancellationToken: Ct);

        var again = await ThrowsProblemAsync(409, () => api.Budgets.CreateBudgetAsync(tenant.Slug, new CreateBudgetRequest { Line = "Leefbaarheid", Year = 2026, AmountCents = 1 }, cancellationToken: Ct));
        var of2026 = (await api.Budgets.ListBudgetsAsync(tenant.Slug, year: 2026, cancellationToken: Ct)).Items;
        var ofLine = (await api.Budgets.ListBudgetsAsync(tenant.Slug, line: "Leefbaarheid", cancellationToken: Ct)).Items;
        var firstPage = await api.Budgets.ListBudgetsAsync(tenant.Slug, limit: 2, cancellationToken: Ct);
        var secondPage = await api.Budgets.ListBudgetsAsync(tenant.Slug, limit: 2, cursor: firstPage.NextCursor, cancellationToken: Ct);
        var read = await api.Budgets.GetBudgetAsync(tenant.Slug, budget2026.Id, Ct);

        Assert.Equal(("urn:plinth:problem:budget-exists", budget2026.Id), (again.Type, again.BudgetId));
        Assert.Equal(["Broedplaatsen", "Leefbaarheid"], of2026.Select(y => y.Line));
        Assert.Equal([(2026, 5_000_000L), (2027, 6_000_000L)], ofLine.Select(y => (y.Year, y.AmountCents!.Value)));
        Assert.Equal([(2026, "Broedplaatsen"), (2026, "Leefbaarheid"), (2027, "Leefbaarheid")],
            firstPage.Items.Concat(secondPage.Items).Select(y => (y.Year, y.Line)));
        Assert.Null(secondPage.NextCursor);
        Assert.Equal(("Leefbaarheid", 5_000_000L, 0L, 5_000_000L), (read.Line, read.AmountCents, read.CommittedCents, read.RemainingCents));
    }

    [Theory]
    [InlineData("year", 1999, 100, "Leefbaarheid")]
    [InlineData("amountCents", 2026, -1, "Leefbaarheid")]
    [InlineData("line", 2026, 100, "")]
    public async Task A_bad_budget_is_refused_with_the_field_named(string field, int year, long amount, string line)
    {
        var tenant = await app.CreateTenantAsync();
        var api = await tenant.SignInAsync("discounts:read", "discounts:write");

        var problem = await ThrowsProblemAsync(400, () => api.Budgets.CreateBudgetAsync(tenant.Slug, new CreateBudgetRequest { Line = line, Year = year, AmountCents = amount }, cancellationToken: Ct));

        Assert.Equal([field], problem.FieldNames());
        Assert.Empty((await api.Budgets.ListBudgetsAsync(tenant.Slug, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task Budgets_are_per_tenant_and_need_the_discount_scopes()
    {
        var tenant = await app.CreateTenantAsync();
        var api = await tenant.SignInAsync("discounts:write", "discounts:read");
        var budget = await api.Budgets.CreateBudgetAsync(tenant.Slug, new CreateBudgetRequest { Line = "Leefbaarheid", Year = 2026, AmountCents = 100 }, cancellationToken: Ct);
        var other = await (await app.CreateTenantAsync()).SignInAsync("discounts:read", "discounts:write");
        var leasesOnly = await tenant.SignInAsync("leases:read");

        await ThrowsProblemAsync(404, () => other.Budgets.GetBudgetAsync(tenant.Slug, budget.Id, Ct));
        await ThrowsProblemAsync(403, () => leasesOnly.Budgets.ListBudgetsAsync(tenant.Slug, cancellationToken: Ct));
        using var anonymous = app.Anonymous();
        using var response = await anonymous.GetAsync($"/v1/tenants/{tenant.Slug}/discount-budgets/{budget.Id}", Ct);
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_rent_schedule_runs_forward_and_covers_at_most_120_months()
    {
        var tenant = await app.CreateTenantAsync();
        var api = await tenant.SignInAsync("plinths:write", "leases:write", "leases:read");
        var plinth = await api.Plinths.CreatePlinthAsync(tenant.Slug, Estate.Herderplein(), cancellationToken: Ct);
        var unit = await api.Units.CreateUnitAsync(tenant.Slug, Estate.Atelier(plinth.Id), cancellationToken: Ct);
        var lease = await api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(unit.Id, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)), cancellationToken: Ct);

        var backwards = await ThrowsProblemAsync(400, () => api.Rent.GetRentScheduleAsync(tenant.Slug, lease.Id, new DateOnly(2026, 6, 1), new DateOnly(2026, 1, 1), Ct));
        var tooLong = await ThrowsProblemAsync(400, () => api.Rent.GetRentScheduleAsync(tenant.Slug, lease.Id, new DateOnly(2026, 1, 1), new DateOnly(2036, 1, 1), Ct));
        var schedule = await api.Rent.GetRentScheduleAsync(tenant.Slug, lease.Id, new DateOnly(2026, 11, 1), new DateOnly(2027, 1, 1), Ct);
        var outside = await api.Rent.GetRentAsync(tenant.Slug, lease.Id, new DateOnly(2027, 1, 1), Ct);

        Assert.Equal(["to"], backwards.FieldNames());
        Assert.Equal(["to"], tooLong.FieldNames());
        Assert.Equal([100_000L, 100_000L, 0L], schedule.Months.Select(m => m.EffectiveCents));
        Assert.Equal((false, 0L), (outside.LeaseInForce, outside.EffectiveCentsPerMonth));
        using var missingDate = await api.Http.GetAsync($"/v1/tenants/{tenant.Slug}/leases/{lease.Id}/rent", Ct);
        await missingDate.AssertProblemAsync(HttpStatusCode.BadRequest);
        await ThrowsProblemAsync(404, () => api.Rent.GetRentAsync(tenant.Slug, Guid.NewGuid(), new DateOnly(2026, 1, 1), Ct));
        var plinthsOnly = await tenant.SignInAsync("plinths:read");
        await ThrowsProblemAsync(403, () => plinthsOnly.Rent.GetRentAsync(tenant.Slug, lease.Id, new DateOnly(2026, 1, 1), Ct));
    }

    [Fact]
    public async Task An_unknown_evaluation_is_404_and_a_bad_page_size_400()
    {
        var tenant = await app.CreateTenantAsync();
        var api = await tenant.SignInAsync("plinths:write", "leases:write", "discounts:write", "discounts:read");
        var plinth = await api.Plinths.CreatePlinthAsync(tenant.Slug, Estate.Herderplein(), cancellationToken: Ct);
        var unit = await api.Units.CreateUnitAsync(tenant.Slug, Estate.Atelier(plinth.Id), cancellationToken: Ct);
        var lease = await api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(unit.Id, new DateOnly(2026, 1, 1)), cancellationToken: Ct);
        var discount = await api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, DiscountTests.TwentyFivePercent(), cancellationToken: Ct);

        await ThrowsProblemAsync(404, () => api.Discounts.GetEvaluationAsync(tenant.Slug, discount.Id, Guid.NewGuid(), Ct));
        var problem = await ThrowsProblemAsync(400, () => api.Discounts.ListEvaluationsAsync(tenant.Slug, discount.Id, limit: 201, cancellationToken: Ct));
        Assert.Equal(["limit"], problem.FieldNames());
    }
}
