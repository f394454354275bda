using Platform.Api.Features.DiscountBudgets;
using Platform.Api.Features.Discounts;
using Platform.Api.Features.RentRevisions;
using Platform.Api.Features.Reports.Portfolio;
using Platform.Api.Features.Units;
using Platform.Api.Persistence;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Reports;

/// <summary>A lease in force on some day of the report's year, with its base rent month by month and its discounts in the year.</summary>
public sealed record ReportLease(Guid LeaseId, Guid UnitId, DateOnly Start, DateOnly? End, BaseRent BaseRent, IReadOnlyList<ReportDiscount> Discounts);

/// <summary>A discount in force on some day of the year: what it costs on any day, its budget line and its evaluation periods (oldest first).</summary>
public sealed record ReportDiscount(Guid DiscountId, string? BudgetLine, DiscountSchedule Schedule, IReadOnlyList<PeriodRow> Periods);

/// <summary>
/// Loads what the reports count, on the owner path or, for a grantee of the owner's reports, on the grantee path: then every
/// statement keeps only the units (and their leases, discounts, periods, counter-performances, evaluations and rent revisions)
/// on the plinths the grant shares. Each statement reads a whole year of the tenant at once, never one query per row; the
/// owner's statements join no table only the grantee's filter needs (a join to units per lease cost 100 ms in 10,000 leases).
/// </summary>
public sealed class ReportStore(TenantDb db, GranteeDb grantee)
{
    const string UnitsSql = $"""
        SELECT u.id AS {nameof(UnitYearRow.Id)}, u.category AS {nameof(UnitYearRow.Category)}, u.detail_code AS {nameof(UnitYearRow.DetailCode)},
               p.neighbourhood_code AS {nameof(UnitYearRow.NeighbourhoodCode)}, u.area_m2 AS {nameof(UnitYearRow.AreaM2)},
               u.market_rent_cents_per_year AS {nameof(UnitYearRow.MarketRentCentsPerYear)}, u.created_at AS {nameof(UnitYearRow.CreatedAt)},
               u.created_on AS {nameof(UnitYearRow.CreatedOn)}
        FROM units u JOIN plinths p ON p.tenant_id = u.tenant_id AND p.id = u.plinth_id
        WHERE u.tenant_id = @TenantId AND p.tenant_id = @TenantId
        """;

    const string GranteeUnitsSql = $"{UnitsSql} AND u.plinth_id {GranteeDb.GrantedPlinths}";

    /// <summary>
    /// Per unit with leases: whether one is active on <c>@Today</c> and the last day of the latest that ended before it (where
    /// the vacancy starts), read from ix_leases_unit alone; without its GROUP BY, so not named <c>…Sql</c>. Joined to the
    /// units in memory: as a derived table joined in SQL, SQLite built a temporary index over it on every call (106 ms,
    /// against 42 ms for both statements apart, in 10,000 units).
    /// </summary>
    const string LeaseSummaries = $"""
        SELECT l.unit_id AS {nameof(LeaseSummaryRow.UnitId)}, MAX(CASE WHEN {DatedTerm.ActiveCondition} THEN 1 ELSE 0 END) AS {nameof(LeaseSummaryRow.Active)},
               MAX(CASE WHEN l.end_date < @Today THEN l.end_date END) AS {nameof(LeaseSummaryRow.LastEnd)}
        FROM leases l
        WHERE l.tenant_id = @TenantId
        """;

    const string LeaseSummariesSql = $"{LeaseSummaries} GROUP BY l.unit_id";

    const string GranteeLeaseSummariesSql = $"{LeaseSummaries} AND l.unit_id {OnGrantedPlinths} GROUP BY l.unit_id";

    /// <summary>Lease <c>l</c> is in force on some day of the year; a condition, so not named <c>…Sql</c>.</summary>
    const string LeaseInYear = "l.start_date <= @YearEnd AND (l.end_date IS NULL OR l.end_date >= @YearStart)";

