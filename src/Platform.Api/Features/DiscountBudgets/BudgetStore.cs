using Platform.Api.Concurrency;
using Platform.Api.Errors;
using Platform.Api.Features.Discounts;
using Platform.Api.Features.RentRevisions;
using Platform.Api.Persistence;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.DiscountBudgets;

public sealed class BudgetRow
{
    public Guid Id { get; init; }
    public required string Line { get; init; }
    public int Year { get; init; }
    public long AmountCents { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public int Version { get; init; }
}

/// <summary>Budget lines with a yearly amount, and what the discounts on each line commit in each year.</summary>
public sealed class BudgetStore(TenantDb db, TimeProvider clock)
{
    const string Columns = $"""
        id AS {nameof(BudgetRow.Id)}, line AS {nameof(BudgetRow.Line)}, year AS {nameof(BudgetRow.Year)},
        amount_cents AS {nameof(BudgetRow.AmountCents)}, created_at AS {nameof(BudgetRow.CreatedAt)},
        updated_at AS {nameof(BudgetRow.UpdatedAt)}, version AS {nameof(BudgetRow.Version)}
        """;

    const string FindSql = $"SELECT {Columns} FROM discount_budgets WHERE tenant_id = @TenantId AND id = @Id";

    /// <summary>The budgets of one line (every year), or of every line; locked, so that a check and its write see the same amounts.</summary>
    internal const string OfLineSql = $"""
        SELECT {Columns} FROM discount_budgets {SqlDialect.UpdateLock}
        WHERE tenant_id = @TenantId AND (@Line IS NULL OR line = @Line) AND (@Year IS NULL OR year = @Year)
        """;

    const string InsertSql = """
        INSERT INTO discount_budgets (id, tenant_id, line, year, amount_cents, created_at, updated_at, version)
        VALUES (@Id, @TenantId, @Line, @Year, @AmountCents, @CreatedAt, @UpdatedAt, @Version)
        """;

    const string SchedulesSql = $"""
        SELECT d.id AS {nameof(ScheduleRow.DiscountId)}, d.budget_line AS {nameof(ScheduleRow.Line)}, d.start_date AS {nameof(ScheduleRow.StartDate)},
               d.end_date AS {nameof(ScheduleRow.EndDate)}, l.id AS {nameof(ScheduleRow.LeaseId)},
               l.base_rent_cents_per_month AS {nameof(ScheduleRow.AgreedRentCentsPerMonth)}, l.start_date AS {nameof(ScheduleRow.LeaseStart)},
               l.end_date AS {nameof(ScheduleRow.LeaseEnd)}
        FROM discounts d JOIN leases l ON l.tenant_id = d.tenant_id AND l.id = d.lease_id
        WHERE d.tenant_id = @TenantId AND d.budget_line IS NOT NULL AND (@Line IS NULL OR d.budget_line = @Line)
        """;

    const string PeriodsOfLineSql = $"""
        SELECT p.discount_id AS {nameof(PeriodRow.DiscountId)}, p.start_date AS {nameof(PeriodRow.StartDate)},
               p.terms_from AS {nameof(PeriodRow.TermsFrom)}, p.terms AS {nameof(PeriodRow.Terms)}
        FROM discount_periods p JOIN discounts d ON d.tenant_id = p.tenant_id AND d.id = p.discount_id
        WHERE p.tenant_id = @TenantId AND d.budget_line IS NOT NULL AND (@Line IS NULL OR d.budget_line = @Line)
        """;

    public Task<(BudgetRow Budget, long CommittedCents)?> FindAsync(Guid id, CancellationToken ct) =>
        db.RunAsync<(BudgetRow, long)?>(async session =>
        {
            var row = await session.QuerySingleOrDefaultAsync<BudgetRow>(FindSql, new { Id = id }, ct);
            return row is null ? null : (row, (await CommittedAsync(session, row.Line, excludingDiscountId: null, ct)).GetValueOrDefault((row.Line, row.Year)));
        }, ct);

