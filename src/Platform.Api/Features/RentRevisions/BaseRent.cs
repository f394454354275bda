namespace Platform.Api.Features.RentRevisions;

/// <summary>A base rent that applies from the first day of a month on.</summary>
public sealed record RentRevisionTerms(DateOnly EffectiveFrom, long BaseRentCentsPerMonth);

/// <summary>
/// A lease's base rent month by month: the rent agreed at the start until the first revision, then each revision's
/// rent from its month on. A month is charged at the base rent in force on its first day.
/// </summary>
public sealed record BaseRent(long AgreedCentsPerMonth, IReadOnlyList<RentRevisionTerms> Revisions)
{
    public long On(DateOnly day)
    {
        // A loop, not LINQ: the portfolio report asks this for every month of every lease.
        RentRevisionTerms? inForce = null;
        foreach (var revision in Revisions)
        {
            if (revision.EffectiveFrom <= day && (inForce is null || revision.EffectiveFrom > inForce.EffectiveFrom))
                inForce = revision;
        }

        return inForce?.BaseRentCentsPerMonth ?? AgreedCentsPerMonth;
    }
}
