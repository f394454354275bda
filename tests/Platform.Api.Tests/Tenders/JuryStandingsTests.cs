using Platform.Api.Features.Awards;

namespace Platform.Api.Tests.Tenders;

/// <summary>When a shortlisted application's scores are complete: every sitting juror without a conflict scored every criterion.</summary>
public sealed class JuryStandingsTests
{
    static readonly RankingCriterion[] Criteria = [new("storefront", 40), new("feasibility", 60)];

    static readonly Guid Fatima = new("00000000-0000-0000-0000-00000000000f"), Joost = new("00000000-0000-0000-0000-00000000000a"),
        Ria = new("00000000-0000-0000-0000-00000000000b");

    static readonly Guid DeKade = new("00000000-0000-0000-0000-000000000001"), Werkplaats = new("00000000-0000-0000-0000-000000000002");

    static IEnumerable<JurorScore> Scoring(Guid juror, Guid application, int storefront, int feasibility) =>
        [new(juror, application, "storefront", storefront), new(juror, application, "feasibility", feasibility)];

    static ApplicationStanding Of(Guid application, Guid[] sitting, IEnumerable<JurorScore> scores, params JurorConflict[] conflicts) =>
        JuryStandings.Of(Criteria, [DeKade, Werkplaats], sitting, scores, conflicts).Single(s => s.ApplicationId == application);

    [Fact]
    public void Scores_are_complete_when_every_sitting_juror_scored_every_criterion()
    {
        var kade = Of(DeKade, [Fatima, Joost], [.. Scoring(Fatima, DeKade, 8, 6), .. Scoring(Joost, DeKade, 5, 10)]);

        Assert.True(kade.ScoresComplete);
        Assert.Empty(kade.MissingJurors);
        Assert.Equal(2, kade.ScoringJurors);
        Assert.Equal(7.4m, kade.Ranked.WeightedScore);
    }

    [Fact]
    public void A_juror_who_scored_one_criterion_of_two_leaves_the_scores_incomplete_and_does_not_count()
    {
        var kade = Of(DeKade, [Fatima, Joost], [.. Scoring(Fatima, DeKade, 8, 6), new(Joost, DeKade, "storefront", 5)]);

        Assert.False(kade.ScoresComplete);
        Assert.Equal([Joost], kade.MissingJurors);
        Assert.Equal(1, kade.Ranked.Jurors);
        Assert.Equal(6.8m, kade.Ranked.WeightedScore);
    }

    [Fact]
    public void A_conflicted_juror_is_not_waited_for_and_is_counted_as_conflicted()
    {
        var kade = Of(DeKade, [Fatima, Joost, Ria], [.. Scoring(Fatima, DeKade, 8, 6), .. Scoring(Joost, DeKade, 5, 10)],
            new JurorConflict(Ria, DeKade));

        Assert.True(kade.ScoresComplete);
        Assert.Equal(1, kade.ConflictedJurors);
        Assert.Equal(2, kade.ScoringJurors);
    }

    [Fact]
    public void A_revoked_jurors_scores_and_conflicts_no_longer_count()
    {
        // Ria scored De Kade 1 and 1, then was revoked: De Kade is Fatima's and Joost's 7.4; her conflict with De Werkplaats is gone too.
        JurorScore[] scores = [.. Scoring(Fatima, DeKade, 8, 6), .. Scoring(Joost, DeKade, 5, 10), .. Scoring(Ria, DeKade, 1, 1)];

        var kade = Of(DeKade, [Fatima, Joost], scores);
        var werkplaats = Of(Werkplaats, [Fatima, Joost], scores, new JurorConflict(Ria, Werkplaats));

        Assert.Equal(7.4m, kade.Ranked.WeightedScore);
        Assert.Equal(2, kade.Ranked.Jurors);
        Assert.Equal(0, werkplaats.ConflictedJurors);
        Assert.Equal([Fatima, Joost], werkplaats.MissingJurors);
    }

    [Fact]
    public void An_application_every_sitting_juror_is_conflicted_with_cannot_be_complete()
    {
        var werkplaats = Of(Werkplaats, [Fatima], [.. Scoring(Fatima, DeKade, 8, 6)], new JurorConflict(Fatima, Werkplaats));

        Assert.False(werkplaats.ScoresComplete);
        Assert.Empty(werkplaats.MissingJurors);
        Assert.Equal(1, werkplaats.ConflictedJurors);
        Assert.Null(werkplaats.Ranked.Rank);
    }

    [Fact]
    public void A_score_on_a_criterion_the_tender_does_not_have_completes_nothing()
    {
        var kade = Of(DeKade, [Fatima], [new(Fatima, DeKade, "storefront", 8), new(Fatima, DeKade, "parking", 6)]);

        Assert.False(kade.ScoresComplete);
        Assert.Equal([Fatima], kade.MissingJurors);
    }
}
