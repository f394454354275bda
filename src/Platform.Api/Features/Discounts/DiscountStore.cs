using Platform.Api.Concurrency;
using Platform.Api.Errors;
using Platform.Api.Features.DiscountBudgets;
using Platform.Api.Features.DiscountPolicy;
using Platform.Api.Features.Audit;
using Platform.Api.Features.RentRevisions;
using Platform.Api.Persistence;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Discounts;

public sealed class DiscountFilter
{
    public Guid? LeaseId { get; init; }
    public string? Status { get; init; }
    public DateOnly? EvaluationDueBefore { get; init; }
}

public sealed class DiscountStore(TenantDb db, AuditLog audit, TimeProvider clock, PlatformCalendar calendar)
{
    const string Columns = $"""
        id AS {nameof(DiscountRow.Id)}, lease_id AS {nameof(DiscountRow.LeaseId)}, budget_line AS {nameof(DiscountRow.BudgetLine)},
        start_date AS {nameof(DiscountRow.StartDate)}, end_date AS {nameof(DiscountRow.EndDate)},
        justification AS {nameof(DiscountRow.Justification)}, evaluation_cadence_months AS {nameof(DiscountRow.EvaluationCadenceMonths)},
        reminder_lead_months AS {nameof(DiscountRow.ReminderLeadMonths)}, ended_early_on AS {nameof(DiscountRow.EndedEarlyOn)},
        end_reason AS {nameof(DiscountRow.EndReason)}, created_at AS {nameof(DiscountRow.CreatedAt)},
        updated_at AS {nameof(DiscountRow.UpdatedAt)}, version AS {nameof(DiscountRow.Version)}
        """;

    const string PeriodColumns = $"""
        id AS {nameof(PeriodRow.Id)}, discount_id AS {nameof(PeriodRow.DiscountId)}, number AS {nameof(PeriodRow.Number)},
        start_date AS {nameof(PeriodRow.StartDate)}, end_date AS {nameof(PeriodRow.EndDate)}, terms_from AS {nameof(PeriodRow.TermsFrom)},
        terms AS {nameof(PeriodRow.Terms)}, justification AS {nameof(PeriodRow.Justification)},
        evaluation_due_on AS {nameof(PeriodRow.EvaluationDueOn)}, evaluated AS {nameof(PeriodRow.Evaluated)}
        """;

    const string CounterPerformanceColumns = $"""
        id AS {nameof(CounterPerformanceRow.Id)}, discount_id AS {nameof(CounterPerformanceRow.DiscountId)}, period_number AS {nameof(CounterPerformanceRow.PeriodNumber)},
        position AS {nameof(CounterPerformanceRow.Position)}, description AS {nameof(CounterPerformanceRow.Description)},
        unit AS {nameof(CounterPerformanceRow.Unit)}, target AS {nameof(CounterPerformanceRow.Target)},
        theme AS {nameof(CounterPerformanceRow.Theme)}, radius AS {nameof(CounterPerformanceRow.Radius)}
        """;

    const string FindSql = $"SELECT {Columns} FROM discounts WHERE tenant_id = @TenantId AND id = @Id";

    const string FindForUpdateSql = $"SELECT {Columns} FROM discounts {SqlDialect.UpdateLock} WHERE tenant_id = @TenantId AND id = @Id";

    const string ListSql = $"""
        SELECT {Columns} FROM discounts d
        WHERE d.tenant_id = @TenantId AND d.id > @After
          AND (@LeaseId IS NULL OR d.lease_id = @LeaseId)
          AND {DatedTerm.StatusCondition}
          AND (@DueBefore IS NULL OR EXISTS (
               SELECT 1 FROM discount_periods p
               WHERE p.tenant_id = d.tenant_id AND p.discount_id = d.id AND p.evaluated = 0 AND p.evaluation_due_on < @DueBefore))
        ORDER BY d.id {SqlDialect.Limit}
        """;

    const string PeriodsSql = $"""
        SELECT {PeriodColumns} FROM discount_periods
        WHERE tenant_id = @TenantId AND discount_id IN @Ids
        ORDER BY discount_id, number
        """;

    const string CounterPerformancesSql = $"""
        SELECT {CounterPerformanceColumns} FROM counter_performances
        WHERE tenant_id = @TenantId AND discount_id IN @Ids
        ORDER BY discount_id, period_number, position
        """;

