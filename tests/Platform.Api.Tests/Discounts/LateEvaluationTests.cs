using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Discounts;

/// <summary>
/// Evaluations decided after their period ended, on a moved clock: nothing reaches back into a month already begun.
/// Staedion's 25 % runs two years with a yearly evaluation, so the months after the first year keep its terms until one.
/// </summary>
public sealed class LateEvaluationTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    static readonly DateOnly January2026 = new(2026, 1, 1);

    static async Task<(ClockedApp App, LetAtelier Atelier, DiscountResponse Discount)> StaedionsTwoYearsAsync()
    {
        var app = new ClockedApp();
        await app.InitializeAsync();
        var atelier = await app.LetAtelierAsync(January2026);
        var twoYears = DiscountTests.TwentyFivePercent();
        twoYears.EndDate = new DateOnly(2027, 12, 31);
        var discount = await atelier.Api.Discounts.CreateDiscountAsync(atelier.Tenant.Slug, atelier.Lease.Id, twoYears, cancellationToken: Ct);
        return (app, atelier, discount);
    }

    [Fact]
    public async Task A_late_step_up_leaves_every_month_already_begun_unchanged_in_the_rent_schedule()
    {
        var (app, (tenant, api, lease), discount) = await StaedionsTwoYearsAsync();
        await using var _ = app;
        var stepUp = EvaluationTests.Evaluation(discount, EvaluationDecision.StepUp, on: new DateOnly(2027, 2, 10));
        stepUp.NewTerms = new DiscountTermsRequest { Kind = DiscountKind.Percentage, Percentage = 10 };
        app.MoveTo(new DateOnly(2027, 2, 10));

        var before = await api.Rent.GetRentScheduleAsync(tenant.Slug, lease.Id, January2026, new DateOnly(2027, 12, 1), Ct);
        var evaluation = await api.Discounts.CreateEvaluationAsync(tenant.Slug, discount.Id, stepUp, cancellationToken: Ct);
        var after = await api.Rent.GetRentScheduleAsync(tenant.Slug, lease.Id, January2026, new DateOnly(2027, 12, 1), Ct);

        Assert.Equal((new DateOnly(2027, 1, 1), new DateOnly(2027, 3, 1), 10), (evaluation.NextPeriod!.StartDate, evaluation.NextPeriod.TermsFrom, evaluation.NextPeriod.Percentage));
        var begun = after.Months.Where(m => m.Month <= new DateOnly(2027, 2, 1)).ToList();
        Assert.Equal(14, begun.Count);
        Assert.Equal(before.Months.Take(14).Select(m => (m.Month, m.EffectiveCents)), begun.Select(m => (m.Month, m.EffectiveCents)));
        Assert.All(begun, m => Assert.Equal(75_000, m.EffectiveCents));
        Assert.Equal(24, after.Months.Count);
        Assert.All(after.Months.Skip(14), m => Assert.Equal(90_000, m.EffectiveCents));
    }

    [Fact]
    public async Task A_late_end_ends_the_discount_at_the_end_of_the_evaluations_month()
    {
        var (app, (tenant, api, lease), discount) = await StaedionsTwoYearsAsync();
        await using var _ = app;
        app.MoveTo(new DateOnly(2027, 1, 10));

        await api.Discounts.CreateEvaluationAsync(tenant.Slug, discount.Id,
            EvaluationTests.Evaluation(discount, EvaluationDecision.End, on: new DateOnly(2027, 1, 10)), cancellationToken: Ct);
        var after = await api.Discounts.GetDiscountAsync(tenant.Slug, discount.Id, Ct);

        Assert.Equal((new DateOnly(2027, 1, 31), new DateOnly(2027, 1, 31)), (after.EndDate, Assert.Single(after.Periods).EndDate));
        Assert.Equal(75_000, (await api.Rent.GetRentAsync(tenant.Slug, lease.Id, new DateOnly(2027, 1, 20), Ct)).EffectiveCentsPerMonth);
        Assert.Equal(100_000, (await api.Rent.GetRentAsync(tenant.Slug, lease.Id, new DateOnly(2027, 2, 1), Ct)).EffectiveCentsPerMonth);
    }
}
