using Platform.Api.Concurrency;
using Platform.Api.Features.Discounts;
using Platform.Api.Features.RentRevisions;

namespace Platform.Api.Tests.Discounts;

/// <summary>The evaluation decision as a pure function: Staedion's 25 % on EUR 1,000, two years with a yearly evaluation.</summary>
public sealed class EvaluationRulesTests
{
    static readonly DateOnly January2026 = new(2026, 1, 1);
    static readonly LeaseTerms Lease = new(Guid.NewGuid(), new BaseRent(100_000, []), January2026, null, new UnitRents(85, 12_000_00, 12_000_00, true));
    static readonly DiscountTerms TwentyFive = new(DiscountKind.Percentage, 25, null, null);

    static DiscountDetails TwoYears(bool firstEvaluated = false)
    {
        var discount = new DiscountRow
        {
            Id = Guid.NewGuid(), LeaseId = Lease.LeaseId, StartDate = January2026, EndDate = new DateOnly(2027, 12, 31),
            Justification = "Prioriteitswijk.", EvaluationCadenceMonths = 12, ReminderLeadMonths = 3, Version = 1,
        };
        var period = new PeriodRow
        {
            Id = Guid.NewGuid(), DiscountId = discount.Id, Number = 1, StartDate = January2026, EndDate = new DateOnly(2026, 12, 31),
            TermsFrom = January2026, Terms = PeriodRow.Serialize(TwentyFive), Justification = discount.Justification,
            EvaluationDueOn = new DateOnly(2026, 10, 1), Evaluated = firstEvaluated,
        };
        var workshops = new CounterPerformanceRow
        {
            Id = Guid.NewGuid(), DiscountId = discount.Id, PeriodNumber = 1, Position = 1, Description = "Workshops", Unit = "workshops", Target = 24, Radius = "neighbourhood",
        };
        return new DiscountDetails(discount, [period], [workshops]);
    }

    static CreateEvaluationRequest Evaluate(EvaluationDecision decision, DateOnly on, int percentage = 10, int period = 1) => new()
    {
        PeriodNumber = period,
        EvaluatedOn = on,
        Decision = decision,
        NewTerms = decision == EvaluationDecision.StepUp ? new DiscountTermsRequest { Kind = DiscountKind.Percentage, Percentage = percentage } : null,
    };

    static EvaluationPlan Decided(WriteOutcome<EvaluationPlan> outcome)
    {
        Assert.Equal(WriteStatus.Done, outcome.Status);
        return outcome.Value!;
    }

