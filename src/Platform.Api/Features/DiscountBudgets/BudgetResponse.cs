using System.ComponentModel.DataAnnotations;
using Platform.Api.Validation;

namespace Platform.Api.Features.DiscountBudgets;

public sealed class BudgetResponse
{
    public required Guid Id { get; init; }

    [Range(2000, 2100)]
    public required int Year { get; init; }

    [MaxLength(FieldLimits.Name)]
    public required string Name { get; init; }

    [Range(0, CreateBudgetValidator.MaxAmountCents)]
    public required long AmountCents { get; init; }

    /// <summary>The discount money falling in the year, over all discounts drawing on the budget, month by month.</summary>
    [Range(0, long.MaxValue)]
    public required long CommittedCents { get; init; }

    /// <summary>Amount minus committed; negative only if the amount was lowered below what is committed.</summary>
    [Range(long.MinValue, CreateBudgetValidator.MaxAmountCents)]
    public required long RemainingCents { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public static BudgetResponse From(BudgetRow row, long committedCents) => new()
    {
        Id = row.Id,
        Year = row.Year,
        Name = row.Name,
        AmountCents = row.AmountCents,
        CommittedCents = committedCents,
        RemainingCents = row.AmountCents - committedCents,
        CreatedAt = row.CreatedAt,
    };
}
