namespace Platform.Api.Features.DiscountBudgets;

/// <summary>A budget of a line in one year, and what the other discounts on the line commit in that year.</summary>
public sealed record BudgetYear(Guid BudgetId, string Line, int Year, long AmountCents, long CommittedCents);

/// <summary>What a discount would need in a budget's year, beyond what the budget has left.</summary>
public sealed record BudgetShortfall(BudgetYear Budget, long RemainingCents, long RequiredCents);

/// <summary>
/// A discount's money against its line's budgets: each month is charged to the budget of the year it falls in
/// (<see cref="Discounts.DiscountSchedule.ByYear"/>); a year with a budget may not go over its amount, a year without
/// one is committed to the line and shown as unbudgeted until its budget is made.
/// </summary>
public static class BudgetRules
{
    /// <summary>The first year, oldest first, whose budget the charges would take over its amount; none when every year has room.</summary>
    public static BudgetShortfall? FirstShortfall(IEnumerable<BudgetYear> budgets, IReadOnlyDictionary<int, long> chargesByYear) => budgets
        .OrderBy(b => b.Year)
        .Select(b => (Budget: b, Required: chargesByYear.GetValueOrDefault(b.Year)))
        .Where(b => b.Required > 0 && b.Budget.CommittedCents + b.Required > b.Budget.AmountCents)
        .Select(b => new BudgetShortfall(b.Budget, Math.Max(0, b.Budget.AmountCents - b.Budget.CommittedCents), b.Required))
        .FirstOrDefault();
}
