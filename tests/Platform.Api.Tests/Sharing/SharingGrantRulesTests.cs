using Platform.Api.Features.Sharing;

namespace Platform.Api.Tests.Sharing;

public sealed class SharingGrantRulesTests
{
    static readonly GrantTerm Year2026 = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), Revoked: false);

    [Theory]
    [InlineData("2025-12-31", SharingGrantStatus.Upcoming)]
    [InlineData("2026-01-01", SharingGrantStatus.Active)]
    [InlineData("2026-12-31", SharingGrantStatus.Active)]
    [InlineData("2027-01-01", SharingGrantStatus.Expired)]
    public void A_grant_is_active_from_its_first_through_its_last_day(string today, SharingGrantStatus expected) =>
        Assert.Equal(expected, SharingGrantRules.StatusOn(Year2026, DateOnly.Parse(today)));

    [Fact]
    public void A_revoked_grant_is_revoked_whatever_the_day_and_one_without_an_end_never_expires()
    {
        Assert.Equal(SharingGrantStatus.Revoked, SharingGrantRules.StatusOn(Year2026 with { Revoked = true }, new DateOnly(2025, 6, 1)));
        Assert.Equal(SharingGrantStatus.Active, SharingGrantRules.StatusOn(Year2026 with { ValidUntil = null }, new DateOnly(2199, 12, 31)));
    }

    [Fact]
    public void Grants_overlap_when_their_terms_meet_and_they_share_a_kind_while_the_first_is_neither_revoked_nor_expired()
    {
        var today = new DateOnly(2026, 6, 1);
        SharedResource[] plinths = [SharedResource.Plinths];
        var from2027 = new GrantTerm(new DateOnly(2027, 1, 1), null, false);
        var lastDay = new GrantTerm(new DateOnly(2026, 12, 31), null, false);

        Assert.True(SharingGrantRules.Overlaps(Year2026, plinths, lastDay, [SharedResource.Units, SharedResource.Plinths], today));
        Assert.False(SharingGrantRules.Overlaps(Year2026, plinths, lastDay, [SharedResource.Units], today));
        Assert.False(SharingGrantRules.Overlaps(Year2026, plinths, from2027, plinths, today));
        Assert.False(SharingGrantRules.Overlaps(Year2026 with { Revoked = true }, plinths, lastDay, plinths, today));
        Assert.False(SharingGrantRules.Overlaps(Year2026, plinths, lastDay, plinths, new DateOnly(2027, 1, 1)));
        Assert.True(SharingGrantRules.Overlaps(from2027, plinths, Year2026 with { ValidUntil = null }, plinths, today));
    }

    [Fact]
    public void The_first_plinth_id_the_owner_lacks_is_found_by_its_index()
    {
        Guid herderplein = Guid.NewGuid(), vleuten = Guid.NewGuid(), other = Guid.NewGuid();
        HashSet<Guid> owned = [herderplein, vleuten];

        Assert.Null(SharingGrantRules.FirstUnknownPlinth([vleuten, herderplein], owned));
        Assert.Equal(1, SharingGrantRules.FirstUnknownPlinth([herderplein, other, other], owned));
        Assert.Equal(0, SharingGrantRules.FirstUnknownPlinth([other], new HashSet<Guid>()));
    }
}