    /// <summary>Follows a unit id column (a lease's <c>l.unit_id</c>): the owner's units on the plinths the grant shares; a fragment.</summary>
    const string OnGrantedPlinths = $"IN (SELECT gu.id FROM units gu WHERE gu.tenant_id = @TenantId AND gu.plinth_id {GranteeDb.GrantedPlinths})";

    const string LeasesSql = $"""
        SELECT l.id AS {nameof(LeaseRow.LeaseId)}, l.unit_id AS {nameof(LeaseRow.UnitId)}, l.start_date AS {nameof(LeaseRow.StartDate)},
               l.end_date AS {nameof(LeaseRow.EndDate)}, l.base_rent_cents_per_month AS {nameof(LeaseRow.AgreedRentCentsPerMonth)}
        FROM leases l
        WHERE l.tenant_id = @TenantId AND {LeaseInYear}
        """;

    const string GranteeLeasesSql = $"{LeasesSql} AND l.unit_id {OnGrantedPlinths}";

    /// <summary>Discount <c>d</c>'s term has a day in the year; a condition.</summary>
    const string DiscountTermInYear = "d.start_date <= @YearEnd AND d.end_date >= @YearStart";

    /// <summary>Discount <c>d</c> (of a lease <c>l</c> in the year) is in force on some day of the year; a condition.</summary>
    const string DiscountInYear = $"{DiscountTermInYear} AND {LeaseInYear}";

    /// <summary>Joins discount <c>d</c> to its lease <c>l</c>; a fragment.</summary>
    const string DiscountOfLease = "JOIN leases l ON l.tenant_id = d.tenant_id AND l.id = d.lease_id";

    /// <summary>
    /// Follows a lease id column (a discount's <c>d.lease_id</c>): the owner's leases of units on the plinths the grant shares; a
    /// fragment.
    /// </summary>
    const string OfLeaseOnGrantedPlinths = $"IN (SELECT gl.id FROM leases gl WHERE gl.tenant_id = @TenantId AND gl.unit_id {OnGrantedPlinths})";

    /// <summary>
    /// The discounts whose term has a day in the year, whatever their lease's: one of a lease not in force in the year belongs
    /// to no lease read, so nothing counts it. Joining each discount to its lease to leave it out cost more than reading it.
    /// </summary>
    const string DiscountsSql = $"""
        SELECT d.id AS {nameof(DiscountYearRow.DiscountId)}, d.lease_id AS {nameof(DiscountYearRow.LeaseId)},
               d.start_date AS {nameof(DiscountYearRow.StartDate)}, d.end_date AS {nameof(DiscountYearRow.EndDate)},
               d.budget_line AS {nameof(DiscountYearRow.BudgetLine)}
        FROM discounts d
        WHERE d.tenant_id = @TenantId AND {DiscountTermInYear}
        """;

    const string GranteeDiscountsSql = $"{DiscountsSql} AND d.lease_id {OfLeaseOnGrantedPlinths}";

    const string PeriodsSql = $"""
        SELECT dp.discount_id AS {nameof(PeriodRow.DiscountId)}, dp.number AS {nameof(PeriodRow.Number)},
               dp.start_date AS {nameof(PeriodRow.StartDate)}, dp.end_date AS {nameof(PeriodRow.EndDate)},
               dp.terms_from AS {nameof(PeriodRow.TermsFrom)}, dp.terms AS {nameof(PeriodRow.Terms)}
        FROM discount_periods dp
        JOIN discounts d ON d.tenant_id = dp.tenant_id AND d.id = dp.discount_id
        WHERE dp.tenant_id = @TenantId AND {DiscountTermInYear}
        """;

    const string GranteePeriodsSql = $"{PeriodsSql} AND d.lease_id {OfLeaseOnGrantedPlinths}";

    const string RevisionsSql = $"""
        SELECT r.lease_id AS {nameof(RevisionRow.LeaseId)}, r.effective_from AS {nameof(RevisionRow.EffectiveFrom)},
               r.base_rent_cents_per_month AS {nameof(RevisionRow.BaseRentCentsPerMonth)}
        FROM rent_revisions r
        JOIN leases l ON l.tenant_id = r.tenant_id AND l.id = r.lease_id
        WHERE r.tenant_id = @TenantId AND r.effective_from <= @YearEnd AND {LeaseInYear}
        """;

