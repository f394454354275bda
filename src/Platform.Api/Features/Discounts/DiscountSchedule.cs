using Platform.Api.Features.RentRevisions;

namespace Platform.Api.Features.Discounts;

/// <summary>One evaluation period of a discount and the terms that hold in it.</summary>
public sealed record PeriodTerms(DateOnly Start, DiscountTerms Terms);

/// <summary>
/// Everything needed to say what a discount costs on any day: the lease's base rent month by month and its term, and the
/// discount's term and periods. A day after the last opened period keeps that period's terms (the
/// projection until the next evaluation decides otherwise).
/// </summary>
public sealed record DiscountSchedule(BaseRent BaseRent, DateOnly LeaseStart, DateOnly? LeaseEnd, DateOnly Start, DateOnly End, IReadOnlyList<PeriodTerms> Periods)
{
    public bool InForce(DateOnly on) =>
        on >= Start && on <= End && on >= LeaseStart && (LeaseEnd is not { } leaseEnd || on <= leaseEnd);

    /// <summary>The terms of the period that started last on or before <paramref name="on"/> (of two starting the same day, the later listed).</summary>
    public DiscountTerms? TermsOn(DateOnly on)
    {
        if (!InForce(on))
            return null;
        // A loop, not LINQ: the reports ask this for every month of every discount.
        PeriodTerms? inForce = null;
        foreach (var period in Periods)
        {
            if (period.Start <= on && (inForce is null || period.Start >= inForce.Start))
                inForce = period;
        }

        return inForce?.Terms;
    }

    public long DiscountOn(DateOnly on) => TermsOn(on) is { } terms ? RentArithmetic.DiscountCents(BaseRent.On(on), terms, on) : 0;

    /// <summary>
    /// The discount money split over calendar years, month by month: each month at the terms in force on its first day,
    /// charged to the year it falls in (a discount from July to June charges six months to each year).
    /// </summary>
    public IReadOnlyDictionary<int, long> ByYear() => RentArithmetic.MonthStarts(Start, End)
        .GroupBy(month => month.Year)
        .ToDictionary(year => year.Key, year => year.Sum(DiscountOn));

    /// <summary>The discount money charged to <paramref name="year"/>, as <see cref="ByYear"/> counts it; 0 for a year outside its term.</summary>
    public long In(int year)
    {
        long cents = 0;
        for (var month = new DateOnly(year, 1, 1); month.Year == year; month = month.AddMonths(1))
            cents += DiscountOn(month);
        return cents;
    }
}
