using System.Globalization;
using Platform.Api.Features.Applications;
using Platform.Api.Features.Tenders;
using Platform.Api.Persistence;

namespace Platform.Api.Features.Awards;

/// <summary>What the award tells one applicant of its own scores: its rank band and its per-criterion means, nobody else's.</summary>
public sealed record JuryOutcome(RankBand Band, IReadOnlyList<CriterionMean> CriterionMeans);

/// <summary>What the award makes of one shortlisted application: awarded or rejected, with its own jury outcome.</summary>
public sealed record AwardPlacement(Guid ApplicationId, ApplicationStatus Status, JuryOutcome Outcome);

/// <summary>
/// Why the award is refused: with <see cref="Field"/>, the request's field that names no application of the tender (a 400);
/// otherwise a conflict of <see cref="Kind"/> with the tender's state (a 409).
/// </summary>
public sealed record AwardRefusal(string Reason, string? Field = null, string? Kind = null);

/// <summary>The award's result: every shortlisted application's placement, or the refusal.</summary>
public sealed record AwardDecision(IReadOnlyList<AwardPlacement> Placements, AwardRefusal? Refusal = null);

public static class AwardRules
{
    public const string NotShortlisted = "application-not-shortlisted";
    public const string ScoresIncomplete = "jury-scores-incomplete";
    public const string WinnerWithoutKvkNumber = "application-without-kvk-number";

    /// <summary>
    /// The award of <paramref name="winner"/> (<paramref name="winnerStatus"/>: its status, null when the tender has no such
    /// application). The winner must be shortlisted; every shortlisted application's scores must be complete (see
    /// <see cref="ApplicationStanding.ScoresComplete"/>); the lease needs the winner's KvK number and one unit to let. Then the winner
    /// becomes awarded and every other shortlisted application rejected, each with its own band and means. Applications that
    /// were not shortlisted (not_selected, ineligible, withdrawn) are left as they are.
    /// </summary>
    public static AwardDecision Decide(Guid winner, ApplicationStatus? winnerStatus, JuryRecord jury, int units)
    {
        if (winnerStatus is null)
            return Refuse(new AwardRefusal($"The tender has no application with the id {winner}.", Field: "applicationId"));
        if (winnerStatus != ApplicationStatus.Shortlisted)
            return Refuse(new AwardRefusal(
                $"Only a shortlisted application can be awarded; application {winner} is {EnumText<ApplicationStatus>.ToText(winnerStatus.Value)}.",
                Kind: NotShortlisted));

        var standings = jury.Standings();
        var incomplete = standings.Where(s => !s.ScoresComplete).ToList();
        if (incomplete.Count > 0)
            return Refuse(new AwardRefusal("The award waits for the jury's complete scores. " + string.Join(" ", incomplete.Select(s => Lacking(s, jury))),
                Kind: ScoresIncomplete));

        if (string.IsNullOrEmpty(jury.Applications.Single(a => a.Id == winner).ApplicantKvkNumber))
            return Refuse(new AwardRefusal($"The lease is made with an organisation registered at the KvK; application {winner} has no KvK number.",
                Kind: WinnerWithoutKvkNumber));
        if (units > TenderRules.UnitsPerTender)
            return Refuse(new AwardRefusal(
                $"The award lets one unit on the offered terms; the tender has {units} units, from before a tender let exactly one. Cancel it and make a tender per unit.",
                Kind: TenderRules.SeveralUnits));

        return new AwardDecision(standings.Select(s => new AwardPlacement(s.ApplicationId,
            s.ApplicationId == winner ? ApplicationStatus.Awarded : ApplicationStatus.Rejected,
            new JuryOutcome(s.Ranked.Band!.Value, s.Ranked.CriterionMeans))).ToList());
    }

    static AwardDecision Refuse(AwardRefusal refusal) => new([], refusal);

    /// <summary>Which sitting jurors an application still waits for, by name and id (never by key).</summary>
    static string Lacking(ApplicationStanding standing, JuryRecord jury)
    {
        var names = jury.Jurors.ToDictionary(j => j.Id, j => j.Name);
        return standing.MissingJurors.Count == 0
            ? $"Application {standing.ApplicationId}: every sitting juror declared a conflict with it."
            : $"Application {standing.ApplicationId} lacks scores of {string.Join(", ", standing.MissingJurors.Select(j => $"{names[j]} ({j})"))}.";
    }

    /// <summary>The applicant's own outcome in words, for its event: its rank band and its means, as the jury gave them.</summary>
    public static string Describe(JuryOutcome outcome) =>
        $"rank band {EnumText<RankBand>.ToText(outcome.Band)}; means {string.Join(", ", outcome.CriterionMeans.Select(m => $"{m.Key} {m.Mean.ToString("0.00", CultureInfo.InvariantCulture)}"))}";
}
