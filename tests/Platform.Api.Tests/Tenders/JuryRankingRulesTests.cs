using Platform.Api.Features.Awards;

namespace Platform.Api.Tests.Tenders;

/// <summary>The ranking by hand: two criteria, storefront 40 and feasibility 60, and three jurors.</summary>
public sealed class JuryRankingRulesTests
{
    static readonly RankingCriterion[] Criteria = [new("storefront", 40), new("feasibility", 60)];

    static readonly Guid Fatima = new("00000000-0000-0000-0000-00000000000f"), Joost = new("00000000-0000-0000-0000-00000000000a"),
        Ria = new("00000000-0000-0000-0000-00000000000b");

    static readonly Guid DeKade = new("00000000-0000-0000-0000-000000000001"), Werkplaats = new("00000000-0000-0000-0000-000000000002"),
        Atelier = new("00000000-0000-0000-0000-000000000003"), Unscored = new("00000000-0000-0000-0000-000000000004");

    static IEnumerable<JurorScore> Scoring(Guid juror, Guid application, int storefront, int feasibility) =>
        [new(juror, application, "storefront", storefront), new(juror, application, "feasibility", feasibility)];

    static IReadOnlyList<RankedApplication> Rank(IEnumerable<JurorScore> scores, params JurorConflict[] conflicts) =>
        RankingRules.Rank(Criteria, [DeKade, Werkplaats, Atelier, Unscored], scores, conflicts);

    [Fact]
    public void Each_jurors_weighted_score_is_averaged_over_the_jurors_who_scored_it()
    {
        // De Kade: Fatima (40×8 + 60×6)/100 = 6.8, Joost (40×5 + 60×10)/100 = 8.0: mean 7.4.
        // Atelier: only Fatima, (40×2 + 60×3)/100 = 2.6.
        var ranking = Rank([.. Scoring(Fatima, DeKade, 8, 6), .. Scoring(Joost, DeKade, 5, 10), .. Scoring(Fatima, Atelier, 2, 3)]);

        var kade = ranking.Single(r => r.ApplicationId == DeKade);
        Assert.Equal(7.4m, kade.WeightedScore);
        Assert.Equal(2, kade.Jurors);
        Assert.Equal([new CriterionMean("storefront", 6.5m), new CriterionMean("feasibility", 8m)], kade.CriterionMeans);
        var atelier = ranking.Single(r => r.ApplicationId == Atelier);
        Assert.Equal(2.6m, atelier.WeightedScore);
        Assert.Equal(1, atelier.Jurors);
        Assert.Equal([DeKade, Atelier, Werkplaats, Unscored], ranking.Select(r => r.ApplicationId));
        Assert.Equal([1, 2, (int?)null, null], ranking.Select(r => r.Rank));
    }

    [Fact]
    public void A_conflicted_jurors_scores_do_not_count()
    {
        // Ria scored De Kade 1 and 1 before declaring her conflict: De Kade stays (6.8 + 8.0) / 2 = 7.4, from two jurors.
        var ranking = Rank([.. Scoring(Fatima, DeKade, 8, 6), .. Scoring(Joost, DeKade, 5, 10), .. Scoring(Ria, DeKade, 1, 1)],
            new JurorConflict(Ria, DeKade));

        var kade = ranking.Single(r => r.ApplicationId == DeKade);
        Assert.Equal(7.4m, kade.WeightedScore);
        Assert.Equal(2, kade.Jurors);
    }

