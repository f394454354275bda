using Platform.Api.Features.Developments;
using Platform.Api.Features.Norms;
using Platform.Api.Features.Reports.Norms;

namespace Platform.Api.Tests.Reports;

/// <summary>Which norms apply where, and what a neighbourhood adds up to, by hand.</summary>
public sealed class NormsReportRulesTests
{
    const string Merwedekanaal = "BU03440101";
    const string Leidsche = "BU03440202";

    static readonly NormInForce PerDwelling = new(Guid.NewGuid(), NormKind.M2WorkSpacePerAddedDwelling, 5m, []);
    static readonly NormInForce DelftInLeidsche = new(Guid.NewGuid(), NormKind.WorkShareOfProgrammePercent, 10m, [Leidsche]);
    static readonly NormInForce Mix = new(Guid.NewGuid(), NormKind.NonResidentialFunctionSharePercent, 33.33m, []);

    static DevelopmentFigures Figures(int dwellings, int housingM2, int workM2) =>
        DevelopmentFigures.From(dwellings, 0, [new(ProgrammeFunction.Housing, housingM2, 0), new(ProgrammeFunction.Work, workM2, 0)]);

    [Fact]
    public void A_norm_for_the_whole_municipality_applies_everywhere_one_for_some_neighbourhoods_only_there()
    {
        Assert.True(PerDwelling.AppliesIn([Merwedekanaal]));
        Assert.True(DelftInLeidsche.AppliesIn([Merwedekanaal, Leidsche]));
        Assert.False(DelftInLeidsche.AppliesIn([Merwedekanaal]));
    }

    [Fact]
    public void A_development_is_checked_on_the_norms_that_apply_to_it_but_not_on_the_function_mix_and_not_at_all_without_a_programme()
    {
        var veemarkt = new ReportedDevelopment(Guid.NewGuid(), [Merwedekanaal], Figures(38, 2_000, 189));

        var checks = NormsReportRules.ForDevelopment([PerDwelling, DelftInLeidsche, Mix], veemarkt);

        Assert.Equal([new NormOutcome(PerDwelling, new NormCheck(190, 189, false, 1))], checks);
        Assert.Empty(NormsReportRules.ForDevelopment([PerDwelling], veemarkt with { Figures = null }));
    }

    [Fact]
    public void A_neighbourhood_adds_up_its_programmed_developments_one_in_two_neighbourhoods_counts_in_both()
    {
        var across = new ReportedDevelopment(Guid.NewGuid(), [Merwedekanaal, Leidsche], Figures(10, 1_000, 100));
        var inMerwede = new ReportedDevelopment(Guid.NewGuid(), [Merwedekanaal], Figures(20, 2_000, 300));
        var unprogrammed = new ReportedDevelopment(Guid.NewGuid(), [Merwedekanaal], null);

        var neighbourhoods = NormsReportRules.Neighbourhoods([across, inMerwede, unprogrammed], new Dictionary<string, long> { ["BU03440303"] = 4 });

        Assert.Equal([Merwedekanaal, Leidsche, "BU03440303"], neighbourhoods.Select(n => n.NeighbourhoodCode));
        Assert.Equal((2, 30L, 3_400L, 400L, 0L), (neighbourhoods[0].Developments, neighbourhoods[0].Programme.DwellingsAdded, neighbourhoods[0].Programme.ProgrammeM2,
            neighbourhoods[0].Programme.WorkSpaceM2, neighbourhoods[0].NonResidentialUnits));
        Assert.Equal((1, 10L, 100L), (neighbourhoods[1].Developments, neighbourhoods[1].Programme.DwellingsAdded, neighbourhoods[1].Programme.WorkSpaceM2));
        Assert.Equal((0, 4L, 4L), (neighbourhoods[2].Developments, neighbourhoods[2].NonResidentialUnits, neighbourhoods[2].Functions));
    }

    [Theory]
    [InlineData(100, 200, true)]
    [InlineData(99, 201, false)]
    public void The_function_mix_counts_units_over_units_and_added_dwellings(long units, int dwellings, bool met)
    {
        var lombok = new NeighbourhoodFigures(Merwedekanaal, 1, Figures(dwellings, 10_000, 0), units);

        var check = Assert.Single(NormsReportRules.ForNeighbourhood([Mix, DelftInLeidsche], lombok));

        Assert.Equal((Mix, 100L, units, met), (check.Norm, check.Check.Required, check.Check.Actual, check.Check.Met));
    }
}
