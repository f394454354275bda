using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Platform.Api.Validation;

namespace Platform.Api.Features.DiscountBudgets;

public sealed class BudgetResponse
{
    public required Guid Id { get; init; }

    /// <summary>The budget line, e.g. "Maatschappelijke verhuur in het kader van leefbaarheid".</summary>
    [MaxLength(FieldLimits.Name)]
    public required string Line { get; init; }

    [Range(2000, 2100)]
    public required int Year { get; init; }

    [Range(0, CreateBudgetValidator.MaxAmountCents)]
    public required long AmountCents { get; init; }

    /// <summary>The discount money of the line's discounts in the year, month by month (including what was committed before the budget was made).</summary>
    [Range(0, long.MaxValue)]
    public required long CommittedCents { get; init; }

    /// <summary>Amount minus committed; negative when more was committed to the year before its budget was made, or rents were revised upwards.</summary>
    [Range(long.MinValue, CreateBudgetValidator.MaxAmountCents)]
    public required long RemainingCents { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public static BudgetResponse From(BudgetRow row, long committedCents) => new()
    {
        Id = row.Id,
        Line = row.Line,
        Year = row.Year,
        AmountCents = row.AmountCents,
        CommittedCents = committedCents,
        RemainingCents = row.AmountCents - committedCents,
        CreatedAt = row.CreatedAt,
    };
}

/// <summary>One year of a budget line: its budget with what is committed and remains, or, without a budget, the money committed to it unbudgeted.</summary>
public sealed class BudgetYearResponse
{
    [MaxLength(FieldLimits.Name)]
    public required string Line { get; init; }

    [Range(2000, 2100)]
    public required int Year { get; init; }

    /// <summary>The year's budget; null when the year has none yet.</summary>
    public required Guid? BudgetId { get; init; }

    /// <summary>Null when the year has no budget.</summary>
    [Range(0, CreateBudgetValidator.MaxAmountCents)]
    public required long? AmountCents { get; init; }

    /// <summary>The discount money of the line's discounts in the year, month by month.</summary>
    [Range(0, long.MaxValue)]
    public required long CommittedCents { get; init; }

    /// <summary>Amount minus committed; null when the year has no budget.</summary>
    [Range(long.MinValue, CreateBudgetValidator.MaxAmountCents)]
    public required long? RemainingCents { get; init; }

    /// <summary>The money committed to a year without a budget (equal to committedCents); null when the year has a budget.</summary>
    [Range(0, long.MaxValue)]
    public required long? UnbudgetedCents { get; init; }

    public static BudgetYearResponse From(string line, int year, BudgetRow? budget, long committedCents) => new()
    {
        Line = line,
        Year = year,
        BudgetId = budget?.Id,
        AmountCents = budget?.AmountCents,
        CommittedCents = committedCents,
        RemainingCents = budget is null ? null : budget.AmountCents - committedCents,
        UnbudgetedCents = budget is null ? committedCents : null,
    };

    /// <summary>The list's order and cursor: by year, then line (the year has four digits, so the text sorts the same way).</summary>
    public static string CursorKey(BudgetYearResponse year) => $"{year.Year.ToString("D4", CultureInfo.InvariantCulture)}|{year.Line}";
}
