using Platform.Api.Features.Tenders;
using Platform.Api.Persistence;

namespace Platform.Api.Features.Applications;

/// <summary>What an application rule needs to know of its tender.</summary>
public sealed record TenderWindow(TenderStatus Status, DateTimeOffset ClosesAt);

/// <summary>A refusal: the conflict kind and why; null when allowed.</summary>
public sealed record ApplicationRefusal(string Kind, string Reason);

public static class ApplicationRules
{
    public const string TenderNotOpen = "tender-not-open";
    public const string Duplicate = "application-duplicate";
    public const string Withdrawn = "application-withdrawn";
    public const string TenderEnded = "tender-ended";

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

    /// <summary>The landlord marks applications eligible or ineligible until the tender is cancelled; a withdrawn one is left alone.</summary>
    public static ApplicationRefusal? RefuseAssessment(ApplicationStatus application, TenderStatus tender) =>
        application == ApplicationStatus.Withdrawn ? new ApplicationRefusal(Withdrawn, "The application was withdrawn.")
        : tender is TenderStatus.Cancelled or TenderStatus.Draft ? new ApplicationRefusal(TenderEnded, $"The tender is {EnumText<TenderStatus>.ToText(tender)}.")
        : null;
}
