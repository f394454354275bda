namespace Platform.Api.Features.Leases;

/// <summary>One term of a 7:290 lease that only notice ends: its last day, and the last day notice can be given for it.</summary>
public sealed record StatutoryTerm(DateOnly EndDate, DateOnly NoticeDeadline)
{
    /// <summary>The day the <c>lease.notice_deadline</c> reminder comes due.</summary>
    public DateOnly RemindOn => NoticeDeadline.AddMonths(-LeaseRegimeRules.NoticeReminderLeadMonths);
}

/// <summary>What the lease regimes of the Dutch Civil Code (Burgerlijk Wetboek) make of a lease's agreed dates.</summary>
public static class LeaseRegimeRules
{
    /// <summary>Art. 7:301: a 7:290 lease of at most this many years is exempt from the statutory term.</summary>
    public const int ExemptYears = 2;

    /// <summary>Art. 7:292: the first term, and the extension by law after it.</summary>
    public const int TermYears = 5;

    public const int NoticeReminderLeadMonths = 1;

    /// <summary>Horeca, shops and craft shops with a public counter are 7:290 space; the rest (ateliers, offices, MOG) 7:230a.</summary>
    public static LeaseRegime DefaultFor(string detailCode) =>
        detailCode is "HOR" or "WIR" or "WWI" ? LeaseRegime.Article7_290 : LeaseRegime.Article7_230a;

    /// <summary>
    /// The statutory terms of a lease, in order: none when it ends on its end date (7:230a, other, a 7:290 lease of at most
    /// two years, or one that was terminated). A 7:290 lease agreed for more than two but less than five years, or for an
    /// indefinite time, runs five years from its start (7:292 lid 1); one of five years or more runs its agreed term. Either
    /// is then extended by law by five years (7:292 lid 2), after which it continues for an indefinite time (7:300).
    /// A lessee who stays on after a lease of at most two years shows as a later end date, which makes it five years too.
    /// </summary>
    public static IReadOnlyList<StatutoryTerm> StatutoryTerms(LeaseRegime regime, DateOnly start, DateOnly? end, bool terminated)
    {
        if (regime != LeaseRegime.Article7_290 || terminated)
            return [];
        if (end is { } agreedEnd && agreedEnd < Anniversary(start, ExemptYears))
            return [];

        var fiveYears = LastDayOfYears(start, TermYears);
        var first = end is { } longer && longer > fiveYears ? longer : fiveYears;
        var extended = LastDayOfYears(first.AddDays(1), TermYears);
        return [Term(first), Term(extended)];
    }

    /// <summary>The term that runs on <paramref name="today"/> or starts after it; none once the lease continues indefinitely.</summary>
    public static StatutoryTerm? CurrentTerm(IReadOnlyList<StatutoryTerm> terms, DateOnly today) =>
        terms.FirstOrDefault(t => t.EndDate >= today);

    /// <summary>Art. 7:293: notice of at least one year, so a full year lies between the deadline and the term's last day.</summary>
    static StatutoryTerm Term(DateOnly endDate) => new(endDate, endDate.AddYears(-1));

    /// <summary>The last day of <paramref name="years"/> years that start on <paramref name="start"/>.</summary>
    static DateOnly LastDayOfYears(DateOnly start, int years) => Anniversary(start, years).AddDays(-1);

    /// <summary>The same date <paramref name="years"/> later; 29 February falls on 1 March in a year without it.</summary>
    static DateOnly Anniversary(DateOnly date, int years)
    {
        var year = date.Year + years;
        return date is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year) ? new DateOnly(year, 3, 1) : date.AddYears(years);
    }
}
