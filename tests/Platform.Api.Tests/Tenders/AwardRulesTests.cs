using Platform.Api.Features.Applications;
using Platform.Api.Features.Awards;
using Platform.Api.Features.Tenders;

namespace Platform.Api.Tests.Tenders;

/// <summary>The award by hand: two criteria, storefront 40 and feasibility 60, two jurors, three shortlisted plans.</summary>
public sealed class AwardRulesTests
{
    static readonly Guid Fatima = new("00000000-0000-0000-0000-00000000000f"), Joost = new("00000000-0000-0000-0000-00000000000a");

    static readonly Guid DeKade = new("00000000-0000-0000-0000-000000000001"), Werkplaats = new("00000000-0000-0000-0000-000000000002"),
        Atelier = new("00000000-0000-0000-0000-000000000003");

    static ShortlistedApplication Plan(Guid id, string? kvk = "12345678") => new()
    {
        Id = id, ApplicantName = $"Plan {id.ToString()[^1]}", ApplicantKvkNumber = kvk, ApplicantEmail = "plan@dekade.example", Status = "shortlisted",
    };

    static IEnumerable<JurorScore> Scoring(Guid juror, Guid application, int storefront, int feasibility) =>
        [new(juror, application, "storefront", storefront), new(juror, application, "feasibility", feasibility)];

    /// <summary>
    /// De Kade: Fatima 6.8, Joost 8.0: 7.40, means 6.5 and 8, rank 1. Werkplaats: Fatima 4.0 (4, 4), Joost 6.0 (6, 6): 5.00, rank 2.
    /// Atelier: Fatima 2.6 (2, 3), Joost 2.0 (2, 2): 2.30, means 2 and 2.5, rank 3 of 3: 4 × 2 / 3 = 2, the third quarter.
    /// </summary>
    static JuryRecord Scored(string? kadeKvk = "12345678", bool complete = true) => new(
        [new RankingCriterion("storefront", 40), new RankingCriterion("feasibility", 60)],
        [Plan(DeKade, kadeKvk), Plan(Werkplaats), Plan(Atelier)],
        [new JuryMember { Id = Fatima, Name = "Fatima el Amrani" }, new JuryMember { Id = Joost, Name = "Joost de Wit" }],
        [
            .. Scoring(Fatima, DeKade, 8, 6), .. Scoring(Joost, DeKade, 5, 10),
            .. Scoring(Fatima, Werkplaats, 4, 4), .. Scoring(Joost, Werkplaats, 6, 6),
            .. Scoring(Fatima, Atelier, 2, 3), .. Scoring(Joost, Atelier, 2, 2).Where(_ => complete),
        ],
        []);

    [Fact]
    public void The_winner_is_awarded_and_every_other_shortlisted_plan_rejected_each_with_its_own_band_and_means()
    {
        var decision = AwardRules.Decide(Werkplaats, ApplicationStatus.Shortlisted, Scored(), units: 1);

        Assert.Null(decision.Refusal);
        var byId = decision.Placements.ToDictionary(p => p.ApplicationId);
        Assert.Equal(3, byId.Count);
        Assert.Equal((ApplicationStatus.Awarded, RankBand.SecondQuarter), (byId[Werkplaats].Status, byId[Werkplaats].Outcome.Band));
        Assert.Equal((ApplicationStatus.Rejected, RankBand.TopQuarter), (byId[DeKade].Status, byId[DeKade].Outcome.Band));
        Assert.Equal([new CriterionMean("storefront", 6.5m), new CriterionMean("feasibility", 8m)], byId[DeKade].Outcome.CriterionMeans);
        Assert.Equal((ApplicationStatus.Rejected, RankBand.ThirdQuarter), (byId[Atelier].Status, byId[Atelier].Outcome.Band));
        Assert.Equal([new CriterionMean("storefront", 2m), new CriterionMean("feasibility", 2.5m)], byId[Atelier].Outcome.CriterionMeans);
    }

    [Fact]
    public void An_applicants_outcome_in_words_holds_its_own_band_and_means_with_two_decimals()
    {
        var atelier = AwardRules.Decide(DeKade, ApplicationStatus.Shortlisted, Scored(), units: 1).Placements.Single(p => p.ApplicationId == Atelier);

        Assert.Equal("rank band third_quarter; means storefront 2.00, feasibility 2.50", AwardRules.Describe(atelier.Outcome));
    }

    [Fact]
    public void An_id_that_is_no_application_of_the_tender_is_refused_on_applicationId()
    {
        var refusal = AwardRules.Decide(Guid.NewGuid(), null, Scored(), units: 1).Refusal!;

        Assert.Equal("applicationId", refusal.Field);
    }

    [Theory]
    [InlineData(ApplicationStatus.NotSelected)]
    [InlineData(ApplicationStatus.Eligible)]
    [InlineData(ApplicationStatus.Withdrawn)]
    public void Only_a_shortlisted_application_is_awarded(ApplicationStatus status)
    {
        var refusal = AwardRules.Decide(DeKade, status, Scored(), units: 1).Refusal!;

        Assert.Equal(AwardRules.NotShortlisted, refusal.Kind);
        Assert.Null(refusal.Field);
    }

    [Fact]
    public void Incomplete_scores_are_refused_naming_the_application_and_the_juror_it_waits_for()
    {
        var refusal = AwardRules.Decide(DeKade, ApplicationStatus.Shortlisted, Scored(complete: false), units: 1).Refusal!;

        Assert.Equal(AwardRules.ScoresIncomplete, refusal.Kind);
        Assert.Contains($"Application {Atelier} lacks scores of Joost de Wit ({Joost}).", refusal.Reason);
        Assert.DoesNotContain(DeKade.ToString(), refusal.Reason);
    }

    [Fact]
    public void A_winner_without_a_KvK_number_cannot_get_the_lease()
    {
        Assert.Equal(AwardRules.WinnerWithoutKvkNumber, AwardRules.Decide(DeKade, ApplicationStatus.Shortlisted, Scored(kadeKvk: null), units: 1).Refusal!.Kind);
        Assert.Null(AwardRules.Decide(Werkplaats, ApplicationStatus.Shortlisted, Scored(kadeKvk: null), units: 1).Refusal);
    }

    [Fact]
    public void The_offered_terms_let_one_unit()
    {
        Assert.Equal(TenderRules.SeveralUnits, AwardRules.Decide(DeKade, ApplicationStatus.Shortlisted, Scored(), units: 2).Refusal!.Kind);
    }
}