    const string GranteeRevisionsSql = $"{RevisionsSql} AND l.unit_id {OnGrantedPlinths}";

    const string CounterPerformancesSql = $"""
        SELECT cp.id AS {nameof(CounterPerformanceRow.Id)}, cp.discount_id AS {nameof(CounterPerformanceRow.DiscountId)},
               cp.period_number AS {nameof(CounterPerformanceRow.PeriodNumber)}, cp.position AS {nameof(CounterPerformanceRow.Position)},
               cp.description AS {nameof(CounterPerformanceRow.Description)}, cp.unit AS {nameof(CounterPerformanceRow.Unit)},
               cp.target AS {nameof(CounterPerformanceRow.Target)}, cp.theme AS {nameof(CounterPerformanceRow.Theme)},
               cp.radius AS {nameof(CounterPerformanceRow.Radius)}
        FROM counter_performances cp
        JOIN discounts d ON d.tenant_id = cp.tenant_id AND d.id = cp.discount_id
        {DiscountOfLease}
        WHERE cp.tenant_id = @TenantId AND {DiscountInYear}
        """;

    const string GranteeCounterPerformancesSql = $"{CounterPerformancesSql} AND l.unit_id {OnGrantedPlinths}";

    const string EvaluationsSql = $"""
        SELECT e.discount_id AS {nameof(EvaluationResultsRow.DiscountId)}, e.period_number AS {nameof(EvaluationResultsRow.PeriodNumber)},
               e.results AS {nameof(EvaluationResultsRow.Results)}
        FROM evaluations e
        JOIN discounts d ON d.tenant_id = e.tenant_id AND d.id = e.discount_id
        {DiscountOfLease}
        WHERE e.tenant_id = @TenantId AND {DiscountInYear}
        """;

    const string GranteeEvaluationsSql = $"{EvaluationsSql} AND l.unit_id {OnGrantedPlinths}";

    /// <summary>Every unit, with whether it is let on <paramref name="asOf"/> and since when it has stood empty if not.</summary>
    public async Task<IReadOnlyList<PortfolioUnit>> UnitsAsync(int year, DateOnly asOf, CancellationToken ct)
    {
        var parameters = Parameters(year, asOf);
        var leases = (await ListAsync<LeaseSummaryRow>(LeaseSummariesSql, GranteeLeaseSummariesSql, parameters, ct)).ToDictionary(l => l.UnitId);
        return (await ListAsync<UnitYearRow>(UnitsSql, GranteeUnitsSql, parameters, ct)).Select(u =>
        {
            var summary = leases.GetValueOrDefault(u.Id);
            var let = summary?.Active == true;
            return new PortfolioUnit(u.Id, EnumText<UnitCategory>.Parse(u.Category), u.DetailCode, u.NeighbourhoodCode, u.AreaM2,
                u.MarketRentCentsPerYear, let, UnitVacancy.Since(let, summary?.LastEnd, u.CreatedOn, u.CreatedAt));
        }).ToList();
    }

