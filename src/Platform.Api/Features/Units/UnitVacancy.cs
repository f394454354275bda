namespace Platform.Api.Features.Units;

/// <summary>Since when a unit has stood empty, derived from its leases on the day asked, so that a lease ending on its date needs no write.</summary>
public static class UnitVacancy
{
    /// <summary>Not let on the day: the day after its last lease ended, else the day it was created. Let: null.</summary>
    public static DateOnly? Since(bool let, DateOnly? lastLeaseEnd, DateOnly createdOn) =>
        let ? null : lastLeaseEnd?.AddDays(1) ?? createdOn;

    /// <summary>
    /// The same for a stored unit: its creation day in the platform's calendar (created_on, written since migration 0014), or for a
    /// row without one the UTC date of its creation.
    /// </summary>
    public static DateOnly? Since(bool let, DateOnly? lastLeaseEnd, DateOnly? createdOn, DateTimeOffset createdAt) =>
        Since(let, lastLeaseEnd, createdOn ?? DateOnly.FromDateTime(createdAt.UtcDateTime));
}
