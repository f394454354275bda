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
}
