using Platform.Api.Features.Developments;
using Platform.Api.Features.Norms;

namespace Platform.Api.Tests.Programmes;

/// <summary>The worked examples of issue 18, by hand.</summary>
public sealed class NormRulesTests
{
    [Theory]
    [InlineData(190, true, 0)]
    [InlineData(189, false, 1)]
    public void Thirty_eight_added_dwellings_need_190_m2_at_Amsterdams_5_per_dwelling(long workSpaceM2, bool met, long shortfall) =>
        Assert.Equal(new NormCheck(190, workSpaceM2, met, shortfall), NormRules.PerAddedDwelling(38, 5m, workSpaceM2));

    [Fact]
    public void A_20000_m2_programme_needs_2000_m2_of_work_space_at_Delfts_10_percent()
    {
        Assert.Equal(new NormCheck(2_000, 2_000, true, 0), NormRules.ShareOf(20_000, 10m, 2_000));
        Assert.Equal(new NormCheck(2_000, 1_999, false, 1), NormRules.ShareOf(20_000, 10m, 1_999));
    }

    [Fact]
    public void At_the_proposed_20_percent_100000_m2_need_20000_m2_of_which_a_fifth_of_the_commercial_part_affordable()
    {
        IReadOnlyList<ProgrammeLineTerms> lines =
        [
            new(ProgrammeFunction.Housing, 80_000, 0), new(ProgrammeFunction.Work, 12_000, 3_000),
            new(ProgrammeFunction.Facilities, 3_000, 500), new(ProgrammeFunction.Horeca, 1_000, 0), new(ProgrammeFunction.Social, 4_000, 0),
        ];
        var development = DevelopmentFigures.From(dwellingsAdded: 1_000, workSpaceRemovedM2: 0, lines);

        Assert.Equal((100_000, 20_000, 16_000, 3_500), (development.ProgrammeM2, development.WorkSpaceM2, development.CommercialM2, development.AffordableCommercialM2));
        Assert.Equal(new NormCheck(20_000, 20_000, true, 0), NormRules.ForDevelopment(NormKind.WorkShareOfProgrammePercent, 20m, development));
        Assert.Equal(new NormCheck(3_200, 3_500, true, 0), NormRules.ForDevelopment(NormKind.AffordableShareOfWorkSpacePercent, 20m, development));
        Assert.Equal(new NormCheck(4_000, 3_000, false, 1_000), NormRules.ShareOf(20_000, 20m, 3_000));
    }

    [Theory]
    [InlineData(100, true)]
    [InlineData(99, false)]
    public void A_third_of_300_functions_is_100_non_residential(long nonResidential, bool met)
    {
        var check = NormRules.ShareOf(300, 33.33m, nonResidential);

        Assert.Equal((100, met), (check.Required, check.Met));
    }

    [Fact]
    public void Removing_1200_m2_of_business_space_and_adding_800_fails_no_net_loss_by_400()
    {
        var development = DevelopmentFigures.From(dwellingsAdded: 38, workSpaceRemovedM2: 1_200,
            [new(ProgrammeFunction.Housing, 3_000, 0), new(ProgrammeFunction.Work, 800, 0)]);

        Assert.Equal(new NormCheck(1_200, 800, false, 400), NormRules.ForDevelopment(NormKind.NoNetLoss, 100m, development));
        Assert.Null(NormRules.ForDevelopment(NormKind.NonResidentialFunctionSharePercent, 33.33m, development));
    }
}