    const string OverlapSql = $"""
        SELECT id FROM discounts {SqlDialect.UpdateLock}
        WHERE tenant_id = @TenantId AND lease_id = @LeaseId AND id <> @Id AND start_date <= @EndDate AND end_date >= @StartDate
        ORDER BY start_date {SqlDialect.Limit}
        """;

    const string InsertSql = """
        INSERT INTO discounts (id, tenant_id, lease_id, budget_line, start_date, end_date, justification, evaluation_cadence_months,
                               reminder_lead_months, ended_early_on, end_reason, ending_on, ending_notified, created_at, updated_at, version)
        VALUES (@Id, @TenantId, @LeaseId, @BudgetLine, @StartDate, @EndDate, @Justification, @EvaluationCadenceMonths,
                @ReminderLeadMonths, NULL, NULL, @EndingOn, 0, @CreatedAt, @UpdatedAt, @Version)
        """;

    const string InsertCounterPerformanceSql = """
        INSERT INTO counter_performances (id, tenant_id, discount_id, period_number, position, description, unit, target, theme, radius)
        VALUES (@Id, @TenantId, @DiscountId, @PeriodNumber, @Position, @Description, @Unit, @Target, @Theme, @Radius)
        """;

    const string InsertPeriodSql = """
        INSERT INTO discount_periods (id, tenant_id, discount_id, number, start_date, end_date, terms_from, terms, justification,
                                      evaluation_due_on, evaluated, due_notified, overdue_notified)
        VALUES (@Id, @TenantId, @DiscountId, @Number, @StartDate, @EndDate, @TermsFrom, @Terms, @Justification, @EvaluationDueOn, 0, 0, 0)
        """;

    /// <summary>A new last day moves the discount.ending reminder with it; an unchanged one keeps its state.</summary>
    const string UpdateTermSql = """
        UPDATE discounts
        SET end_date = @EndDate, ended_early_on = @EndedEarlyOn, end_reason = @EndReason, ending_on = @EndingOn,
            ending_notified = CASE WHEN end_date = @EndDate THEN ending_notified ELSE @EndingNotified END,
            updated_at = @UpdatedAt, version = @Version
        WHERE tenant_id = @TenantId AND id = @Id
        """;

    /// <summary>An evaluated period needs no more reminders; marking them sent keeps it out of every reminder scan. A late end lengthens it.</summary>
    const string CloseEvaluationSql = """
        UPDATE discount_periods SET evaluated = 1, due_notified = 1, overdue_notified = 1, end_date = @EndDate
        WHERE tenant_id = @TenantId AND discount_id = @DiscountId AND number = @Number
        """;

    /// <summary>When a discount ends early, periods that had not begun go, the others end with it, and none needs a reminder.</summary>
    const string DropLaterCounterPerformancesSql = """
        DELETE FROM counter_performances
        WHERE tenant_id = @TenantId AND discount_id = @DiscountId AND period_number IN (
              SELECT number FROM discount_periods
              WHERE tenant_id = @TenantId AND discount_id = @DiscountId AND start_date > @EndDate AND evaluated = 0)
        """;

    const string DropLaterPeriodsSql = """
        DELETE FROM discount_periods WHERE tenant_id = @TenantId AND discount_id = @DiscountId AND start_date > @EndDate AND evaluated = 0
        """;

    const string CutPeriodsSql = """
        UPDATE discount_periods
        SET end_date = CASE WHEN end_date > @EndDate THEN @EndDate ELSE end_date END, due_notified = 1, overdue_notified = 1
        WHERE tenant_id = @TenantId AND discount_id = @DiscountId
        """;

    const string InsertEvaluationSql = """
        INSERT INTO evaluations (id, tenant_id, discount_id, period_number, evaluated_on, decision, results, new_terms, notes, created_at, created_by)
        VALUES (@Id, @TenantId, @DiscountId, @PeriodNumber, @EvaluatedOn, @Decision, @Results, @NewTerms, @Notes, @CreatedAt, @CreatedBy)
        """;

    const string EvaluationColumns = $"""
        id AS {nameof(EvaluationRow.Id)}, discount_id AS {nameof(EvaluationRow.DiscountId)}, period_number AS {nameof(EvaluationRow.PeriodNumber)},
        evaluated_on AS {nameof(EvaluationRow.EvaluatedOn)}, decision AS {nameof(EvaluationRow.Decision)}, results AS {nameof(EvaluationRow.Results)},
        new_terms AS {nameof(EvaluationRow.NewTerms)}, notes AS {nameof(EvaluationRow.Notes)}, created_at AS {nameof(EvaluationRow.CreatedAt)},
        created_by AS {nameof(EvaluationRow.CreatedBy)}
        """;

