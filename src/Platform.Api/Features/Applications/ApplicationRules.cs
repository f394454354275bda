using Platform.Api.Features.Tenders;
using Platform.Api.Persistence;

namespace Platform.Api.Features.Applications;

/// <summary>What an application rule needs to know of its tender.</summary>
public sealed record TenderWindow(TenderStatus Status, DateTimeOffset ClosesAt);

/// <summary>A refusal: the conflict kind and why; null when allowed.</summary>
public sealed record ApplicationRefusal(string Kind, string Reason);

/// <summary>An application of the tender as the shortlist sees it.</summary>
public sealed record ShortlistCandidate(Guid Id, ApplicationStatus Status);

/// <summary>One entry of the landlord's shortlist; the entries' order is the order of the pitch night.</summary>
public sealed record ShortlistChoice(Guid ApplicationId, string? Note);

/// <summary>What the shortlist makes of one application: its status and, when shortlisted, the note and its place (1, 2, …).</summary>
public sealed record ShortlistPlacement(Guid ApplicationId, ApplicationStatus Status, string? Note, int? Position);

/// <summary>
/// Why the shortlist is refused: with <see cref="Field"/>, the entry's field that points at no application of the tender (a
/// 400 naming it); otherwise a conflict of <see cref="Kind"/> with the applications' state (a 409).
/// </summary>
public sealed record ShortlistRefusal(string Reason, string? Field = null, string? Kind = null);

/// <summary>The shortlist's result: every application it changes, or the refusal.</summary>
public sealed record ShortlistDecision(IReadOnlyList<ShortlistPlacement> Placements, ShortlistRefusal? Refusal = null);

public static class ApplicationRules
{
    public const string TenderNotOpen = "tender-not-open";
    public const string Duplicate = "application-duplicate";
    public const string Withdrawn = "application-withdrawn";
    public const string TenderEnded = "tender-ended";
    public const string NotEligible = "application-not-eligible";
    public const string ShortlistMade = "shortlist-made";

    /// <summary>The sections the tender requires that the application leaves out, in the tender's order.</summary>
    public static IReadOnlyList<TenderSection> MissingSections(IEnumerable<TenderSection> required, ApplicationSections given) =>
        required.Where(s => string.IsNullOrEmpty(given.TextOf(s))).ToList();

    /// <summary>Applications are taken, changed and withdrawn while the tender is open and before closesAt.</summary>
    public static ApplicationRefusal? RefuseSubmission(TenderWindow tender, DateTimeOffset now) =>
        tender.Status == TenderStatus.Open && now < tender.ClosesAt ? null
        : new ApplicationRefusal(TenderNotOpen, tender.Status == TenderStatus.Published
            ? "The tender does not take applications yet."
            : $"The tender took applications until {tender.ClosesAt:O}; it is {EnumText<TenderStatus>.ToText(tender.Status)}.");

    public static ApplicationRefusal? RefuseChange(ApplicationStatus application, TenderWindow tender, DateTimeOffset now) =>
        application == ApplicationStatus.Withdrawn ? new ApplicationRefusal(Withdrawn, "The application was withdrawn.")
        : RefuseSubmission(tender, now);

    /// <summary>
    /// The landlord marks applications eligible or ineligible until it makes the shortlist (the shortlist is made of the
    /// eligible ones); a withdrawn one is left alone.
    /// </summary>
    public static ApplicationRefusal? RefuseAssessment(ApplicationStatus application, TenderStatus tender) =>
        application == ApplicationStatus.Withdrawn ? new ApplicationRefusal(Withdrawn, "The application was withdrawn.")
        : tender is TenderStatus.Cancelled or TenderStatus.Draft ? new ApplicationRefusal(TenderEnded, $"The tender is {EnumText<TenderStatus>.ToText(tender)}.")
        : tender is TenderStatus.Published or TenderStatus.Open or TenderStatus.Closed ? null
        : new ApplicationRefusal(ShortlistMade, $"The tender is {EnumText<TenderStatus>.ToText(tender)}: its shortlist is made, and applications are assessed before it.");

    /// <summary>
    /// The named applications, each an eligible one of the tender, become shortlisted in the entries' order with their notes;
    /// every other eligible one becomes not_selected. The other applications (submitted, ineligible, withdrawn) stay as they are.
    /// </summary>
    public static ShortlistDecision Shortlist(IReadOnlyList<ShortlistCandidate> applications, IReadOnlyList<ShortlistChoice> entries)
    {
        var byId = applications.ToDictionary(a => a.Id);
        for (var i = 0; i < entries.Count; i++)
        {
            if (!byId.ContainsKey(entries[i].ApplicationId))
                return new ShortlistDecision([], new ShortlistRefusal($"The tender has no application with the id {entries[i].ApplicationId}.",
                    Field: $"entries[{i}].applicationId"));
        }

        var notEligible = entries.Select(e => byId[e.ApplicationId]).Where(a => a.Status != ApplicationStatus.Eligible).ToList();
        if (notEligible.Count > 0)
            return new ShortlistDecision([], new ShortlistRefusal("Only eligible applications are shortlisted; not eligible: "
                + string.Join(", ", notEligible.Select(a => $"{a.Id} ({EnumText<ApplicationStatus>.ToText(a.Status)})")) + ".", Kind: NotEligible));

        var chosen = entries.Select(e => e.ApplicationId).ToHashSet();
        return new ShortlistDecision(entries
            .Select((e, i) => new ShortlistPlacement(e.ApplicationId, ApplicationStatus.Shortlisted, e.Note, i + 1))
            .Concat(applications.Where(a => a.Status == ApplicationStatus.Eligible && !chosen.Contains(a.Id))
                .Select(a => new ShortlistPlacement(a.Id, ApplicationStatus.NotSelected, null, null)))
            .ToList());
    }
}
