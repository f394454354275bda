using Platform.Api.Persistence;

namespace Platform.Api.Features.Tenders;

/// <summary>
/// Where a tender is: draft until published, published until it opens at opensAt, then open until closed; shortlisted, then
/// pitching while its jury scores, then awarded.
/// </summary>
public enum TenderStatus
{
    Draft,
    Published,
    Open,
    Closed,
    Shortlisted,
    Pitching,

    /// <summary>The jury's choice is made: the winner's lease (and discount) exist, the other shortlisted applicants are rejected.</summary>
    Awarded,
    Cancelled,
}

/// <summary>The state changes a landlord asks for, each a POST on the tender.</summary>
public enum TenderTransition
{
    Publish,
    Close,
    Shortlist,
    StartPitching,
    Award,
    Cancel,
}

/// <summary>A unit of the tender as publication sees it: vacant when its stored status is vacant and no lease is active.</summary>
public sealed record TenderUnit(Guid Id, bool Vacant);

/// <summary>The tender's active (not revoked) jurors by role.</summary>
public sealed record JuryPanel(int Residents, int Professionals)
{
    public static readonly JuryPanel None = new(0, 0);
}

/// <summary>What a transition needs to know of the tender.</summary>
public sealed record TenderState(TenderStatus Status, IReadOnlyList<int> Weights, DateTimeOffset ClosesAt, IReadOnlyList<TenderUnit> Units)
{
    public JuryPanel Jury { get; init; } = JuryPanel.None;
}

/// <summary>A shortlisted application's place on the shortlist (1, 2, …): the order of the pitch night.</summary>
public sealed record ShortlistPlace(Guid ApplicationId, int Position);

/// <summary>A transition's result: the status to store, or the refusal (a conflict kind and why).</summary>
public sealed record TenderDecision(TenderStatus? NextStatus, string? ConflictKind = null, string? Refusal = null)
{
    public bool Allowed => NextStatus is not null;

    public static TenderDecision To(TenderStatus status) => new(status);

    public static TenderDecision Refuse(string kind, string reason) => new(null, kind, reason);
}

public static class TenderRules
{
    public const int WeightTotal = 100;

    /// <summary>
    /// A tender lets one unit: its offered terms hold one rent and the award makes one lease, which is on one unit. A landlord
    /// with several spaces publishes a tender per space, as Rochdale does.
    /// </summary>
    public const int UnitsPerTender = 1;

    public const string TransitionNotAllowed = "tender-transition-not-allowed";
    public const string WeightsNotComplete = "tender-weights-not-complete";
    public const string UnitsNotVacant = "tender-units-not-vacant";
    public const string ClosesInThePast = "tender-closes-in-the-past";
    public const string Frozen = "tender-frozen";
    public const string JuryIncomplete = "tender-jury-incomplete";

    /// <summary>A tender stored with more than one unit, from before <see cref="UnitsPerTender"/> was enforced at create and update.</summary>
    public const string SeveralUnits = "tender-several-units";

    /// <summary>The status a client sees: a published tender is open from its opening time.</summary>
    public static TenderStatus StatusAt(TenderStatus stored, DateTimeOffset opensAt, DateTimeOffset now) =>
        stored == TenderStatus.Published && now >= opensAt ? TenderStatus.Open : stored;

    /// <summary>The transitions a tender in <paramref name="status"/> (as a client sees it) allows.</summary>
    public static IReadOnlyList<TenderTransition> AllowedFrom(TenderStatus status) => status switch
    {
        TenderStatus.Draft => [TenderTransition.Publish, TenderTransition.Cancel],
        TenderStatus.Published => [TenderTransition.Cancel],
        TenderStatus.Open => [TenderTransition.Close, TenderTransition.Cancel],
        TenderStatus.Closed => [TenderTransition.Shortlist, TenderTransition.Cancel],
        TenderStatus.Shortlisted => [TenderTransition.StartPitching, TenderTransition.Cancel],
        TenderStatus.Pitching => [TenderTransition.Award, TenderTransition.Cancel],
        _ => [],
    };

    /// <summary>Whether the tender's content (criteria, weights, sections, eligibility and the rest) may still change: only in draft.</summary>
    public static bool Editable(TenderStatus status) => status == TenderStatus.Draft;

    public static TenderDecision Decide(TenderTransition transition, TenderState tender, DateTimeOffset now)
    {
        if (!AllowedFrom(tender.Status).Contains(transition))
            return TenderDecision.Refuse(TransitionNotAllowed, $"A tender that is {Text(tender.Status)} cannot {Text(transition)}.");

        return transition switch
        {
            TenderTransition.Publish => Publish(tender, now),
            TenderTransition.Close => TenderDecision.To(TenderStatus.Closed),
            TenderTransition.Shortlist => TenderDecision.To(TenderStatus.Shortlisted),
            TenderTransition.StartPitching => StartPitching(tender.Jury),
            TenderTransition.Award => TenderDecision.To(TenderStatus.Awarded),
            TenderTransition.Cancel => TenderDecision.To(TenderStatus.Cancelled),
            _ => throw new ArgumentOutOfRangeException(nameof(transition)),
        };
    }

