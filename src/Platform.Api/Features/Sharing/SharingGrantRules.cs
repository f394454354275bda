namespace Platform.Api.Features.Sharing;

/// <summary>The kinds of an owner's data a grant can share.</summary>
public enum SharedResource
{
    Plinths,
    Units,
    Leases,
    Discounts,
    Reports,
}

public enum SharingGrantStatus
{
    Upcoming,
    Active,
    Revoked,
    Expired,
}

/// <summary>The validity of a grant: from its first day through its last (open-ended without one), unless revoked.</summary>
public sealed record GrantTerm(DateOnly ValidFrom, DateOnly? ValidUntil, bool Revoked);

public static class SharingGrantRules
{
    public const int ResourceKinds = 5;
    public const int PurposeLength = 1000;

    public static SharingGrantStatus StatusOn(GrantTerm term, DateOnly today) =>
        term.Revoked ? SharingGrantStatus.Revoked
        : DatedTerm.StatusOn(term.ValidFrom, term.ValidUntil, today) switch
        {
            TermStatus.Upcoming => SharingGrantStatus.Upcoming,
            TermStatus.Ended => SharingGrantStatus.Expired,
            _ => SharingGrantStatus.Active,
        };

    /// <summary>The index of the first plinth id the owner has no plinth for; null when the owner has every one.</summary>
    public static int? FirstUnknownPlinth(IReadOnlyList<Guid> named, IReadOnlySet<Guid> owned)
    {
        for (var i = 0; i < named.Count; i++)
        {
            if (!owned.Contains(named[i]))
                return i;
        }

        return null;
    }

    /// <summary>
    /// A new grant may not share a resource kind that a grant to the same grantee, neither revoked nor expired, already shares
    /// on any day of the new one's term: two grants for one kind would leave unclear which filter applies.
    /// </summary>
    public static bool Overlaps(GrantTerm existing, IReadOnlyCollection<SharedResource> existingResources,
        GrantTerm proposed, IReadOnlyCollection<SharedResource> proposedResources, DateOnly today) =>
        StatusOn(existing, today) is SharingGrantStatus.Active or SharingGrantStatus.Upcoming
        && existing.ValidFrom <= (proposed.ValidUntil ?? DateOnly.MaxValue)
        && proposed.ValidFrom <= (existing.ValidUntil ?? DateOnly.MaxValue)
        && existingResources.Intersect(proposedResources).Any();
}