    [Fact]
    public void Equal_scores_share_the_better_rank_and_are_flagged_as_tied()
    {
        // De Kade 7.4 as above; Werkplaats: Fatima (40×10 + 60×5)/100 = 7.0, Joost (40×9 + 60×7)/100 = 7.8: also 7.4.
        var ranking = Rank([
            .. Scoring(Fatima, DeKade, 8, 6), .. Scoring(Joost, DeKade, 5, 10),
            .. Scoring(Fatima, Werkplaats, 10, 5), .. Scoring(Joost, Werkplaats, 9, 7),
            .. Scoring(Fatima, Atelier, 2, 3)]);

        Assert.Equal([(DeKade, 1, true), (Werkplaats, 1, true), (Atelier, 3, false)],
            ranking.Take(3).Select(r => (r.ApplicationId, r.Rank!.Value, r.Tied)));
        Assert.All(ranking.Take(2), r => Assert.Equal(7.4m, r.WeightedScore));
        Assert.Equal([RankBand.TopQuarter, RankBand.TopQuarter, RankBand.ThirdQuarter], ranking.Take(3).Select(r => r.Band!.Value));
    }

    [Fact]
    public void Ties_are_decided_on_the_exact_means_not_the_rounded_ones()
    {
        // De Kade: Fatima 40×7 + 60×7 = 7.0, Joost 40×7 + 60×8 = 7.6, Ria 40×7 + 60×8 = 7.6: 22.2 / 3 = 7.4.
        // Werkplaats: Fatima 40×8 + 60×7 = 7.4 (one juror). Both show 7.4, and they are tied exactly.
        // Atelier: Fatima 40×7 + 60×8 = 7.6, Joost 40×8 + 60×7 = 7.4, Ria 40×1 + 60×10 = 6.4: 21.4 / 3 = 7.1333… → 7.13.
        var ranking = Rank([
            .. Scoring(Fatima, DeKade, 7, 7), .. Scoring(Joost, DeKade, 7, 8), .. Scoring(Ria, DeKade, 7, 8),
            .. Scoring(Fatima, Werkplaats, 8, 7),
            .. Scoring(Fatima, Atelier, 7, 8), .. Scoring(Joost, Atelier, 8, 7), .. Scoring(Ria, Atelier, 1, 10)]);

        Assert.True(ranking[0].Tied && ranking[1].Tied);
        Assert.Equal(7.13m, ranking.Single(r => r.ApplicationId == Atelier).WeightedScore);
        Assert.Equal(new CriterionMean("storefront", 5.33m), ranking.Single(r => r.ApplicationId == Atelier).CriterionMeans[0]);
        Assert.False(ranking.Single(r => r.ApplicationId == Atelier).Tied);
    }

    [Fact]
    public void A_juror_who_did_not_score_every_criterion_does_not_count_for_that_application()
    {
        var ranking = Rank([.. Scoring(Fatima, DeKade, 8, 6), new JurorScore(Joost, DeKade, "storefront", 1)]);

        var kade = ranking.Single(r => r.ApplicationId == DeKade);
        Assert.Equal(6.8m, kade.WeightedScore);
        Assert.Equal(1, kade.Jurors);
    }

    [Fact]
    public void Unscored_applications_have_no_score_rank_or_band()
    {
        var unscored = Rank([]).Single(r => r.ApplicationId == Unscored);

        Assert.Null(unscored.WeightedScore);
        Assert.Null(unscored.Rank);
        Assert.Null(unscored.Band);
        Assert.Empty(unscored.CriterionMeans);
        Assert.Equal(0, unscored.Jurors);
    }

    [Theory]
    [InlineData(0, 5, RankBand.TopQuarter)]
    [InlineData(1, 5, RankBand.TopQuarter)]
    [InlineData(2, 5, RankBand.SecondQuarter)]
    [InlineData(3, 5, RankBand.ThirdQuarter)]
    [InlineData(4, 5, RankBand.BottomQuarter)]
    [InlineData(0, 1, RankBand.TopQuarter)]
    [InlineData(49, 80, RankBand.ThirdQuarter)]
    [InlineData(60, 80, RankBand.BottomQuarter)]
    public void The_band_is_the_share_of_ranked_applications_scored_higher(int higher, int ranked, RankBand band) =>
        Assert.Equal(band, RankingRules.BandOf(higher, ranked));
}