    static TenderDecision Publish(TenderState tender, DateTimeOffset now)
    {
        if (tender.Units.Count > UnitsPerTender)
            return TenderDecision.Refuse(SeveralUnits,
                $"The draft names {tender.Units.Count} units; a tender lets exactly one unit. Update the draft to one of them and make a tender for each of the others.");
        var total = tender.Weights.Sum();
        if (total != WeightTotal)
            return TenderDecision.Refuse(WeightsNotComplete, $"The criteria's weights sum to {total}; a tender is published with weights that sum to {WeightTotal}.");
        if (tender.ClosesAt <= now)
            return TenderDecision.Refuse(ClosesInThePast, $"The tender closed at {tender.ClosesAt:O}; move closesAt into the future to publish it.");
        var taken = tender.Units.Where(u => !u.Vacant).Select(u => u.Id).ToList();
        if (taken.Count > 0)
            return TenderDecision.Refuse(UnitsNotVacant, $"Only vacant units can be put in a tender; not vacant: {string.Join(", ", taken)}.");
        return TenderDecision.To(TenderStatus.Published);
    }

    /// <summary>How long before closesAt the landlord is reminded that its tender closes.</summary>
    public static readonly TimeSpan ClosingSoonLead = TimeSpan.FromDays(3);

    /// <summary>The reminder scan closes a tender that is open at closesAt (stored published: it opened before it closes).</summary>
    public static bool ClosesNow(TenderStatus stored, DateTimeOffset closesAt, DateTimeOffset now) => stored == TenderStatus.Published && now >= closesAt;

    /// <summary>tender.closing_soon is due from <see cref="ClosingSoonLead"/> before closesAt until it closes.</summary>
    public static bool ClosingSoon(TenderStatus stored, DateTimeOffset closesAt, DateTimeOffset now) =>
        stored == TenderStatus.Published && now >= closesAt - ClosingSoonLead && now < closesAt;

    /// <summary>How long before the pitch night the landlord and the shortlisted applicants are reminded of it.</summary>
    public static readonly TimeSpan PitchNightReminderLead = TimeSpan.FromDays(2);

    /// <summary>
    /// The pitch night's slots, one per shortlisted application in shortlist order: place n starts at startsAt + (n − 1) ×
    /// minutesPerPitch and lasts minutesPerPitch. None without a pitch night.
    /// </summary>
    public static IReadOnlyList<PitchSlot> PitchSlots(PitchNight? night, IEnumerable<ShortlistPlace> shortlist) =>
        night is null ? [] : shortlist.OrderBy(p => p.Position).Select(p => SlotOf(night, p)).ToList();

    public static PitchSlot SlotOf(PitchNight night, ShortlistPlace place)
    {
        var startsAt = night.StartsAt.ToUniversalTime().AddMinutes((place.Position - 1) * night.MinutesPerPitch);
        return new PitchSlot
        {
            ApplicationId = place.ApplicationId, Number = place.Position, StartsAt = startsAt, EndsAt = startsAt.AddMinutes(night.MinutesPerPitch),
        };
    }

    /// <summary>The pitch night is announced from <see cref="PitchNightReminderLead"/> before it starts until it starts.</summary>
    public static bool PitchNightUpcoming(PitchNight night, DateTimeOffset now) =>
        now >= night.StartsAt - PitchNightReminderLead && now < night.StartsAt;
    /// <summary>A jury that hears the pitches has at least one resident of the neighbourhood and one professional.</summary>
    static TenderDecision StartPitching(JuryPanel jury) => jury is { Residents: > 0, Professionals: > 0 }
        ? TenderDecision.To(TenderStatus.Pitching)
        : TenderDecision.Refuse(JuryIncomplete,
            $"The pitching starts with at least one resident and one professional juror; the tender has {jury.Residents} active resident(s) "
            + $"and {jury.Professionals} active professional(s).");

    /// <summary>The jury's ranking exists from the pitching on: while the jury scores, and afterwards as the award's ground.</summary>
    public static bool Ranked(TenderStatus status) => status is TenderStatus.Pitching or TenderStatus.Awarded;

    /// <summary>Whether jurors may still be appointed and use their keys: until the tender is awarded or cancelled.</summary>
    public static bool JuryMaySit(TenderStatus status) => status is not (TenderStatus.Awarded or TenderStatus.Cancelled);

    static string Text(TenderStatus status) => EnumText<TenderStatus>.ToText(status);

    static string Text(TenderTransition transition) => EnumText<TenderTransition>.ToText(transition);
}
