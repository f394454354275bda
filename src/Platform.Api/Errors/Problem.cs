using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Platform.Api.Errors;

/// <summary>An RFC 9457 problem: the body of every error response.</summary>
/// <remarks>
/// Members beyond the standard ones are sent only with the problem types named on them; the code that sends one names
/// it through <see cref="Member"/>, so what is sent is what this class (and so the contract) declares.
/// </remarks>
public sealed class Problem
{
    public const int MaxFieldErrors = 100;

    /// <summary>Stable identifier of the kind of error, e.g. <c>urn:plinth:problem:validation</c>. Branch on this.</summary>
    [MaxLength(200)]
    [RegularExpression(@"^urn:plinth:problem:[a-z0-9-]+\z")]
    public required string Type { get; init; }

    [MaxLength(200)]
    public required string Title { get; init; }

    [Range(400, 599)]
    public required int Status { get; init; }

    [MaxLength(4000)]
    public string? Detail { get; init; }

    /// <summary>The path of the request that failed.</summary>
    [MaxLength(8192)]
    public string? Instance { get; init; }

    /// <summary>Quote this when reporting a problem; it finds the request in the logs.</summary>
    [MaxLength(200)]
    public string? TraceId { get; init; }

    /// <summary>For validation errors: what is wrong with each field (at most 100).</summary>
    [MaxLength(MaxFieldErrors)]
    public IReadOnlyList<ProblemFieldError>? Errors { get; init; }

    /// <summary>With <c>urn:plinth:problem:budget-exceeded</c>: the budget of the year that would go over; with <c>budget-exists</c>: the budget already there.</summary>
    public Guid? BudgetId { get; init; }

    /// <summary>With <c>urn:plinth:problem:budget-exceeded</c>: the year whose budget would go over.</summary>
    [Range(2000, 2100)]
    public int? Year { get; init; }

    /// <summary>With <c>urn:plinth:problem:budget-exceeded</c>: euro cents left in that year's budget for this discount.</summary>
    [Range(0, Features.DiscountBudgets.CreateBudgetValidator.MaxAmountCents)]
    public long? RemainingCents { get; init; }

    /// <summary>With <c>urn:plinth:problem:budget-exceeded</c>: euro cents the discount (or its continuation) needs in that year.</summary>
    [Range(0, 12 * Features.Discounts.RentArithmetic.MaxCentsPerMonth)]
    public long? RequiredCents { get; init; }

    /// <summary>
    /// With <c>urn:plinth:problem:discount-policy</c> (422): the rule of the tenant's discount policy the request breaks:
    /// <c>minBelowMarketPercent</c>, <c>maxBelowMarketPercent</c>, <c>maxTermMonths</c> or <c>priorityNeighbourhoodsOnly</c>.
    /// </summary>
    [MaxLength(100)]
    public string? Rule { get; init; }

    /// <summary>With <c>urn:plinth:problem:lease-overlap</c>: the lease that already lets the unit in that period.</summary>
    public Guid? LeaseId { get; init; }

    /// <summary>With <c>urn:plinth:problem:discount-overlap</c>: the discount of the lease that already covers that period.</summary>
    public Guid? DiscountId { get; init; }

    /// <summary>With <c>urn:plinth:problem:tender-transition-not-allowed</c> and the other refusals of a tender's transitions: what the tender allows now.</summary>
    [MaxLength(4)]
    public IReadOnlyList<Features.Tenders.TenderTransition>? AllowedTransitions { get; init; }

    /// <summary>The JSON name of one of this class's members, for a problem's extensions: <c>nameof(RemainingCents)</c> → <c>remainingCents</c>.</summary>
    public static string Member(string propertyName) => typeof(Problem).GetProperty(propertyName) is not null
        ? JsonNamingPolicy.CamelCase.ConvertName(propertyName)
        : throw new ArgumentException($"Declare '{propertyName}' on {nameof(Problem)} before sending it.", nameof(propertyName));
}

public sealed class ProblemFieldError
{
    /// <summary>The field, as named in the request (camelCase; nested fields with dots).</summary>
    [MaxLength(500)]
    public required string Name { get; init; }

    [MaxLength(4000)]
    public required string Reason { get; init; }
}
