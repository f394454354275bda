using Platform.Api.Features.Tenders;

namespace Platform.Api.Tests.Tenders;

public sealed class TenderRulesTests
{
    static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    static TenderState Draft(int[]? weights = null, DateTimeOffset? closesAt = null, params TenderUnit[] units) =>
        new(TenderStatus.Draft, weights ?? [25, 25, 25, 25], closesAt ?? Now.AddDays(30), units.Length > 0 ? units : [new TenderUnit(Guid.NewGuid(), Vacant: true)])
        {
            Jury = new JuryPanel(Residents: 1, Professionals: 1),
        };

    [Fact]
    public void A_draft_with_weights_of_100_vacant_units_and_a_future_closing_is_published()
    {
        var decision = TenderRules.Decide(TenderTransition.Publish, Draft(), Now);

        Assert.True(decision.Allowed);
        Assert.Equal(TenderStatus.Published, decision.NextStatus);
    }

    [Theory]
    [InlineData(new[] { 25, 25, 25 })]
    [InlineData(new[] { 50, 30, 30 })]
    public void Weights_that_do_not_sum_to_100_refuse_publication(int[] weights)
    {
        var decision = TenderRules.Decide(TenderTransition.Publish, Draft(weights), Now);

        Assert.Equal(TenderRules.WeightsNotComplete, decision.ConflictKind);
        Assert.Contains(weights.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), decision.Refusal);
    }

    [Fact]
    public void A_unit_that_is_not_vacant_refuses_publication_and_is_named()
    {
        var taken = Guid.NewGuid();

        var decision = TenderRules.Decide(TenderTransition.Publish, Draft(units: [new TenderUnit(taken, false)]), Now);

        Assert.Equal(TenderRules.UnitsNotVacant, decision.ConflictKind);
        Assert.Contains(taken.ToString(), decision.Refusal);
    }

    [Fact]
    public void A_draft_stored_with_two_units_is_not_published_because_a_tender_lets_one()
    {
        var decision = TenderRules.Decide(TenderTransition.Publish, Draft(units: [new TenderUnit(Guid.NewGuid(), true), new TenderUnit(Guid.NewGuid(), true)]), Now);

        Assert.False(decision.Allowed);
        Assert.Equal(TenderRules.SeveralUnits, decision.ConflictKind);
        Assert.Contains("2 units", decision.Refusal);
    }

    [Fact]
    public void A_closing_time_that_has_passed_refuses_publication()
    {
        Assert.Equal(TenderRules.ClosesInThePast, TenderRules.Decide(TenderTransition.Publish, Draft(closesAt: Now), Now).ConflictKind);
        Assert.True(TenderRules.Decide(TenderTransition.Publish, Draft(closesAt: Now.AddSeconds(1)), Now).Allowed);
    }

    [Fact]
    public void A_published_tender_is_open_from_its_opening_time()
    {
        Assert.Equal(TenderStatus.Published, TenderRules.StatusAt(TenderStatus.Published, Now.AddTicks(1), Now));
        Assert.Equal(TenderStatus.Open, TenderRules.StatusAt(TenderStatus.Published, Now, Now));
        Assert.Equal(TenderStatus.Closed, TenderRules.StatusAt(TenderStatus.Closed, Now.AddDays(-1), Now));
    }

    [Theory]
    [InlineData(TenderStatus.Draft, "Publish Cancel")]
    [InlineData(TenderStatus.Published, "Cancel")]
    [InlineData(TenderStatus.Open, "Close Cancel")]
    [InlineData(TenderStatus.Closed, "Shortlist Cancel")]
    [InlineData(TenderStatus.Shortlisted, "StartPitching Cancel")]
    [InlineData(TenderStatus.Pitching, "Award Cancel")]
    [InlineData(TenderStatus.Awarded, "")]
    [InlineData(TenderStatus.Cancelled, "")]
    public void Each_status_allows_its_transitions_and_refuses_the_others_naming_it(TenderStatus status, string allowed)
    {
        var tender = Draft() with { Status = status };

        foreach (var transition in Enum.GetValues<TenderTransition>())
        {
            var decision = TenderRules.Decide(transition, tender, Now);
            Assert.Equal(allowed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(transition.ToString()), decision.Allowed);
            if (!decision.Allowed)
                Assert.Equal(TenderRules.TransitionNotAllowed, decision.ConflictKind);
        }

        Assert.Equal(allowed, string.Join(' ', TenderRules.AllowedFrom(status)));
        Assert.Equal(status == TenderStatus.Draft, TenderRules.Editable(status));
    }

    [Theory]
    [InlineData(TenderTransition.Close, TenderStatus.Open, TenderStatus.Closed)]
    [InlineData(TenderTransition.Shortlist, TenderStatus.Closed, TenderStatus.Shortlisted)]
    [InlineData(TenderTransition.StartPitching, TenderStatus.Shortlisted, TenderStatus.Pitching)]
    [InlineData(TenderTransition.Cancel, TenderStatus.Published, TenderStatus.Cancelled)]
    [InlineData(TenderTransition.Award, TenderStatus.Pitching, TenderStatus.Awarded)]
    [InlineData(TenderTransition.Cancel, TenderStatus.Pitching, TenderStatus.Cancelled)]
    public void An_allowed_transition_moves_to_its_status(TenderTransition transition, TenderStatus from, TenderStatus to) =>
        Assert.Equal(to, TenderRules.Decide(transition, Draft() with { Status = from }, Now).NextStatus);

    static readonly PitchNight Evening = new() { StartsAt = new DateTimeOffset(2027, 2, 18, 19, 0, 0, TimeSpan.FromHours(1)), Location = "Buurthuis De Kade", MinutesPerPitch = 12 };

    [Fact]
    public void Each_shortlisted_applicant_pitches_in_shortlist_order_for_minutesPerPitch_from_the_start_of_the_evening()
    {
        var (first, second, third) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        var slots = TenderRules.PitchSlots(Evening, [new ShortlistPlace(third, 3), new ShortlistPlace(first, 1), new ShortlistPlace(second, 2)]);

        Assert.Equal([first, second, third], slots.Select(s => s.ApplicationId));
        Assert.Equal([1, 2, 3], slots.Select(s => s.Number));
        var start = new DateTimeOffset(2027, 2, 18, 18, 0, 0, TimeSpan.Zero);
        Assert.Equal([start, start.AddMinutes(12), start.AddMinutes(24)], slots.Select(s => s.StartsAt));
        Assert.Equal(start.AddMinutes(36), slots[2].EndsAt);
        Assert.Equal(TimeSpan.Zero, slots[0].StartsAt.Offset);
    }

    [Fact]
    public void Without_a_pitch_night_there_are_no_slots() =>
        Assert.Empty(TenderRules.PitchSlots(null, [new ShortlistPlace(Guid.NewGuid(), 1)]));

    [Theory]
    [InlineData(-49 * 60, false)]
    [InlineData(-48 * 60, true)]
    [InlineData(-1, true)]
    [InlineData(0, false)]
    public void The_pitch_night_is_announced_from_two_days_before_it_starts_until_it_starts(int minutesFromStart, bool upcoming) =>
        Assert.Equal(upcoming, TenderRules.PitchNightUpcoming(Evening, Evening.StartsAt.AddMinutes(minutesFromStart)));

    [Theory]
    [InlineData(TenderStatus.Published, -1, false, true)]
    [InlineData(TenderStatus.Published, 0, true, false)]
    [InlineData(TenderStatus.Published, -3 * 24 * 60, false, true)]
    [InlineData(TenderStatus.Published, -3 * 24 * 60 - 1, false, false)]
    [InlineData(TenderStatus.Closed, 0, false, false)]
    [InlineData(TenderStatus.Cancelled, -60, false, false)]
    public void The_scan_closes_a_published_tender_at_closesAt_and_reminds_three_days_before(TenderStatus stored, int minutesFromClosing, bool closes, bool soon)
    {
        var closesAt = Now.AddDays(10);
        var at = closesAt.AddMinutes(minutesFromClosing);

        Assert.Equal(closes, TenderRules.ClosesNow(stored, closesAt, at));
        Assert.Equal(soon, TenderRules.ClosingSoon(stored, closesAt, at));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(4, 0)]
    [InlineData(0, 3)]
    public void The_pitching_starts_only_with_a_resident_and_a_professional_juror(int residents, int professionals)
    {
        var shortlisted = Draft() with { Status = TenderStatus.Shortlisted, Jury = new JuryPanel(residents, professionals) };

        var decision = TenderRules.Decide(TenderTransition.StartPitching, shortlisted, Now);

        Assert.Equal(TenderRules.JuryIncomplete, decision.ConflictKind);
        Assert.Contains($"{residents} active resident(s) and {professionals} active professional(s)", decision.Refusal);
    }

    [Fact]
    public void One_resident_and_one_professional_are_enough_to_start_the_pitching() =>
        Assert.Equal(TenderStatus.Pitching, TenderRules.Decide(TenderTransition.StartPitching,
            Draft() with { Status = TenderStatus.Shortlisted, Jury = new JuryPanel(1, 1) }, Now).NextStatus);

    [Theory]
    [InlineData(TenderStatus.Draft, true)]
    [InlineData(TenderStatus.Shortlisted, true)]
    [InlineData(TenderStatus.Pitching, true)]
    [InlineData(TenderStatus.Awarded, false)]
    [InlineData(TenderStatus.Cancelled, false)]
    public void A_jury_sits_until_the_tender_is_awarded_or_cancelled(TenderStatus status, bool sits) =>
        Assert.Equal(sits, TenderRules.JuryMaySit(status));
}
