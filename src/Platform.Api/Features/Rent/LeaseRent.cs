using Platform.Api.Features.Discounts;

namespace Platform.Api.Features.Rent;

/// <summary>A lease's rent on any day, from its base rent in force that day and its discounts.</summary>
public sealed class LeaseRent(LeaseTerms lease, IReadOnlyList<DiscountDetails> discounts)
{
    readonly IReadOnlyList<(Guid Id, DiscountSchedule Schedule)> _schedules = discounts
        .Select(d => (d.Discount.Id, new DiscountSchedule(lease.BaseRent, lease.StartDate, lease.EndDate, d.Discount.StartDate,
            d.Discount.EndDate, d.Periods.Select(p => p.TermsInForce).ToList())))
        .ToList();

    public bool InForce(DateOnly on) => on >= lease.StartDate && (lease.EndDate is not { } end || on <= end);

    public RentResponse On(DateOnly on)
    {
        var inForce = InForce(on);
        var baseCents = inForce ? lease.BaseRent.On(on) : 0;
        var discount = inForce ? _schedules.FirstOrDefault(s => s.Schedule.InForce(on)) : default;
        var discountCents = discount.Schedule?.DiscountOn(on) ?? 0;
        return new RentResponse
        {
            On = on,
            LeaseInForce = inForce,
            BaseCentsPerMonth = baseCents,
            DiscountCentsPerMonth = discountCents,
            EffectiveCentsPerMonth = baseCents - discountCents,
            DiscountId = discount.Schedule is null ? null : discount.Id,
        };
    }
}
