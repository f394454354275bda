using Platform.Api.Concurrency;
using Platform.Api.Errors;
using Platform.Api.Persistence;
using Platform.Api.Tenancy;

using Platform.Api.Features.Discounts;

namespace Platform.Api.Features.DiscountBudgets;

public sealed class BudgetRow
{
    public Guid Id { get; init; }
    public int Year { get; init; }
    public required string Name { get; init; }
    public long AmountCents { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public int Version { get; init; }
}

/// <summary>Yearly discount budgets and what the discounts drawing on them commit.</summary>
public sealed class BudgetStore(TenantDb db, TimeProvider clock)
{
    const string Columns = $"""
        id AS {nameof(BudgetRow.Id)}, year AS {nameof(BudgetRow.Year)}, name AS {nameof(BudgetRow.Name)},
        amount_cents AS {nameof(BudgetRow.AmountCents)}, created_at AS {nameof(BudgetRow.CreatedAt)},
        updated_at AS {nameof(BudgetRow.UpdatedAt)}, version AS {nameof(BudgetRow.Version)}
        """;

    const string FindSql = $"SELECT {Columns} FROM discount_budgets WHERE tenant_id = @TenantId AND id = @Id";

    internal const string FindForUpdateSql = $"SELECT {Columns} FROM discount_budgets {SqlDialect.UpdateLock} WHERE tenant_id = @TenantId AND id = @Id";

    const string ListSql = $"""
        SELECT {Columns} FROM discount_budgets
        WHERE tenant_id = @TenantId AND id > @After AND (@Year IS NULL OR year = @Year)
        ORDER BY id {SqlDialect.Limit}
        """;

    const string InsertSql = """
        INSERT INTO discount_budgets (id, tenant_id, year, name, amount_cents, created_at, updated_at, version)
        VALUES (@Id, @TenantId, @Year, @Name, @AmountCents, @CreatedAt, @UpdatedAt, @Version)
        """;

    const string SchedulesSql = $"""
        SELECT d.id AS {nameof(ScheduleRow.DiscountId)}, d.start_date AS {nameof(ScheduleRow.StartDate)}, d.end_date AS {nameof(ScheduleRow.EndDate)},
               l.base_rent_cents_per_month AS {nameof(ScheduleRow.BaseRentCentsPerMonth)}, l.start_date AS {nameof(ScheduleRow.LeaseStart)},
               l.end_date AS {nameof(ScheduleRow.LeaseEnd)}
        FROM discounts d JOIN leases l ON l.tenant_id = d.tenant_id AND l.id = d.lease_id
        WHERE d.tenant_id = @TenantId AND d.budget_id = @BudgetId
        """;

    const string PeriodsOfBudgetSql = $"""
        SELECT p.discount_id AS {nameof(PeriodRow.DiscountId)}, p.start_date AS {nameof(PeriodRow.StartDate)},
               p.terms_from AS {nameof(PeriodRow.TermsFrom)}, p.terms AS {nameof(PeriodRow.Terms)}
        FROM discount_periods p JOIN discounts d ON d.tenant_id = p.tenant_id AND d.id = p.discount_id
        WHERE p.tenant_id = @TenantId AND d.budget_id = @BudgetId
        """;

    public Task<BudgetRow?> FindAsync(Guid id, CancellationToken ct) =>
        db.RunAsync(session => session.QuerySingleOrDefaultAsync<BudgetRow>(FindSql, new { Id = id }, ct), ct);

    public Task<IReadOnlyList<BudgetRow>> ListAsync(int? year, Guid after, int limit, CancellationToken ct) =>
        db.RunAsync(session => session.ListAsync<BudgetRow>(ListSql, new { Year = year, After = after, Limit = limit }, ct), ct);

    public Task<long> CommittedAsync(BudgetRow budget, CancellationToken ct) =>
        db.RunAsync(session => CommittedAsync(session, budget, excludingDiscountId: null, ct), ct);

    public Task<BudgetRow> CreateAsync(CreateBudgetRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var row = new BudgetRow
        {
            Id = Ids.New(now),
            Year = request.Year,
            Name = request.Name.Trim(),
            AmountCents = request.AmountCents,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        return db.TransactAsync(async session =>
        {
            await session.ExecuteAsync(InsertSql, row, ct);
            return row;
        }, ct);
    }

    /// <summary>
    /// The discount money of the budget's year over every discount that draws on it, but
    /// <paramref name="excludingDiscountId"/>: the one whose new or extended schedule is being checked.
    /// </summary>
    public static async Task<long> CommittedAsync(DbSession session, BudgetRow budget, Guid? excludingDiscountId, CancellationToken ct)
    {
        var schedules = await session.ListAsync<ScheduleRow>(SchedulesSql, new { BudgetId = budget.Id }, ct);
        var periods = (await session.ListAsync<PeriodRow>(PeriodsOfBudgetSql, new { BudgetId = budget.Id }, ct)).ToLookup(p => p.DiscountId);
        return schedules
            .Where(s => s.DiscountId != excludingDiscountId)
            .Sum(s => new DiscountSchedule(s.BaseRentCentsPerMonth, s.LeaseStart, s.LeaseEnd, s.StartDate, s.EndDate,
                periods[s.DiscountId].Select(p => p.TermsInForce).ToList()).InYear(budget.Year));
    }

    public sealed class ScheduleRow
    {
        public Guid DiscountId { get; init; }
        public DateOnly StartDate { get; init; }
        public DateOnly EndDate { get; init; }
        public long BaseRentCentsPerMonth { get; init; }
        public DateOnly LeaseStart { get; init; }
        public DateOnly? LeaseEnd { get; init; }
    }
}

public static class BudgetChecks
{
    /// <summary>The 409 for a discount that would take its budget over: the problem tells what is left.</summary>
    public static WriteOutcome<T> OverBudget<T>(BudgetRow budget, long committedWithout, long needed) =>
        WriteOutcome<T>.Conflict("budget-exceeded",
            $"Budget '{budget.Name}' ({budget.Year}) has {Math.Max(0, budget.AmountCents - committedWithout)} cents left; this needs {needed}.",
            new Dictionary<string, object?>
            {
                [Problem.Member(nameof(Problem.BudgetId))] = budget.Id,
                [Problem.Member(nameof(Problem.RemainingCents))] = Math.Max(0, budget.AmountCents - committedWithout),
                [Problem.Member(nameof(Problem.RequiredCents))] = needed,
            });
}
