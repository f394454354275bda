using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Tenders.ApplicationScenarios;

namespace Platform.Api.Tests.Tenders;

/// <summary>
/// Rochdale's atelier tender, pitching, with three shortlisted plans that have a KvK number (the lease needs one): Maakcollectief
/// De Kade and Stichting De Werf through their own tenants, Atelier Noor through Rochdale's website; a resident and a professional
/// juror. A fourth eligible plan, Bakkerij Om de Hoek's, is left off the shortlist (not_selected).
/// </summary>
public static class AwardScenarios
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The 25 % discount Rochdale offers with the atelier: 2027, charged to the leefbaarheid budget line.</summary>
    public static CreateDiscountRequest GrowthDiscount() => Discounts.DiscountTests.TwentyFivePercent(new DateOnly(2027, 1, 1), Discounts.DiscountTests.Leefbaarheid);

    /// <summary><paramref name="opensAt"/>: when the tender opened (an hour ago by the real clock unless told), for an app with a clock of its own.</summary>
    public static async Task<PitchingPlans> PitchingPlansAsync(this PlatformApp app, CreateDiscountRequest? discount = null, DateTimeOffset? opensAt = null)
    {
        var rochdale = await app.LandlordAsync();
        var (kade, kadeApi) = await app.CollectiveAsync();
        var (werf, werfApi) = await app.CollectiveAsync("Stichting De Werf");
        var website = await rochdale.Tenant.SignInAsync("applications:submit");
        var request = TenderScenarios.PitchJePlan([rochdale.Unit.Id], opensAt);
        request.OfferedTerms.Discount = discount;
        var open = await rochdale.PublishedAsync(request);

        var plans = new List<ApplicationResponse>();
        foreach (var (submitter, name, kvk) in new[]
                 {
                     (kadeApi, "Maakcollectief De Kade", "12345678"), (werfApi, "Stichting De Werf", "23456789"), (website, "Atelier Noor", "34567890"),
                     (website, "Bakkerij Om de Hoek", "45678901"),
                 })
        {
            var submitted = await submitter.Applications.SubmitApplicationAsync(open.Id, Plan(UniqueEmail(), kvk, name), cancellationToken: Ct);
            plans.Add(await rochdale.Api.Applications.AssessApplicationAsync(rochdale.Slug, open.Id, submitted.Id,
                new AssessApplicationRequest { Decision = AssessmentDecision.Eligible, Reason = "Startende ondernemers." }, cancellationToken: Ct));
        }

        await rochdale.Api.Tenders.CloseTenderAsync(rochdale.Slug, open.Id, cancellationToken: Ct);
        await rochdale.Api.Tenders.ShortlistTenderAsync(rochdale.Slug, open.Id, ShortlistScenarios.Shortlist([.. plans.Take(3)]), cancellationToken: Ct);
        var resident = await rochdale.AppointAsync(open.Id, JuryScenarios.Resident());
        var professional = await rochdale.AppointAsync(open.Id, JuryScenarios.Professional());
        var tender = await rochdale.Api.Tenders.StartPitchingTenderAsync(rochdale.Slug, open.Id, cancellationToken: Ct);
        return new PitchingPlans(app, rochdale, tender, (kade, kadeApi), (werf, werfApi), plans, resident, professional);
    }
}

/// <summary>
/// The pitching atelier tender. <see cref="ScoreAllAsync"/> gives the scores by hand (four criteria of weight 25, so a juror's
/// weighted score is the mean of its four):
/// De Kade: resident 9 8 7 8 (8.0), professional 7 9 9 7 (8.0): 8.00, means 8, 8.5, 8, 7.5, rank 1, top quarter;
/// Atelier Noor: resident 7 7 6 8 (7.0), professional 8 6 7 7 (7.0): 7.00, means 7.5, 6.5, 6.5, 7.5, rank 2, second quarter;
/// De Werf: resident 5 6 7 6 (6.0), professional 6 5 6 7 (6.0): 6.00, means 5.5, 5.5, 6.5, 6.5, rank 3, third quarter.
/// </summary>
public sealed record PitchingPlans(PlatformApp App, Landlord Rochdale, TenderResponse Tender, (TestTenant Tenant, PlatformApi Api) Kade,
    (TestTenant Tenant, PlatformApi Api) Werf, IReadOnlyList<ApplicationResponse> Plans, CreatedJurorResponse Resident, CreatedJurorResponse Professional)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public Guid TenderId => Tender.Id;

    public ApplicationResponse FromKade => Plans[0];

    public ApplicationResponse FromWerf => Plans[1];

    public ApplicationResponse FromNoor => Plans[2];

    /// <summary>Eligible, but not on the shortlist.</summary>
    public ApplicationResponse NotSelected => Plans[3];

    public string Slug => Rochdale.Slug;

    public AwardTenderRequest Award(ApplicationResponse winner) => new()
    {
        ApplicationId = winner.Id,
        JuryReport = $"De jury kiest {winner.Applicant.Name}: een open werkplaats die de straat elke week laat zien wat er gemaakt wordt.",
    };

    public async Task ScoreAllAsync()
    {
        var resident = App.Juror(Resident.Key);
        var professional = App.Juror(Professional.Key);
        await resident.ScoreApplicationAsync(TenderId, FromKade.Id, JuryScenarios.Sheet(9, 8, 7, 8), Ct);
        await professional.ScoreApplicationAsync(TenderId, FromKade.Id, JuryScenarios.Sheet(7, 9, 9, 7), Ct);
        await resident.ScoreApplicationAsync(TenderId, FromNoor.Id, JuryScenarios.Sheet(7, 7, 6, 8), Ct);
        await professional.ScoreApplicationAsync(TenderId, FromNoor.Id, JuryScenarios.Sheet(8, 6, 7, 7), Ct);
        await resident.ScoreApplicationAsync(TenderId, FromWerf.Id, JuryScenarios.Sheet(5, 6, 7, 6), Ct);
        await professional.ScoreApplicationAsync(TenderId, FromWerf.Id, JuryScenarios.Sheet(6, 5, 6, 7), Ct);
    }
}
