using Platform.Api.Features.Units;

namespace Platform.Api.Tests.RealEstate;

/// <summary>DAEB by detail code, the override for the grey zone, and what a change records, without the API.</summary>
public sealed class UnitClassificationTests
{
    static readonly DaebOverrideDecision Commercial = new(false, "Kapsalon in het buurthuis: commerciële dienst.");

    static UnitClassing Mog(string code, DaebOverrideDecision? decision = null) => new(UnitCategory.Mog, code, decision);

    [Theory]
    [InlineData(UnitCategory.Bed, "ATE", false)]
    [InlineData(UnitCategory.Bed, "HOR", false)]
    [InlineData(UnitCategory.Mog, "BUU", true)]
    [InlineData(UnitCategory.Mog, "HOS", true)]
    [InlineData(UnitCategory.Mog, "MWR", false)]
    [InlineData(UnitCategory.Mog, "WWR", false)]
    public void Daeb_follows_the_detail_code(UnitCategory category, string detailCode, bool daeb)
    {
        Assert.Equal(daeb, UnitClassification.IsDaeb(new UnitClassing(category, detailCode, null)));
    }

    [Fact]
    public void A_hospice_is_a_mog_detail_code()
    {
        Assert.True(UnitClassification.Belongs(UnitCategory.Mog, "HOS"));
        Assert.False(UnitClassification.Belongs(UnitCategory.Bed, "HOS"));
    }

    [Fact]
    public void An_override_decides_against_the_detail_code()
    {
        Assert.False(UnitClassification.IsDaeb(Mog("BUU", Commercial)));
        Assert.True(UnitClassification.IsDaeb(Mog("MWR", new DaebOverrideDecision(true, "Wijkgericht."))));
    }

    [Fact]
    public void A_change_that_keeps_category_daeb_and_override_records_nothing()
    {
        Assert.Equal(Reclassification.None, UnitClassification.Reclassify(Mog("BUU"), Mog("DAG"), null));
        Assert.Equal(Reclassification.None, UnitClassification.Reclassify(Mog("BUU", Commercial), Mog("MWR", Commercial), null));
    }

    [Fact]
    public void A_detail_code_that_flips_daeb_needs_a_reason()
    {
        var without = UnitClassification.Reclassify(Mog("BUU"), Mog("MWR"), "  ");
        var with = UnitClassification.Reclassify(Mog("BUU"), Mog("MWR"), " Maatschappelijke werkplaats, niet wijkgericht. ");

        Assert.Equal("A change that makes the unit niet-DAEB needs a reason.", without.Refusal);
        Assert.Equal(Reclassification.Recorded("Maatschappelijke werkplaats, niet wijkgericht."), with);
    }

    [Fact]
    public void A_category_change_needs_a_reason_even_when_an_override_comes_with_it()
    {
        var from = new UnitClassing(UnitCategory.Bed, "ATE", null);

        var refused = UnitClassification.Reclassify(from, Mog("BUU", Commercial), null);

        Assert.Equal("A change of category (BOG ↔ MOG) needs a reason.", refused.Refusal);
    }

    [Fact]
    public void A_new_override_brings_its_own_reason_and_removing_it_needs_one()
    {
        Assert.Equal(Reclassification.Recorded(Commercial.Reason), UnitClassification.Reclassify(Mog("BUU"), Mog("BUU", Commercial), null));
        Assert.Equal("A change that makes the unit DAEB needs a reason.", UnitClassification.Reclassify(Mog("BUU", Commercial), Mog("BUU"), null).Refusal);
        Assert.Equal("Removing the DAEB override needs a reason.",
            UnitClassification.Reclassify(Mog("MWR", Commercial), Mog("MWR"), null).Refusal);
        Assert.Equal(Reclassification.Recorded("De kapper is vertrokken."),
            UnitClassification.Reclassify(Mog("BUU", Commercial), Mog("BUU"), "De kapper is vertrokken."));
    }
}