    /// <summary>Every year of the line (or of every line) that has a budget or committed money, ordered by year, then line.</summary>
    public Task<IReadOnlyList<BudgetYearResponse>> YearsAsync(string? line, int? year, CancellationToken ct) =>
        db.RunAsync<IReadOnlyList<BudgetYearResponse>>(async session =>
        {
            var budgets = (await session.ListAsync<BudgetRow>(OfLineSql, new { Line = line, Year = year }, ct)).ToDictionary(b => (b.Line, b.Year));
            var committed = await CommittedAsync(session, line, excludingDiscountId: null, ct);
            return budgets.Keys.Union(committed.Keys.Where(k => year is null || k.Year == year))
                .Select(key => BudgetYearResponse.From(key.Line, key.Year, budgets.GetValueOrDefault(key), committed.GetValueOrDefault(key)))
                .OrderBy(BudgetYearResponse.CursorKey, StringComparer.Ordinal)
                .ToList();
        }, ct);

    public Task<WriteOutcome<(BudgetRow Budget, long CommittedCents)>> CreateAsync(CreateBudgetRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var row = new BudgetRow
        {
            Id = Ids.New(now),
            Line = request.Line.Trim(),
            Year = request.Year,
            AmountCents = request.AmountCents,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        return db.TransactAsync(async session =>
        {
            if (await session.QuerySingleOrDefaultAsync<BudgetRow>(OfLineSql, new { row.Line, row.Year }, ct) is { } existing)
                return WriteOutcome<(BudgetRow, long)>.Conflict("budget-exists", $"Line '{row.Line}' has a budget for {row.Year} already.",
                    new Dictionary<string, object?> { [Problem.Member(nameof(Problem.BudgetId))] = existing.Id });

            await session.ExecuteAsync(InsertSql, row, ct);
            var committed = await CommittedAsync(session, row.Line, excludingDiscountId: null, ct);
            return WriteOutcome<(BudgetRow, long)>.Done((row, committed.GetValueOrDefault((row.Line, row.Year))));
        }, ct);
    }

    /// <summary>
    /// The discount money of every discount on the line (or on any line) by line and year, month by month, but
    /// <paramref name="excludingDiscountId"/>: the one whose new or extended schedule is being checked.
    /// </summary>
    public static async Task<IReadOnlyDictionary<(string Line, int Year), long>> CommittedAsync(
        DbSession session, string? line, Guid? excludingDiscountId, CancellationToken ct) =>
        (await SchedulesAsync(session, line, ct))
        .Where(s => s.Row.DiscountId != excludingDiscountId)
        .SelectMany(s => s.Schedule.ByYear().Select(year => (Key: (s.Row.Line, year.Key), Cents: year.Value)))
        .GroupBy(c => c.Key)
        .ToDictionary(g => g.Key, g => g.Sum(c => c.Cents));

    /// <summary>Every discount on the line (or on any line), with what it costs on any day at its lease's base rent today.</summary>
    public static async Task<IReadOnlyList<(ScheduleRow Row, DiscountSchedule Schedule)>> SchedulesAsync(DbSession session, string? line, CancellationToken ct)
    {
        var schedules = await session.ListAsync<ScheduleRow>(SchedulesSql, new { Line = line }, ct);
        var periods = (await session.ListAsync<PeriodRow>(PeriodsOfLineSql, new { Line = line }, ct)).ToLookup(p => p.DiscountId);
        var baseRents = await RentRevisionStore.BaseRentsAsync(session, schedules.Select(s => (s.LeaseId, s.AgreedRentCentsPerMonth)).ToList(), ct);
        return schedules
            .Select(s => (s, new DiscountSchedule(baseRents[s.LeaseId], s.LeaseStart, s.LeaseEnd, s.StartDate, s.EndDate,
                periods[s.DiscountId].Select(p => p.TermsInForce).ToList())))
            .ToList();
    }

    public sealed class ScheduleRow
    {
        public Guid DiscountId { get; init; }
        public required string Line { get; init; }
        public DateOnly StartDate { get; init; }
        public DateOnly EndDate { get; init; }
        public Guid LeaseId { get; init; }
        public long AgreedRentCentsPerMonth { get; init; }
        public DateOnly LeaseStart { get; init; }
        public DateOnly? LeaseEnd { get; init; }
    }
}

public static class BudgetChecks
{
    /// <summary>The budget lines of a lease's discounts.</summary>
    const string LinesOfLeaseSql = """
        SELECT DISTINCT budget_line FROM discounts
        WHERE tenant_id = @TenantId AND lease_id = @LeaseId AND budget_line IS NOT NULL
        """;