    [Fact]
    public void A_step_up_in_time_takes_effect_when_the_next_period_starts()
    {
        var plan = Decided(EvaluationRules.Decide(TwoYears(), Lease, Evaluate(EvaluationDecision.StepUp, new DateOnly(2026, 10, 15)), new DateOnly(2026, 10, 15)));

        Assert.Equal((2, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), new DateOnly(2027, 1, 1), new DateOnly(2027, 10, 1)),
            (plan.Next!.Number, plan.Next.Start, plan.Next.End, plan.Next.TermsFrom, plan.Next.EvaluationDueOn));
        Assert.Equal(10, plan.Next.Terms.Percentage);
    }

    [Theory]
    [InlineData("2027-01-01", "2027-02-01")]
    [InlineData("2027-02-10", "2027-03-01")]
    [InlineData("2027-02-28", "2027-03-01")]
    [InlineData("2026-12-31", "2027-01-01")]
    public void A_late_step_up_takes_effect_on_the_first_of_the_month_after_the_evaluation(string evaluatedOn, string termsFrom)
    {
        var on = DateOnly.Parse(evaluatedOn, System.Globalization.CultureInfo.InvariantCulture);

        var plan = Decided(EvaluationRules.Decide(TwoYears(), Lease, Evaluate(EvaluationDecision.StepUp, on), on));

        Assert.Equal((new DateOnly(2027, 1, 1), DateOnly.Parse(termsFrom, System.Globalization.CultureInfo.InvariantCulture)), (plan.Next!.Start, plan.Next.TermsFrom));
    }

    [Fact]
    public void A_late_step_up_to_a_bigger_discount_is_refused()
    {
        var on = new DateOnly(2027, 2, 10);
        var biggerLater = Evaluate(EvaluationDecision.StepUp, on, percentage: 30);

        var refused = EvaluationRules.Decide(TwoYears(), Lease, biggerLater, on);

        Assert.Equal((WriteStatus.Invalid, "newTerms"), (refused.Status, refused.ConflictKind));
    }

    [Theory]
    [InlineData("2026-10-15", "2026-12-31")]
    [InlineData("2027-01-10", "2027-01-31")]
    [InlineData("2027-02-28", "2027-02-28")]
    public void An_end_ends_with_the_period_or_when_late_with_the_evaluations_month(string evaluatedOn, string end)
    {
        var on = DateOnly.Parse(evaluatedOn, System.Globalization.CultureInfo.InvariantCulture);

        var plan = Decided(EvaluationRules.Decide(TwoYears(), Lease, Evaluate(EvaluationDecision.End, on), on));

        var expected = DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((expected, expected, (PeriodPlan?)null), (plan.DiscountEnd, plan.PeriodEnd, plan.Next));
    }

    [Fact]
    public void A_late_end_never_lengthens_the_agreed_term()
    {
        var twoYears = TwoYears();
        var oneYear = twoYears with { Discount = twoYears.Discount with { EndDate = new DateOnly(2026, 12, 31) } };

        var plan = Decided(EvaluationRules.Decide(oneYear, Lease, Evaluate(EvaluationDecision.End, new DateOnly(2027, 1, 10)), new DateOnly(2027, 1, 10)));

        Assert.Equal(new DateOnly(2026, 12, 31), plan.DiscountEnd);
    }

    [Fact]
    public void Continuing_keeps_the_terms_from_the_next_periods_start()
    {
        var plan = Decided(EvaluationRules.Decide(TwoYears(), Lease, Evaluate(EvaluationDecision.Continue, new DateOnly(2027, 2, 10)), new DateOnly(2027, 2, 10)));

        Assert.Equal((new DateOnly(2027, 1, 1), 25, new DateOnly(2027, 12, 31)), (plan.Next!.TermsFrom, plan.Next.Terms.Percentage, plan.DiscountEnd));
    }

    [Theory]
    [InlineData("2026-10-16", 1, false, WriteStatus.Invalid, "evaluatedOn")]        // tomorrow
    [InlineData("2026-10-15", 2, false, WriteStatus.Invalid, "periodNumber")]
    [InlineData("2026-10-15", 1, true, WriteStatus.Conflict, "period-evaluated")]
    [InlineData("2025-12-31", 1, false, WriteStatus.Invalid, "evaluatedOn")]        // before the period starts
    public void A_refused_evaluation_names_why(string evaluatedOn, int period, bool evaluated, WriteStatus status, string kind)
    {
        var request = Evaluate(EvaluationDecision.Continue, DateOnly.Parse(evaluatedOn, System.Globalization.CultureInfo.InvariantCulture), period: period);

        var refused = EvaluationRules.Decide(TwoYears(evaluated), Lease, request, today: new DateOnly(2026, 10, 15));

        Assert.Equal((status, kind), (refused.Status, refused.ConflictKind));
    }

    [Fact]
    public void Results_name_counter_performances_of_the_period_evaluated()
    {
        var request = new CreateEvaluationRequest
        {
            PeriodNumber = 1, EvaluatedOn = new DateOnly(2026, 10, 15), Decision = EvaluationDecision.End,
            Results = [new CounterPerformanceResult { CounterPerformanceId = Guid.NewGuid(), Actual = 3 }],
        };

        var refused = EvaluationRules.Decide(TwoYears(), Lease, request, new DateOnly(2026, 10, 15));

        Assert.Equal((WriteStatus.Invalid, "results"), (refused.Status, refused.ConflictKind));
    }
}