    /// <summary>The leases in force in the year, with their base rents and the discounts in force in the year.</summary>
    public async Task<IReadOnlyList<ReportLease>> LeasesAsync(int year, CancellationToken ct)
    {
        var parameters = Parameters(year, asOf: null);
        var leases = await ListAsync<LeaseRow>(LeasesSql, GranteeLeasesSql, parameters, ct);
        var revisions = (await ListAsync<RevisionRow>(RevisionsSql, GranteeRevisionsSql, parameters, ct)).ToLookup(r => r.LeaseId, r => r.Terms);
        var periods = (await ListAsync<PeriodRow>(PeriodsSql, GranteePeriodsSql, parameters, ct)).ToLookup(p => p.DiscountId);
        var discounts = (await ListAsync<DiscountYearRow>(DiscountsSql, GranteeDiscountsSql, parameters, ct)).ToLookup(d => d.LeaseId);
        return leases.Select(l =>
        {
            var baseRent = new BaseRent(l.AgreedRentCentsPerMonth, revisions[l.LeaseId].OrderBy(r => r.EffectiveFrom).ToList());
            return new ReportLease(l.LeaseId, l.UnitId, l.StartDate, l.EndDate, baseRent, discounts[l.LeaseId].Select(d =>
            {
                var ofDiscount = periods[d.DiscountId].OrderBy(p => p.Number).ToList();
                var terms = ofDiscount.Select(p => new PeriodTerms(p.TermsFrom, p.ParsedTerms)).ToList();
                return new ReportDiscount(d.DiscountId, d.BudgetLine, new DiscountSchedule(baseRent, l.StartDate, l.EndDate, d.StartDate, d.EndDate, terms), ofDiscount);
            }).ToList());
        }).ToList();
    }

    /// <summary>The counter-performances of every period of the discounts in force in the year.</summary>
    public Task<IReadOnlyList<CounterPerformanceRow>> CounterPerformancesAsync(int year, CancellationToken ct) =>
        ListAsync<CounterPerformanceRow>(CounterPerformancesSql, GranteeCounterPerformancesSql, Parameters(year, asOf: null), ct);

    /// <summary>The results recorded in the evaluations of the discounts in force in the year, by discount and period number.</summary>
    public async Task<IReadOnlyDictionary<(Guid DiscountId, int PeriodNumber), IReadOnlyList<CounterPerformanceResult>>> EvaluationResultsAsync(int year, CancellationToken ct) =>
        (await ListAsync<EvaluationResultsRow>(EvaluationsSql, GranteeEvaluationsSql, Parameters(year, asOf: null), ct))
        .ToDictionary(e => (e.DiscountId, e.PeriodNumber), e => EvaluationRow.ParseResults(e.Results));

    /// <summary>The year's budget of every line; null for a grantee: the owner's budgets are not tied to plinths, so no grant shares them.</summary>
    public async Task<IReadOnlyList<BudgetRow>?> BudgetsAsync(int year, CancellationToken ct) => grantee.Admitted
        ? null
        : await db.RunAsync(session => session.ListAsync<BudgetRow>(BudgetStore.OfLineSql, new { Line = (string?)null, Year = (int?)year }, ct), ct);

    static object Parameters(int year, DateOnly? asOf) => new { Today = asOf, YearStart = new DateOnly(year, 1, 1), YearEnd = new DateOnly(year, 12, 31) };

    Task<IReadOnlyList<T>> ListAsync<T>(string ownerSql, string granteeSql, object parameters, CancellationToken ct) =>
        grantee.Admitted
            ? grantee.ListAsync<T>(granteeSql, parameters, ct)
            : db.RunAsync(session => session.ListAsync<T>(ownerSql, parameters, ct), ct);

    sealed class UnitYearRow
    {
        public Guid Id { get; init; }
        public required string Category { get; init; }
        public required string DetailCode { get; init; }
        public required string NeighbourhoodCode { get; init; }
        public decimal AreaM2 { get; init; }
        public long? MarketRentCentsPerYear { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateOnly? CreatedOn { get; init; }
    }

    sealed class LeaseSummaryRow
    {
        public Guid UnitId { get; init; }
        public bool Active { get; init; }
        public DateOnly? LastEnd { get; init; }
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
        public string? BudgetLine { get; init; }
    }

    sealed class RevisionRow
    {
        public Guid LeaseId { get; init; }
        public DateOnly EffectiveFrom { get; init; }
        public long BaseRentCentsPerMonth { get; init; }

        public RentRevisionTerms Terms => new(EffectiveFrom, BaseRentCentsPerMonth);
    }

    sealed class EvaluationResultsRow
    {
        public Guid DiscountId { get; init; }
        public int PeriodNumber { get; init; }
        public required string Results { get; init; }
    }
}