    const string ListEvaluationsSql = $"""
        SELECT {EvaluationColumns} FROM evaluations
        WHERE tenant_id = @TenantId AND discount_id = @DiscountId AND id > @After
        ORDER BY id {SqlDialect.Limit}
        """;

    const string FindEvaluationSql = $"SELECT {EvaluationColumns} FROM evaluations WHERE tenant_id = @TenantId AND discount_id = @DiscountId AND id = @Id";

    DateOnly Today => calendar.Today;

    public Task<IReadOnlyList<EvaluationRow>> ListEvaluationsAsync(Guid discountId, Guid after, int limit, CancellationToken ct) =>
        db.RunAsync(session => session.ListAsync<EvaluationRow>(ListEvaluationsSql, new { DiscountId = discountId, After = after, Limit = limit }, ct), ct);

    public Task<EvaluationRow?> FindEvaluationAsync(Guid discountId, Guid id, CancellationToken ct) =>
        db.RunAsync(session => session.QuerySingleOrDefaultAsync<EvaluationRow>(FindEvaluationSql, new { DiscountId = discountId, Id = id }, ct), ct);

    public TermStatus StatusOf(DiscountRow row) => DatedTerm.StatusOn(row.StartDate, row.EndDate, Today);

    public Task<LeaseTerms?> LeaseAsync(Guid leaseId, CancellationToken ct) =>
        db.RunAsync(session => RentRevisionStore.LeaseTermsAsync(session, leaseId, ct), ct);

    public Task<DiscountDetails?> FindAsync(Guid id, CancellationToken ct) =>
        db.RunAsync(async session => await DetailsAsync(session, FindSql, id, ct), ct);

    public Task<IReadOnlyList<DiscountDetails>> ListAsync(DiscountFilter filter, Guid after, int limit, CancellationToken ct) =>
        db.RunAsync(async session =>
        {
            var rows = await session.ListAsync<DiscountRow>(ListSql, new
            {
                After = after, Limit = limit, Today, filter.LeaseId, filter.Status, DueBefore = filter.EvaluationDueBefore,
            }, ct);
            return await WithChildrenAsync(session, rows, ct);
        }, ct);

    /// <summary>All discounts of a lease, for its rent: a lease has few.</summary>
    public Task<IReadOnlyList<DiscountDetails>> OfLeaseAsync(Guid leaseId, CancellationToken ct) =>
        ListAsync(new DiscountFilter { LeaseId = leaseId }, Guid.Empty, int.MaxValue, ct);

    public Task<WriteOutcome<DiscountDetails>> CreateAsync(LeaseTerms lease, CreateDiscountRequest request, CancellationToken ct) =>
        db.TransactAsync(session => CreateAsync(session, lease, request, ct), ct);

