using Plinth.Platform.Client;
using Platform.Api.Tests.Discounts;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;

namespace Platform.Api.Tests.DiscountBudgets;

/// <summary>Staedion's 25 % on EUR 1,000 from 1 July 2026 to 30 June 2027, on the line "Maatschappelijke verhuur in het kader van leefbaarheid".</summary>
public sealed class BudgetAcrossYearsTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    const string Line = DiscountTests.Leefbaarheid;
    static readonly DateOnly July2026 = new(2026, 7, 1);

    static CreateBudgetRequest Budget(int year, long amountCents) => new() { Line = Line, Year = year, AmountCents = amountCents };

    [Fact]
    public async Task The_year_spanning_discount_commits_1500_euros_to_2026_and_1500_to_2027()
    {
        var (tenant, api, lease) = await app.LetAtelierAsync(new DateOnly(2026, 1, 1));
        await api.Budgets.CreateBudgetAsync(tenant.Slug, Budget(2026, 10_000_00), cancellationToken: Ct);

        var discount = await api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, DiscountTests.TwentyFivePercent(July2026, Line), cancellationToken: Ct);
        var before2027 = (await api.Budgets.ListBudgetsAsync(tenant.Slug, line: Line, cancellationToken: Ct)).Items;
        var budget2027 = await api.Budgets.CreateBudgetAsync(tenant.Slug, Budget(2027, 2_000_00), cancellationToken: Ct);
        var after2027 = (await api.Budgets.ListBudgetsAsync(tenant.Slug, line: Line, cancellationToken: Ct)).Items;

        Assert.Equal((Line, new DateOnly(2027, 6, 30)), (discount.BudgetLine, discount.EndDate));
        Assert.Equal([2026, 2027], before2027.Select(y => y.Year));
        Assert.Equal((10_000_00L, 1_500_00L, 8_500_00L), (before2027[0].AmountCents!.Value, before2027[0].CommittedCents, before2027[0].RemainingCents!.Value));
        Assert.Null(before2027[0].UnbudgetedCents);
        Assert.Equal((1_500_00L, 1_500_00L), (before2027[1].CommittedCents, before2027[1].UnbudgetedCents!.Value));
        Assert.Null(before2027[1].BudgetId);
        Assert.Null(before2027[1].AmountCents);
        Assert.Null(before2027[1].RemainingCents);
        Assert.Equal((1_500_00L, 500_00L), (budget2027.CommittedCents, budget2027.RemainingCents));
        Assert.Equal([(2026, 1_500_00L), (2027, 1_500_00L)], after2027.Select(y => (y.Year, y.CommittedCents)));
        Assert.All(after2027, y => Assert.Null(y.UnbudgetedCents));
        Assert.Equal(budget2027.Id, after2027[1].BudgetId);
    }

    [Fact]
    public async Task A_discount_that_would_take_a_later_year_over_its_budget_is_refused_naming_the_year()
    {
        var (tenant, api, lease) = await app.LetAtelierAsync(new DateOnly(2026, 1, 1));
        await api.Budgets.CreateBudgetAsync(tenant.Slug, Budget(2026, 10_000_00), cancellationToken: Ct);
        var budget2027 = await api.Budgets.CreateBudgetAsync(tenant.Slug, Budget(2027, 1_000_00), cancellationToken: Ct);

        var problem = await ThrowsProblemAsync(409, () => api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, DiscountTests.TwentyFivePercent(July2026, Line), cancellationToken: Ct));

        Assert.Equal("urn:plinth:problem:budget-exceeded", problem.Type);
        Assert.Equal((budget2027.Id, 2027, 1_000_00L, 1_500_00L), (problem.BudgetId, problem.Year, problem.RemainingCents, problem.RequiredCents));
        Assert.Empty((await api.Discounts.ListDiscountsAsync(tenant.Slug, lease.Id, cancellationToken: Ct)).Items);
        Assert.All((await api.Budgets.ListBudgetsAsync(tenant.Slug, line: Line, cancellationToken: Ct)).Items, y => Assert.Equal(0, y.CommittedCents));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a line of more than two hundred characters")]
    public async Task A_discount_names_a_line_of_1_to_200_characters(string line)
    {
        var (tenant, api, lease) = await app.LetAtelierAsync(new DateOnly(2026, 1, 1));
        var request = DiscountTests.TwentyFivePercent(July2026, line.Length == 0 ? line : string.Concat(Enumerable.Repeat(line, 5)));

        var problem = await ThrowsProblemAsync(400, () => api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, request, cancellationToken: Ct));

        Assert.Equal(["budgetLine"], problem.FieldNames());
        Assert.Empty((await api.Discounts.ListDiscountsAsync(tenant.Slug, lease.Id, cancellationToken: Ct)).Items);
    }
}
