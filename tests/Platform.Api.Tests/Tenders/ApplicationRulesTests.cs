using Platform.Api.Features.Applications;
using Platform.Api.Features.Tenders;

namespace Platform.Api.Tests.Tenders;

public sealed class ApplicationRulesTests
{
    static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_required_sections_left_out_are_the_missing_ones()
    {
        var given = new ApplicationSections { Motivation = "m", BusinessPlan = "", FinancialPlan = "f" };

        var missing = ApplicationRules.MissingSections([TenderSection.Motivation, TenderSection.BusinessPlan, TenderSection.StorefrontPlan], given);

        Assert.Equal([TenderSection.BusinessPlan, TenderSection.StorefrontPlan], missing);
    }

    [Theory]
    [InlineData(TenderStatus.Open, 1, null)]
    [InlineData(TenderStatus.Open, 0, ApplicationRules.TenderNotOpen)]
    [InlineData(TenderStatus.Published, 10, ApplicationRules.TenderNotOpen)]
    [InlineData(TenderStatus.Closed, 10, ApplicationRules.TenderNotOpen)]
    [InlineData(TenderStatus.Cancelled, 10, ApplicationRules.TenderNotOpen)]
    public void Applications_are_taken_while_open_and_before_closesAt(TenderStatus status, int secondsToClosing, string? refusal) =>
        Assert.Equal(refusal, ApplicationRules.RefuseSubmission(new TenderWindow(status, Now.AddSeconds(secondsToClosing)), Now)?.Kind);

    [Fact]
    public void A_withdrawn_application_changes_no_more_and_is_not_assessed()
    {
        var open = new TenderWindow(TenderStatus.Open, Now.AddDays(1));

        Assert.Null(ApplicationRules.RefuseChange(ApplicationStatus.Eligible, open, Now));
        Assert.Equal(ApplicationRules.Withdrawn, ApplicationRules.RefuseChange(ApplicationStatus.Withdrawn, open, Now)!.Kind);
        Assert.Equal(ApplicationRules.TenderNotOpen, ApplicationRules.RefuseChange(ApplicationStatus.Submitted, open with { ClosesAt = Now }, Now)!.Kind);
        Assert.Equal(ApplicationRules.Withdrawn, ApplicationRules.RefuseAssessment(ApplicationStatus.Withdrawn, TenderStatus.Closed)!.Kind);
        Assert.Equal(ApplicationRules.TenderEnded, ApplicationRules.RefuseAssessment(ApplicationStatus.Submitted, TenderStatus.Cancelled)!.Kind);
        Assert.Null(ApplicationRules.RefuseAssessment(ApplicationStatus.Ineligible, TenderStatus.Open));
    }

    static readonly Guid Kade = Guid.NewGuid(), Werf = Guid.NewGuid(), Bakkerij = Guid.NewGuid(), Laat = Guid.NewGuid(), Weg = Guid.NewGuid();

    static readonly ShortlistCandidate[] Applications =
    [
        new(Kade, ApplicationStatus.Eligible), new(Werf, ApplicationStatus.Eligible), new(Bakkerij, ApplicationStatus.Eligible),
        new(Laat, ApplicationStatus.Submitted), new(Weg, ApplicationStatus.Withdrawn),
    ];

    [Fact]
    public void The_named_eligible_plans_are_shortlisted_in_the_entries_order_and_the_other_eligible_ones_not_selected()
    {
        var decision = ApplicationRules.Shortlist(Applications, [new ShortlistChoice(Werf, "Sterk etalageplan."), new ShortlistChoice(Kade, null)]);

        Assert.Null(decision.Refusal);
        Assert.Equal(
        [
            new ShortlistPlacement(Werf, ApplicationStatus.Shortlisted, "Sterk etalageplan.", 1),
            new ShortlistPlacement(Kade, ApplicationStatus.Shortlisted, null, 2),
            new ShortlistPlacement(Bakkerij, ApplicationStatus.NotSelected, null, null),
        ], decision.Placements);
    }

    [Fact]
    public void An_entry_naming_no_application_of_the_tender_is_refused_on_that_entry()
    {
        var stranger = Guid.NewGuid();

        var decision = ApplicationRules.Shortlist(Applications, [new ShortlistChoice(Kade, null), new ShortlistChoice(stranger, null)]);

        Assert.Equal("entries[1].applicationId", decision.Refusal!.Field);
        Assert.Contains(stranger.ToString(), decision.Refusal.Reason);
        Assert.Empty(decision.Placements);
    }

    [Fact]
    public void An_entry_naming_a_plan_that_is_not_eligible_is_a_conflict_naming_it()
    {
        var decision = ApplicationRules.Shortlist(Applications, [new ShortlistChoice(Kade, null), new ShortlistChoice(Laat, null), new ShortlistChoice(Weg, null)]);

        Assert.Equal(ApplicationRules.NotEligible, decision.Refusal!.Kind);
        Assert.Null(decision.Refusal.Field);
        Assert.Contains($"{Laat} (submitted), {Weg} (withdrawn)", decision.Refusal.Reason);
        Assert.Empty(decision.Placements);
    }

    [Theory]
    [InlineData(TenderStatus.Closed, null)]
    [InlineData(TenderStatus.Shortlisted, ApplicationRules.ShortlistMade)]
    [InlineData(TenderStatus.Cancelled, ApplicationRules.TenderEnded)]
    public void Plans_are_assessed_until_the_shortlist_is_made(TenderStatus tender, string? refusal) =>
        Assert.Equal(refusal, ApplicationRules.RefuseAssessment(ApplicationStatus.Eligible, tender)?.Kind);
}
