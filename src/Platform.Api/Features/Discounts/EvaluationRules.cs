using Platform.Api.Concurrency;
using Platform.Api.Features.RentRevisions;

namespace Platform.Api.Features.Discounts;

/// <summary>A period to open: its terms take effect on <see cref="TermsFrom"/>; the months before keep the previous period's.</summary>
public sealed record PeriodPlan(int Number, DateOnly Start, DateOnly End, DateOnly TermsFrom, DiscountTerms Terms, DateOnly EvaluationDueOn);

/// <summary>What an evaluation decides: the evaluated period's (possibly later) last day, the discount's last day and the period it opens.</summary>
public sealed record EvaluationPlan(int PeriodNumber, DateOnly PeriodEnd, DateOnly DiscountEnd, PeriodPlan? Next);

/// <summary>
/// An evaluation as a pure decision. A period is evaluated once, on a day that has come and not before it
/// starts; a decision never changes a month already begun: a late step_up takes effect on the first day of the
/// month after the evaluation (the months between keep the old terms), a late end ends the discount at the end of
/// the evaluation's month (never after the agreed term: an end never lengthens a discount).
/// </summary>
public static class EvaluationRules
{
    public static WriteOutcome<EvaluationPlan> Decide(DiscountDetails details, LeaseTerms lease, CreateEvaluationRequest request, DateOnly today)
    {
        var (discount, periods, counterPerformances) = details;
        var (decision, evaluatedOn) = (request.Decision!.Value, request.EvaluatedOn);
        if (evaluatedOn > today)
            return WriteOutcome<EvaluationPlan>.Invalid("evaluatedOn", $"Today is {today:yyyy-MM-dd}; an evaluation cannot lie in the future.");
        if (discount.EndedEarlyOn is { } endedOn)
            return WriteOutcome<EvaluationPlan>.Conflict("discount-ended", $"The discount was ended on {endedOn:yyyy-MM-dd}.");
        if (periods.SingleOrDefault(p => p.Number == request.PeriodNumber) is not { } period)
            return WriteOutcome<EvaluationPlan>.Invalid("periodNumber", $"The discount has periods 1 to {periods.Count}.");
        if (period.Evaluated)
            return WriteOutcome<EvaluationPlan>.Conflict("period-evaluated", $"Period {period.Number} ({period.StartDate:yyyy-MM-dd} – {period.EndDate:yyyy-MM-dd}) has been evaluated already.");
        if (evaluatedOn < period.StartDate)
            return WriteOutcome<EvaluationPlan>.Invalid("evaluatedOn", $"Period {period.Number} starts on {period.StartDate:yyyy-MM-dd}; it cannot be evaluated before that.");
        var unknown = (request.Results ?? []).Select(r => r.CounterPerformanceId)
            .Except(counterPerformances.Where(c => c.PeriodNumber == period.Number).Select(c => c.Id)).ToList();
        if (unknown.Count > 0)
            return WriteOutcome<EvaluationPlan>.Invalid("results", $"Not counter-performances of period {period.Number}: {string.Join(", ", unknown)}.");

        var firstMonthNotBegun = FirstOfMonth(evaluatedOn).AddMonths(1);
        if (decision == EvaluationDecision.End)
        {
            var end = Min(Min(Max(period.EndDate, firstMonthNotBegun.AddDays(-1)), discount.EndDate), lease.EndDate);
            return WriteOutcome<EvaluationPlan>.Done(new EvaluationPlan(period.Number, end, end, null));
        }

        var nextStart = period.EndDate.AddDays(1);
        if (lease.EndDate is { } leaseEnd && nextStart > leaseEnd)
            return WriteOutcome<EvaluationPlan>.Conflict("lease-ends", $"The lease ends on {leaseEnd:yyyy-MM-dd}; the discount cannot go on after it.");
        var nextEnd = EvaluationPeriods.EndOf(nextStart, discount.EvaluationCadenceMonths, lease.EndDate);
        var current = period.ParsedTerms;
        var termsFrom = decision == EvaluationDecision.StepUp ? Max(nextStart, firstMonthNotBegun) : nextStart;
        if (termsFrom > nextEnd)
            return WriteOutcome<EvaluationPlan>.Invalid("evaluatedOn", $"The next period ends on {nextEnd:yyyy-MM-dd}; a step-up decided on {evaluatedOn:yyyy-MM-dd} would change none of its months.");
        var nextTerms = decision == EvaluationDecision.StepUp ? request.NewTerms!.ToTerms() : current;
        if (decision == EvaluationDecision.StepUp && !IsSmaller(lease.BaseRent, nextTerms, current, termsFrom, nextEnd))
            return WriteOutcome<EvaluationPlan>.Invalid("newTerms", "A step-up needs a smaller discount than the current one in every month of the next period.");

        var next = new PeriodPlan(period.Number + 1, nextStart, nextEnd, termsFrom, nextTerms, EvaluationPeriods.DueOn(nextEnd, discount.ReminderLeadMonths));
        return WriteOutcome<EvaluationPlan>.Done(new EvaluationPlan(period.Number, period.EndDate, Max(nextEnd, discount.EndDate), next));
    }

    /// <summary>Whether <paramref name="next"/> discounts no month from <paramref name="from"/> more than <paramref name="current"/>, and some month less.</summary>
    static bool IsSmaller(BaseRent baseRent, DiscountTerms next, DiscountTerms current, DateOnly from, DateOnly end)
    {
        var months = RentArithmetic.MonthStarts(from, end).Where(m => m >= from).DefaultIfEmpty(from).ToList();
        var pairs = months.Select(m => (Next: RentArithmetic.DiscountCents(baseRent.On(m), next, m), Current: RentArithmetic.DiscountCents(baseRent.On(m), current, m))).ToList();
        return pairs.All(p => p.Next <= p.Current) && pairs.Any(p => p.Next < p.Current);
    }

    static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);

    static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    static DateOnly Min(DateOnly a, DateOnly? b) => b is { } limit && limit < a ? limit : a;
}
