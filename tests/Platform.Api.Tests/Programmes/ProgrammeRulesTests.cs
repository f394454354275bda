using Platform.Api.Features.Developments;

namespace Platform.Api.Tests.Programmes;

public sealed class ProgrammeRulesTests
{
    static readonly DateOnly February = new(2026, 2, 1);

    static ProgrammeLineTerms Line(ProgrammeFunction function, int m2, int affordable = 0) => new(function, m2, affordable);

    static readonly IReadOnlyList<ProgrammeLineTerms> Original =
        [Line(ProgrammeFunction.Housing, 16_000), Line(ProgrammeFunction.Work, 2_500, 500), Line(ProgrammeFunction.Facilities, 1_000)];

    [Fact]
    public void The_original_cuts_nothing_and_needs_no_reason()
    {
        Assert.Empty(ProgrammeRules.CutFunctions(null, Original));
        Assert.Null(ProgrammeRules.Refusal(null, null, Original, February, reason: null));
    }

    [Theory]
    [InlineData(2_499, 1_000, "work")]
    [InlineData(2_500, 999, "facilities")]
    [InlineData(0, 0, "work,facilities")]
    public void Fewer_m2_of_work_or_facilities_is_a_cut_that_needs_a_reason(int work, int facilities, string cut)
    {
        IReadOnlyList<ProgrammeLineTerms> next = [Line(ProgrammeFunction.Housing, 16_000), Line(ProgrammeFunction.Work, work), Line(ProgrammeFunction.Facilities, facilities)];

        Assert.Equal(cut.Split(','), ProgrammeRules.CutFunctions(Original, next).Select(f => f.ToString().ToLowerInvariant()));
        Assert.Equal("reason", ProgrammeRules.Refusal(Original, February, next, February, reason: " ")?.Field);
        Assert.Null(ProgrammeRules.Refusal(Original, February, next, February, reason: "Budget cut by the council."));
    }

    [Fact]
    public void A_function_left_out_counts_as_zero_m2()
    {
        IReadOnlyList<ProgrammeLineTerms> withoutFacilities = [Line(ProgrammeFunction.Housing, 16_000), Line(ProgrammeFunction.Work, 2_500)];

        Assert.Equal([ProgrammeFunction.Facilities], ProgrammeRules.CutFunctions(Original, withoutFacilities));
    }

    [Fact]
    public void Less_housing_horeca_or_affordable_space_is_no_cut_of_work_space()
    {
        IReadOnlyList<ProgrammeLineTerms> next =
            [Line(ProgrammeFunction.Housing, 10_000), Line(ProgrammeFunction.Work, 2_500, 0), Line(ProgrammeFunction.Facilities, 1_000)];

        Assert.Empty(ProgrammeRules.CutFunctions(Original, next));
    }

    [Fact]
    public void A_version_decided_before_the_previous_one_is_refused_on_decidedOn()
    {
        var refusal = ProgrammeRules.Refusal(Original, February, Original, February.AddDays(-1), reason: null);

        Assert.Equal("decidedOn", refusal?.Field);
        Assert.Null(ProgrammeRules.Refusal(Original, February, Original, February, reason: null));
    }

    [Fact]
    public void The_diff_compares_every_function_of_either_version_housing_first()
    {
        IReadOnlyList<ProgrammeLineTerms> current =
            [Line(ProgrammeFunction.Work, 1_500, 300), Line(ProgrammeFunction.Housing, 17_000), Line(ProgrammeFunction.Horeca, 200)];

        var diff = ProgrammeRules.Diff(Original, current);

        Assert.Equal([ProgrammeFunction.Housing, ProgrammeFunction.Work, ProgrammeFunction.Facilities, ProgrammeFunction.Horeca], diff.Select(d => d.Function));
        Assert.Equal(1_000, diff[0].ChangeM2);
        Assert.Equal((2_500, 1_500, -1_000, -200), (diff[1].OriginalM2, diff[1].CurrentM2, diff[1].ChangeM2, diff[1].ChangeAffordableM2));
        Assert.Equal((1_000, 0, -1_000), (diff[2].OriginalM2, diff[2].CurrentM2, diff[2].ChangeM2));
        Assert.Equal((0, 200, 200), (diff[3].OriginalM2, diff[3].CurrentM2, diff[3].ChangeM2));
    }
}
