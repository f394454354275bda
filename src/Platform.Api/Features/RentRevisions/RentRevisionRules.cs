using Platform.Api.Concurrency;
using Platform.Api.Features.Discounts;

namespace Platform.Api.Features.RentRevisions;

/// <summary>
/// Whether a rent revision may be made today. It starts on the first of a month (the validator checks that), never
/// in a month before today's, so no month already charged at the old rent changes; within the lease's term, after
/// the month it starts in; one revision per month.
/// </summary>
public static class RentRevisionRules
{
    public static WriteOutcome<RentRevisionTerms> Check(LeaseTerms lease, IReadOnlyList<RentRevisionTerms> existing, CreateRentRevisionRequest request, DateOnly today)
    {
        var effectiveFrom = request.EffectiveFrom;
        var currentMonth = new DateOnly(today.Year, today.Month, 1);
        if (effectiveFrom < currentMonth)
            return WriteOutcome<RentRevisionTerms>.Invalid("effectiveFrom", $"Today is {today:yyyy-MM-dd}; a revision starts in this month or later, never in a month already begun before it.");
        if (effectiveFrom <= lease.StartDate)
            return WriteOutcome<RentRevisionTerms>.Invalid("effectiveFrom", $"The lease starts on {lease.StartDate:yyyy-MM-dd} at the rent agreed; a revision starts in a later month.");
        if (lease.EndDate is { } end && effectiveFrom > end)
            return WriteOutcome<RentRevisionTerms>.Invalid("effectiveFrom", $"The lease ends on {end:yyyy-MM-dd}; a revision starts before that.");
        if (existing.Any(r => r.EffectiveFrom == effectiveFrom))
            return WriteOutcome<RentRevisionTerms>.Conflict("rent-revision-exists", $"The lease already has a rent revision from {effectiveFrom:yyyy-MM-dd}.");
        return WriteOutcome<RentRevisionTerms>.Done(new RentRevisionTerms(effectiveFrom, request.BaseRentCentsPerMonth));
    }
}
