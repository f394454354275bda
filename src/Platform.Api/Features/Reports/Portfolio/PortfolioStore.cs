using Platform.Api.Features.DiscountBudgets;
using Platform.Api.Features.Discounts;
using Platform.Api.Features.RentRevisions;
using Platform.Api.Features.Units;
using Platform.Api.Persistence;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Reports.Portfolio;

/// <summary>
/// Loads what the portfolio report counts, on the owner path or, for a grantee of the owner's reports, on the grantee path:
/// then every statement keeps only the units (and their leases, discounts and rent revisions) on the plinths the grant shares.
/// </summary>
public sealed class PortfolioStore(TenantDb db, GranteeDb grantee, BudgetStore budgets)
{
    const string UnitsSql = $"""
        SELECT u.id AS {nameof(UnitRow.Id)}, u.category AS {nameof(UnitRow.Category)}, u.detail_code AS {nameof(UnitRow.DetailCode)},
               p.neighbourhood_code AS {nameof(UnitRow.NeighbourhoodCode)}, u.area_m2 AS {nameof(UnitRow.AreaM2)},
               u.market_rent_cents_per_year AS {nameof(UnitRow.MarketRentCentsPerYear)}, u.created_at AS {nameof(UnitRow.CreatedAt)},
               u.created_on AS {nameof(UnitRow.CreatedOn)},
               CASE WHEN {UnitStore.ActiveLease} THEN 1 ELSE 0 END AS {nameof(UnitRow.Let)},
               {UnitStore.LastLeaseEnd} AS {nameof(UnitRow.LastLeaseEnd)}
        FROM units u JOIN plinths p ON p.tenant_id = u.tenant_id AND p.id = u.plinth_id
        WHERE u.tenant_id = @TenantId
        """;

    const string GranteeUnitsSql = $"{UnitsSql} AND u.plinth_id {GranteeDb.GrantedPlinths}";

    /// <summary>Lease <c>l</c> of unit <c>u</c> is in force on some day of the year; a condition, so not named <c>…Sql</c>.</summary>
    const string LeaseInYear = "l.start_date <= @YearEnd AND (l.end_date IS NULL OR l.end_date >= @YearStart)";

    const string LeasesSql = $"""
        SELECT l.id AS {nameof(LeaseRow.LeaseId)}, l.unit_id AS {nameof(LeaseRow.UnitId)}, l.start_date AS {nameof(LeaseRow.StartDate)},
               l.end_date AS {nameof(LeaseRow.EndDate)}, l.base_rent_cents_per_month AS {nameof(LeaseRow.AgreedRentCentsPerMonth)}
        FROM leases l
        JOIN units u ON u.tenant_id = l.tenant_id AND u.id = l.unit_id
        WHERE l.tenant_id = @TenantId AND {LeaseInYear}
        """;

    const string GranteeLeasesSql = $"{LeasesSql} AND u.plinth_id {GranteeDb.GrantedPlinths}";

    /// <summary>Discount <c>d</c> is in force on some day of the year; a condition.</summary>
    const string DiscountInYear = "d.start_date <= @YearEnd AND d.end_date >= @YearStart";

    const string DiscountsSql = $"""
        SELECT d.id AS {nameof(DiscountYearRow.DiscountId)}, d.lease_id AS {nameof(DiscountYearRow.LeaseId)},
               d.start_date AS {nameof(DiscountYearRow.StartDate)}, d.end_date AS {nameof(DiscountYearRow.EndDate)}
        FROM discounts d
        JOIN leases l ON l.tenant_id = d.tenant_id AND l.id = d.lease_id
        JOIN units u ON u.tenant_id = l.tenant_id AND u.id = l.unit_id
        WHERE d.tenant_id = @TenantId AND {DiscountInYear} AND {LeaseInYear}
        """;

    const string GranteeDiscountsSql = $"{DiscountsSql} AND u.plinth_id {GranteeDb.GrantedPlinths}";

    const string PeriodsSql = $"""
        SELECT dp.discount_id AS {nameof(PeriodRow.DiscountId)}, dp.start_date AS {nameof(PeriodRow.StartDate)},
               dp.terms_from AS {nameof(PeriodRow.TermsFrom)}, dp.terms AS {nameof(PeriodRow.Terms)}
        FROM discount_periods dp
        JOIN discounts d ON d.tenant_id = dp.tenant_id AND d.id = dp.discount_id
        JOIN leases l ON l.tenant_id = d.tenant_id AND l.id = d.lease_id
        JOIN units u ON u.tenant_id = l.tenant_id AND u.id = l.unit_id
        WHERE dp.tenant_id = @TenantId AND {DiscountInYear} AND {LeaseInYear}
        """;

    const string GranteePeriodsSql = $"{PeriodsSql} AND u.plinth_id {GranteeDb.GrantedPlinths}";

    const string RevisionsSql = $"""
        SELECT r.lease_id AS {nameof(RevisionRow.LeaseId)}, r.effective_from AS {nameof(RevisionRow.EffectiveFrom)},
               r.base_rent_cents_per_month AS {nameof(RevisionRow.BaseRentCentsPerMonth)}
        FROM rent_revisions r
        JOIN leases l ON l.tenant_id = r.tenant_id AND l.id = r.lease_id
        JOIN units u ON u.tenant_id = l.tenant_id AND u.id = l.unit_id
        WHERE r.tenant_id = @TenantId AND r.effective_from <= @YearEnd AND {LeaseInYear}
        """;

