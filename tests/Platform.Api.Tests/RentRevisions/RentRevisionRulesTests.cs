using System.Globalization;
using Platform.Api.Concurrency;
using Platform.Api.Features.Discounts;
using Platform.Api.Features.RentRevisions;

namespace Platform.Api.Tests.RentRevisions;

/// <summary>The base rent month by month, and when a revision may be made: the Herderplein atelier let from 1 January 2026 at EUR 1,000.</summary>
public sealed class RentRevisionRulesTests
{
    static readonly DateOnly January2026 = new(2026, 1, 1);
    static readonly LeaseTerms Lease = new(Guid.NewGuid(), new BaseRent(100_000, []), January2026, new DateOnly(2027, 12, 31), new UnitRents(85, 12_000_00, 12_000_00, true));

    static DateOnly Day(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    static CreateRentRevisionRequest Indexation(DateOnly from, long cents = 103_000) =>
        new() { EffectiveFrom = from, BaseRentCentsPerMonth = cents, Reason = RentRevisionReason.Indexation };

    [Fact]
    public void The_agreed_rent_holds_until_the_first_revision_and_each_revision_from_its_month_on()
    {
        var rent = new BaseRent(100_000, [new RentRevisionTerms(new DateOnly(2027, 1, 1), 103_000), new RentRevisionTerms(new DateOnly(2026, 7, 1), 101_500)]);

        Assert.Equal(100_000, rent.On(January2026));
        Assert.Equal(100_000, rent.On(new DateOnly(2026, 6, 30)));
        Assert.Equal(101_500, rent.On(new DateOnly(2026, 7, 1)));
        Assert.Equal(101_500, rent.On(new DateOnly(2026, 12, 31)));
        Assert.Equal(103_000, rent.On(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void A_revision_from_1_March_leaves_29_February_at_the_old_rent()
    {
        var rent = new BaseRent(100_000, [new RentRevisionTerms(new DateOnly(2028, 3, 1), 103_000)]);

        Assert.Equal(100_000, rent.On(new DateOnly(2028, 2, 29)));
        Assert.Equal(103_000, rent.On(new DateOnly(2028, 3, 1)));
    }

    [Fact]
    public void A_percentage_discount_follows_the_base_rent_in_force_each_month()
    {
        var july = new DateOnly(2026, 7, 1);
        var schedule = new DiscountSchedule(new BaseRent(100_000, [new RentRevisionTerms(july, 103_000)]), January2026, null, January2026,
            new DateOnly(2026, 12, 31), [new PeriodTerms(January2026, new DiscountTerms(DiscountKind.Percentage, 25, null, null))]);

        Assert.Equal(25_000, schedule.DiscountOn(new DateOnly(2026, 6, 1)));
        Assert.Equal(25_750, schedule.DiscountOn(july));
        Assert.Equal(6 * 25_000 + 6 * 25_750, schedule.ByYear()[2026]);
    }

    [Theory]
    [InlineData("2026-07-01", "2026-06-30")]
    [InlineData("2026-07-01", "2026-07-01")]
    [InlineData("2026-08-01", "2026-07-31")]
    public void A_revision_may_start_in_the_current_month_or_later(string from, string today)
    {
        var outcome = RentRevisionRules.Check(Lease, [], Indexation(Day(from)), Day(today));

        Assert.Equal(WriteStatus.Done, outcome.Status);
        Assert.Equal(new RentRevisionTerms(Day(from), 103_000), outcome.Value);
    }

    [Theory]
    [InlineData("2026-06-01", "2026-07-01")]
    [InlineData("2026-01-01", "2026-07-15")]
    public void A_revision_never_starts_in_a_month_before_today(string from, string today)
    {
        var outcome = RentRevisionRules.Check(Lease, [], Indexation(Day(from)), Day(today));

        Assert.Equal((WriteStatus.Invalid, "effectiveFrom"), (outcome.Status, outcome.ConflictKind));
    }

    [Fact]
    public void A_revision_lies_after_the_lease_start_and_within_its_term()
    {
        var atStart = RentRevisionRules.Check(Lease, [], Indexation(January2026), new DateOnly(2025, 12, 1));
        var afterEnd = RentRevisionRules.Check(Lease, [], Indexation(new DateOnly(2028, 1, 1)), new DateOnly(2026, 7, 1));

        Assert.Equal((WriteStatus.Invalid, "effectiveFrom"), (atStart.Status, atStart.ConflictKind));
        Assert.Equal((WriteStatus.Invalid, "effectiveFrom"), (afterEnd.Status, afterEnd.ConflictKind));
    }

    [Fact]
    public void A_month_has_one_revision()
    {
        var july = new DateOnly(2026, 7, 1);

        var outcome = RentRevisionRules.Check(Lease, [new RentRevisionTerms(july, 101_500)], Indexation(july), new DateOnly(2026, 6, 10));

        Assert.Equal((WriteStatus.Conflict, "rent-revision-exists"), (outcome.Status, outcome.ConflictKind));
    }
}
