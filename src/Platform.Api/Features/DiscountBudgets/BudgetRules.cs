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

    /// <summary>
    /// The same for a change of what discounts already on the line need (their lease's base rent revised): only the years in
    /// which <paramref name="revisedByYear"/> needs more than <paramref name="nowByYear"/> count, each with all it would need,
    /// so a change that needs less never fails, nor does a budget the change leaves as full as it was.
    /// </summary>
    /// <param name="budgets">The line's budgets, each with what the other discounts (not the changed ones) commit in its year.</param>
    /// <param name="nowByYear">What the changed discounts need in each year now.</param>
    /// <param name="revisedByYear">What they would need in each year after the change.</param>
    public static BudgetShortfall? FirstShortfallOfChange(
        IEnumerable<BudgetYear> budgets, IReadOnlyDictionary<int, long> nowByYear, IReadOnlyDictionary<int, long> revisedByYear) =>
        FirstShortfall(budgets, revisedByYear
            .Where(year => year.Value > nowByYear.GetValueOrDefault(year.Key))
            .ToDictionary(year => year.Key, year => year.Value));
}
