using Platform.Api.Features.Jury;
using Platform.Api.Features.Tenders;

namespace Platform.Api.Tests.Tenders;

/// <summary>When a juror declares a conflict or scores, and what a complete score sheet is (pure rules, no server).</summary>
public sealed class JuryRulesTests
{
    static readonly string[] Atelier = ["open_function", "storefront", "affordable", "feasibility"];

    [Fact]
    public void A_sheet_with_every_criterion_once_in_any_order_is_complete() =>
        Assert.Null(JuryRules.CheckSheet(Atelier, ["feasibility", "open_function", "affordable", "storefront"]));

    [Fact]
    public void A_missing_criterion_is_refused_on_the_list_naming_it() =>
        Assert.Equal(new ScoreSheetRefusal("scores", "Every criterion is scored; no score for affordable, feasibility."),
            JuryRules.CheckSheet(Atelier, ["open_function", "storefront"]));

    [Fact]
    public void A_key_that_is_no_criterion_is_refused_at_its_index()
    {
        var refusal = JuryRules.CheckSheet(Atelier, ["open_function", "storefront", "location", "affordable", "feasibility"]);

        Assert.Equal("scores[2].criterionKey", refusal!.Field);
        Assert.Contains("'location' is no criterion", refusal.Reason);
    }

    [Fact]
    public void A_repeated_criterion_is_refused_at_its_second_index()
    {
        var refusal = JuryRules.CheckSheet(Atelier, ["open_function", "storefront", "affordable", "storefront"]);

        Assert.Equal("scores[3].criterionKey", refusal!.Field);
        Assert.Contains("scored twice", refusal.Reason);
    }

    [Fact]
    public void Criterion_keys_are_compared_exactly() =>
        Assert.Equal("scores[0].criterionKey", JuryRules.CheckSheet(Atelier, ["Open_function", "storefront", "affordable", "feasibility"])!.Field);

    [Theory]
    [InlineData(TenderStatus.Draft, false, false)]
    [InlineData(TenderStatus.Open, false, false)]
    [InlineData(TenderStatus.Closed, false, false)]
    [InlineData(TenderStatus.Shortlisted, true, false)]
    [InlineData(TenderStatus.Pitching, true, true)]
    [InlineData(TenderStatus.Cancelled, false, false)]
    public void Conflicts_are_declared_from_the_shortlist_and_scores_given_while_pitching(TenderStatus status, bool declares, bool scores)
    {
        Assert.Equal(declares, JuryRules.MayDeclareConflict(status));
        Assert.Equal(scores, JuryRules.MayScore(status));
    }
}
