namespace Platform.Api.Features;

/// <summary>Where a day lies against a term that runs from its first day through its last (open-ended without one).</summary>
public enum TermStatus
{
    Upcoming,
    Active,
    Ended,
}

/// <summary>The one "upcoming / active / ended on a day" rule of leases, discounts and sharing grants, in C# and in SQL.</summary>
public static class DatedTerm
{
    public static TermStatus StatusOn(DateOnly start, DateOnly? end, DateOnly day) =>
        day < start ? TermStatus.Upcoming
        : end < day ? TermStatus.Ended
        : TermStatus.Active;

    /// <summary>
    /// The same rule for the row being read: columns <c>start_date</c> and <c>end_date</c> (null when open-ended) of the one
    /// table in scope that has them, and the day as <c>@Today</c>. A fragment, so not named <c>…Sql</c>: the parse tests read
    /// every <c>…Sql</c> constant as a whole statement.
    /// </summary>
    public const string ActiveCondition = "(start_date <= @Today AND (end_date IS NULL OR end_date >= @Today))";

    /// <summary><c>@Status</c> (a <see cref="TermStatus"/> as text, or null for any) on <c>@Today</c>, as <see cref="ActiveCondition"/> reads it.</summary>
    public const string StatusCondition = $"""
        (@Status IS NULL
         OR (@Status = 'upcoming' AND start_date > @Today)
         OR (@Status = 'active' AND {ActiveCondition})
         OR (@Status = 'ended' AND end_date < @Today))
        """;
}