    const string GranteeRevisionsSql = $"{RevisionsSql} AND u.plinth_id {GranteeDb.GrantedPlinths}";

    /// <summary>The units, on the report's day, and what each one's leases brought in during the year.</summary>
    public async Task<(IReadOnlyList<PortfolioUnit> Units, ILookup<Guid, LeaseYear> Rents)> LoadAsync(int year, DateOnly asOf, CancellationToken ct)
    {
        var parameters = new { Today = asOf, YearStart = new DateOnly(year, 1, 1), YearEnd = new DateOnly(year, 12, 31) };
        var units = await ListAsync<UnitRow>(UnitsSql, GranteeUnitsSql, parameters, ct);
        var leases = await ListAsync<LeaseRow>(LeasesSql, GranteeLeasesSql, parameters, ct);
        var schedules = await SchedulesAsync(leases, parameters, ct);
        var portfolio = units.Select(u => new PortfolioUnit(u.Id, EnumText<UnitCategory>.Parse(u.Category), u.DetailCode, u.NeighbourhoodCode, u.AreaM2,
            u.MarketRentCentsPerYear, u.Let, UnitVacancy.Since(u.Let, u.LastLeaseEnd, u.CreatedOn, u.CreatedAt))).ToList();
        var rents = leases
            .Select(l => (l.UnitId, Rent: PortfolioArithmetic.RentIn(
                new PortfolioLease(l.UnitId, schedules.BaseRents[l.LeaseId], l.StartDate, l.EndDate, schedules.OfLease(l)), year)))
            .ToLookup(r => r.UnitId, r => r.Rent);
        return (portfolio, rents);
    }

    /// <summary>Each year of every budget line; null for a grantee: the owner's budgets are not tied to plinths, so no grant shares them.</summary>
    public async Task<IReadOnlyList<BudgetYearResponse>?> BudgetsAsync(int year, CancellationToken ct) =>
        grantee.Admitted ? null : await budgets.YearsAsync(line: null, year, ct);

    async Task<Schedules> SchedulesAsync(IReadOnlyList<LeaseRow> leases, object parameters, CancellationToken ct)
    {
        var revisions = (await ListAsync<RevisionRow>(RevisionsSql, GranteeRevisionsSql, parameters, ct)).ToLookup(r => r.LeaseId, r => r.Terms);
        var baseRents = leases.ToDictionary(l => l.LeaseId, l => new BaseRent(l.AgreedRentCentsPerMonth, revisions[l.LeaseId].OrderBy(r => r.EffectiveFrom).ToList()));
        var periods = (await ListAsync<PeriodRow>(PeriodsSql, GranteePeriodsSql, parameters, ct)).ToLookup(p => p.DiscountId, p => p.TermsInForce);
        var discounts = (await ListAsync<DiscountYearRow>(DiscountsSql, GranteeDiscountsSql, parameters, ct)).ToLookup(d => d.LeaseId);
        return new Schedules(baseRents, discounts, periods);
    }

    Task<IReadOnlyList<T>> ListAsync<T>(string ownerSql, string granteeSql, object parameters, CancellationToken ct) =>
        grantee.Admitted
            ? grantee.ListAsync<T>(granteeSql, parameters, ct)
            : db.RunAsync(session => session.ListAsync<T>(ownerSql, parameters, ct), ct);

    sealed record Schedules(IReadOnlyDictionary<Guid, BaseRent> BaseRents, ILookup<Guid, DiscountYearRow> Discounts, ILookup<Guid, PeriodTerms> Periods)
    {
        public IReadOnlyList<DiscountSchedule> OfLease(LeaseRow lease) => Discounts[lease.LeaseId]
            .Select(d => new DiscountSchedule(BaseRents[lease.LeaseId], lease.StartDate, lease.EndDate, d.StartDate, d.EndDate, Periods[d.DiscountId].ToList()))
            .ToList();
    }

    sealed class UnitRow
    {
        public Guid Id { get; init; }
        public required string Category { get; init; }
        public required string DetailCode { get; init; }
        public required string NeighbourhoodCode { get; init; }
        public decimal AreaM2 { get; init; }
        public long? MarketRentCentsPerYear { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateOnly? CreatedOn { get; init; }
        public bool Let { get; init; }
        public DateOnly? LastLeaseEnd { get; init; }
    }

    sealed class LeaseRow
    {
        public Guid LeaseId { get; init; }
        public Guid UnitId { get; init; }
        public DateOnly StartDate { get; init; }
        public DateOnly? EndDate { get; init; }
        public long AgreedRentCentsPerMonth { get; init; }
    }

    sealed class DiscountYearRow
    {
        public Guid DiscountId { get; init; }
        public Guid LeaseId { get; init; }
        public DateOnly StartDate { get; init; }
        public DateOnly EndDate { get; init; }
    }

    sealed class RevisionRow
    {
        public Guid LeaseId { get; init; }
        public DateOnly EffectiveFrom { get; init; }
        public long BaseRentCentsPerMonth { get; init; }

        public RentRevisionTerms Terms => new(EffectiveFrom, BaseRentCentsPerMonth);
    }
}