    /// <summary>
    /// The check of a discount's money on its line: null when every year with a budget has room, else the 409 naming
    /// the first year that would go over, what is left in it and what the discount needs there.
    /// </summary>
    public static async Task<WriteOutcome<T>?> OverBudgetAsync<T>(DbSession session, string line, Guid discountId, DiscountSchedule schedule, CancellationToken ct)
    {
        var budgets = await session.ListAsync<BudgetRow>(BudgetStore.OfLineSql, new { Line = line, Year = (int?)null }, ct);
        if (budgets.Count == 0)
            return null;
        var committed = await BudgetStore.CommittedAsync(session, line, discountId, ct);
        var shortfall = BudgetRules.FirstShortfall(
            budgets.Select(b => new BudgetYear(b.Id, b.Line, b.Year, b.AmountCents, committed.GetValueOrDefault((b.Line, b.Year)))), schedule.ByYear());
        return shortfall is null ? null : Exceeded<T>(line, shortfall, "this needs");
    }

    /// <summary>
    /// The check of a lease's discounts on their lines when its base rent becomes <paramref name="revised"/>: a percentage
    /// discount's money follows the base rent (<see cref="BudgetRules.FirstShortfallOfChange"/>). Null when no year with a
    /// budget would go over; else the 409 of the first such year of the first line.
    /// </summary>
    public static async Task<WriteOutcome<T>?> OverBudgetAsync<T>(DbSession session, Guid leaseId, BaseRent revised, CancellationToken ct)
    {
        foreach (var line in await session.ListAsync<string>(LinesOfLeaseSql, new { LeaseId = leaseId }, ct))
        {
            var budgets = await session.ListAsync<BudgetRow>(BudgetStore.OfLineSql, new { Line = line, Year = (int?)null }, ct);
            if (budgets.Count == 0)
                continue;
            var schedules = await BudgetStore.SchedulesAsync(session, line, ct);
            var others = ByYear(schedules.Where(s => s.Row.LeaseId != leaseId).Select(s => s.Schedule));
            var ofLease = schedules.Where(s => s.Row.LeaseId == leaseId).Select(s => s.Schedule).ToList();
            var shortfall = BudgetRules.FirstShortfallOfChange(
                budgets.Select(b => new BudgetYear(b.Id, b.Line, b.Year, b.AmountCents, others.GetValueOrDefault(b.Year))),
                ByYear(ofLease), ByYear(ofLease.Select(s => s with { BaseRent = revised })));
            if (shortfall is not null)
                return Exceeded<T>(line, shortfall, "at the revised base rent the lease's discounts need");
        }

        return null;
    }

    static IReadOnlyDictionary<int, long> ByYear(IEnumerable<DiscountSchedule> schedules) => schedules
        .SelectMany(s => s.ByYear())
        .GroupBy(year => year.Key)
        .ToDictionary(g => g.Key, g => g.Sum(year => year.Value));

    static WriteOutcome<T> Exceeded<T>(string line, BudgetShortfall shortfall, string needs) => WriteOutcome<T>.Conflict("budget-exceeded",
        $"The {shortfall.Budget.Year} budget of line '{line}' has {shortfall.RemainingCents} cents left; {needs} {shortfall.RequiredCents} in {shortfall.Budget.Year}.",
        new Dictionary<string, object?>
        {
            [Problem.Member(nameof(Problem.BudgetId))] = shortfall.Budget.BudgetId,
            [Problem.Member(nameof(Problem.Year))] = shortfall.Budget.Year,
            [Problem.Member(nameof(Problem.RemainingCents))] = shortfall.RemainingCents,
            [Problem.Member(nameof(Problem.RequiredCents))] = shortfall.RequiredCents,
        });
}