    /// <summary>
    /// Grants the discount inside <paramref name="session"/>'s transaction: the discount endpoint's own, or a tender's award for
    /// the lease it has just created. Refused, with nothing written, when it does not fit the lease (invalid on the field), overlaps
    /// another discount of the lease, breaks the tenant's policy or takes a year of its budget line over that year's budget.
    /// </summary>
    public async Task<WriteOutcome<DiscountDetails>> CreateAsync(DbSession session, LeaseTerms lease, CreateDiscountRequest request, CancellationToken ct)
    {
        if (ProblemWithLease(request, lease) is { } problem)
            return WriteOutcome<DiscountDetails>.Invalid(problem.Field, problem.Reason);

        var now = clock.GetUtcNow();
        var terms = request.ToTerms();
        var discount = new DiscountRow
        {
            Id = Ids.New(now),
            LeaseId = lease.LeaseId,
            BudgetLine = request.BudgetLine?.Trim(),
            StartDate = request.StartDate,
            EndDate = request.EndDate,
            Justification = request.Justification.Trim(),
            EvaluationCadenceMonths = request.EvaluationCadenceMonths,
            ReminderLeadMonths = request.ReminderLeadMonths,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        var firstEnd = EvaluationPeriods.EndOf(request.StartDate, request.EvaluationCadenceMonths, request.EndDate);
        var period = NewPeriod(now, discount.Id,
            new PeriodPlan(1, request.StartDate, firstEnd, request.StartDate, terms, EvaluationPeriods.DueOn(firstEnd, request.ReminderLeadMonths)), request.Justification);
        var counterPerformances = CounterPerformanceRows(now, discount.Id, periodNumber: 1, request.CounterPerformances ?? []);

        if (await OverlapAsync(session, discount, ct) is { } overlap)
            return overlap;
        if (await PolicyBreachAsync(session, lease, ScheduleOf(lease, discount, [period]), discount.StartDate, discount.EndDate, ct) is { } breach)
            return WriteOutcome<DiscountDetails>.AgainstPolicy(breach.Rule, breach.Detail);
        if (await BudgetCheckAsync(session, lease, discount, [period], ct) is { } refused)
            return refused;

        await session.ExecuteAsync(InsertSql, new
        {
            discount.Id, discount.LeaseId, discount.BudgetLine, discount.StartDate, discount.EndDate, discount.Justification,
            discount.EvaluationCadenceMonths, discount.ReminderLeadMonths, discount.EndingOn, discount.CreatedAt, discount.UpdatedAt, discount.Version,
        }, ct);
        await session.ExecuteAsync(InsertCounterPerformanceSql, counterPerformances, ct);
        await session.ExecuteAsync(InsertPeriodSql, period, ct);
        var details = new DiscountDetails(discount, [period], counterPerformances, lease);
        await audit.RecordAsync(session, AuditEntityType.Discount, discount.Id, AuditAction.Created, null, DiscountResponse.From(details, StatusOf(discount)), ct);
        return WriteOutcome<DiscountDetails>.Done(details);
    }

    /// <summary>The rules that need the lease: the discount lies within its term and never exceeds the base rent at its start.</summary>
    static (string Field, string Reason)? ProblemWithLease(CreateDiscountRequest req, LeaseTerms lease)
    {
        var baseCents = lease.BaseRent.On(req.StartDate);
        if (req.StartDate < lease.StartDate)
            return ("startDate", $"The lease starts on {lease.StartDate:yyyy-MM-dd}; the discount cannot start before it.");
        if (lease.EndDate is { } leaseEnd && req.EndDate > leaseEnd)
            return ("endDate", $"The lease ends on {leaseEnd:yyyy-MM-dd}; the discount cannot run past it.");
        if (req.Kind == DiscountKind.Fixed && req.FixedCentsPerMonth > baseCents)
            return ("fixedCentsPerMonth", $"The base rent is {baseCents} cents a month; the discount cannot be more.");
        if (req.Kind == DiscountKind.Stepped && req.Steps!.Any(s => s.MonthlyRentCents > baseCents))
            return ("steps", $"A growth-in schedule ends at or below the base rent of {baseCents} cents a month.");
        return null;
    }

    public Task<WriteOutcome<(DiscountDetails Discount, EvaluationRow Evaluation)>> EvaluateAsync(
        Guid id, CreateEvaluationRequest request, string evaluatedBy, CancellationToken ct) =>
        db.TransactAsync(async session =>
        {
            var details = await DetailsAsync(session, FindForUpdateSql, id, ct);
            if (details is null)
                return WriteOutcome<(DiscountDetails, EvaluationRow)>.NotFound;
            var discount = details.Discount;
            var lease = details.Lease;
            var decided = EvaluationRules.Decide(details, lease, request, Today);
            if (decided.Status != WriteStatus.Done)
                return decided.Refusal<(DiscountDetails, EvaluationRow)>();
            var plan = decided.Value!;

            var now = clock.GetUtcNow();
            var updated = discount with { EndDate = plan.DiscountEnd, UpdatedAt = now, Version = discount.Version + 1 };
            var evaluated = details.Periods.Single(p => p.Number == plan.PeriodNumber) with { EndDate = plan.PeriodEnd, Evaluated = true };
            var next = plan.Next is { } opened ? NewPeriod(now, id, opened, request.Justification!) : null;
            var nextCounterPerformances = next is null ? [] : CounterPerformanceRows(now, id, next.Number, request.CounterPerformances!);
            var periods = details.Periods.Select(p => p.Number == evaluated.Number ? evaluated : p).Concat(next is null ? [] : [next]).ToList();
            if (updated.EndDate > discount.EndDate || next is not null)
            {
                if (await OverlapAsync(session, updated, ct) is { } overlap)
                    return overlap.Refusal<(DiscountDetails, EvaluationRow)>();
                if (next is not null && await PolicyBreachAsync(session, lease, ScheduleOf(lease, updated, periods), next.StartDate, next.EndDate, ct) is { } breach)
                    return WriteOutcome<(DiscountDetails, EvaluationRow)>.AgainstPolicy(breach.Rule, breach.Detail);
                if (await BudgetCheckAsync(session, lease, updated, periods, ct) is { } refused)
                    return refused.Refusal<(DiscountDetails, EvaluationRow)>();
            }

            if (next is not null)
            {
                await session.ExecuteAsync(InsertPeriodSql, next, ct);
                await session.ExecuteAsync(InsertCounterPerformanceSql, nextCounterPerformances, ct);
            }

            var decision = request.Decision!.Value;
            var evaluation = new EvaluationRow
            {
                Id = Ids.New(now),
                DiscountId = id,
                PeriodNumber = evaluated.Number,
                EvaluatedOn = request.EvaluatedOn,
                Decision = EnumText<EvaluationDecision>.ToText(decision),
                Results = EvaluationRow.SerializeResults(request.Results),
                NewTerms = decision == EvaluationDecision.StepUp ? PeriodRow.Serialize(request.NewTerms!.ToTerms()) : null,
                Notes = request.Notes,
                CreatedAt = now,
                CreatedBy = evaluatedBy,
            };
            await session.ExecuteAsync(InsertEvaluationSql, evaluation, ct);
            await session.ExecuteAsync(CloseEvaluationSql, new { DiscountId = id, evaluated.Number, evaluated.EndDate }, ct);
            await UpdateTermAsync(session, updated, endingNotified: false, ct);

            var after = details with { Discount = updated, Periods = periods, CounterPerformances = [.. details.CounterPerformances, .. nextCounterPerformances] };
            await audit.RecordAsync(session, AuditEntityType.Discount, id, AuditAction.Evaluated,
                DiscountResponse.From(details, StatusOf(discount)), DiscountResponse.From(after, StatusOf(updated)), ct);
            return WriteOutcome<(DiscountDetails, EvaluationRow)>.Done((after, evaluation));
        }, ct);

    public Task<WriteOutcome<DiscountDetails>> EndAsync(Guid id, EndDiscountRequest request, CancellationToken ct) =>
        db.TransactAsync(async session =>
        {
            var details = await DetailsAsync(session, FindForUpdateSql, id, ct);
            if (details is null)
                return WriteOutcome<DiscountDetails>.NotFound;
            var discount = details.Discount;
            if (discount.EndedEarlyOn is not null)
                return WriteOutcome<DiscountDetails>.Conflict("discount-ended", $"The discount was ended on {discount.EndedEarlyOn:yyyy-MM-dd} already.");
            if (request.EndDate < discount.StartDate || request.EndDate > discount.EndDate
                || details.Periods.Any(p => p.Evaluated && p.StartDate > request.EndDate))
                return WriteOutcome<DiscountDetails>.Invalid("endDate",
                    $"The discount runs from {discount.StartDate:yyyy-MM-dd} to {discount.EndDate:yyyy-MM-dd}; end it within that term.");

            var updated = discount with
            {
                EndDate = request.EndDate,
                EndedEarlyOn = request.EndDate,
                EndReason = request.Reason.Trim(),
                UpdatedAt = clock.GetUtcNow(),
                Version = discount.Version + 1,
            };
            await UpdateTermAsync(session, updated, endingNotified: true, ct);
            await session.ExecuteAsync(DropLaterCounterPerformancesSql, new { DiscountId = id, request.EndDate }, ct);
            await session.ExecuteAsync(DropLaterPeriodsSql, new { DiscountId = id, request.EndDate }, ct);
            await session.ExecuteAsync(CutPeriodsSql, new { DiscountId = id, request.EndDate }, ct);
            var after = (await DetailsAsync(session, FindForUpdateSql, id, ct))!;
            await audit.RecordAsync(session, AuditEntityType.Discount, id, AuditAction.Ended,
                DiscountResponse.From(details, StatusOf(discount)), DiscountResponse.From(after, StatusOf(updated)), ct);
            return WriteOutcome<DiscountDetails>.Done(after);
        }, ct);

    Task UpdateTermAsync(DbSession session, DiscountRow discount, bool endingNotified, CancellationToken ct) =>
        session.ExecuteAsync(UpdateTermSql, new
        {
            discount.Id, discount.EndDate, discount.EndedEarlyOn, discount.EndReason, discount.EndingOn,
            EndingNotified = endingNotified, discount.UpdatedAt, discount.Version,
        }, ct);

    static PeriodRow NewPeriod(DateTimeOffset now, Guid discountId, PeriodPlan plan, string justification) => new()
    {
        Id = Ids.New(now),
        DiscountId = discountId,
        Number = plan.Number,
        StartDate = plan.Start,
        EndDate = plan.End,
        TermsFrom = plan.TermsFrom,
        Terms = PeriodRow.Serialize(plan.Terms),
        Justification = justification.Trim(),
        EvaluationDueOn = plan.EvaluationDueOn,
    };

    static List<CounterPerformanceRow> CounterPerformanceRows(DateTimeOffset now, Guid discountId, int periodNumber, IReadOnlyList<CounterPerformanceRequest> requests) =>
        requests.Select((c, i) => new CounterPerformanceRow
        {
            Id = Ids.New(now),
            DiscountId = discountId,
            PeriodNumber = periodNumber,
            Position = i + 1,
            Description = c.Description.Trim(),
            Unit = c.Unit.Trim(),
            Target = c.Target,
            Theme = c.Theme,
            Radius = EnumText<ImpactRadius>.ToText(c.Radius!.Value),
        }).ToList();

    static async Task<WriteOutcome<DiscountDetails>?> OverlapAsync(DbSession session, DiscountRow discount, CancellationToken ct)
    {
        var other = await session.QuerySingleOrDefaultAsync<Guid?>(OverlapSql,
            new { discount.LeaseId, discount.Id, discount.StartDate, discount.EndDate, Limit = 1 }, ct);
        return other is { } id
            ? WriteOutcome<DiscountDetails>.Conflict("discount-overlap", $"The lease already has discount {id} in this period.",
                new Dictionary<string, object?> { [Problem.Member(nameof(Problem.DiscountId))] = id })
            : null;
    }

    static Task<WriteOutcome<DiscountDetails>?> BudgetCheckAsync(
        DbSession session, LeaseTerms lease, DiscountRow discount, IReadOnlyList<PeriodRow> periods, CancellationToken ct) =>
        discount.BudgetLine is { } line
            ? BudgetChecks.OverBudgetAsync<DiscountDetails>(session, line, discount.Id, ScheduleOf(lease, discount, periods), ct)
            : Task.FromResult<WriteOutcome<DiscountDetails>?>(null);

    /// <summary>The tenant's policy against the term from <paramref name="start"/> to <paramref name="end"/>: the effective rent on its first day and on the first of each later month.</summary>
    static async Task<PolicyBreach?> PolicyBreachAsync(DbSession session, LeaseTerms lease, DiscountSchedule schedule, DateOnly start, DateOnly end, CancellationToken ct)
    {
        var policy = (await DiscountPolicyStore.CurrentAsync(session, ct)).Rules;
        var days = RentArithmetic.MonthStarts(start, end).Select(month => month < start ? start : month);
        return policy.BreachOf(lease.Unit, start, end, days.Select(day => lease.BaseRent.On(day) - schedule.DiscountOn(day)));
    }

    static DiscountSchedule ScheduleOf(LeaseTerms lease, DiscountRow discount, IReadOnlyList<PeriodRow> periods) =>
        new(lease.BaseRent, lease.StartDate, lease.EndDate, discount.StartDate, discount.EndDate, periods.Select(p => p.TermsInForce).ToList());

    // findSql: FindSql for a read, FindForUpdateSql in a transaction that writes.
    static async Task<DiscountDetails?> DetailsAsync(DbSession session, string findSql, Guid id, CancellationToken ct)
    {
        var row = await session.QuerySingleOrDefaultAsync<DiscountRow>(findSql, new { Id = id }, ct);
        return row is null ? null : (await WithChildrenAsync(session, [row], ct))[0];
    }

    static async Task<IReadOnlyList<DiscountDetails>> WithChildrenAsync(DbSession session, IReadOnlyList<DiscountRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
            return [];
        var ids = rows.Select(r => r.Id).ToList();
        var periods = (await session.ListAsync<PeriodRow>(PeriodsSql, new { Ids = ids }, ct)).ToLookup(p => p.DiscountId);
        var counterPerformances = (await session.ListAsync<CounterPerformanceRow>(CounterPerformancesSql, new { Ids = ids }, ct)).ToLookup(c => c.DiscountId);
        var leases = await RentRevisionStore.LeaseTermsAsync(session, rows.Select(r => r.LeaseId).ToList(), ct);
        return rows.Select(r => new DiscountDetails(r, periods[r.Id].ToList(), counterPerformances[r.Id].ToList(), leases[r.LeaseId])).ToList();
    }
}
