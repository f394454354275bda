using Platform.Api.Concurrency;
using Platform.Api.Features.Audit;
using Platform.Api.Features.DiscountBudgets;
using Platform.Api.Features.Discounts;
using Platform.Api.Persistence;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.RentRevisions;

public sealed record RentRevisionRow
{
    public Guid Id { get; init; }
    public Guid LeaseId { get; init; }
    public DateOnly EffectiveFrom { get; init; }
    public long BaseRentCentsPerMonth { get; init; }
    public required string Reason { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }

    public RentRevisionTerms Terms => new(EffectiveFrom, BaseRentCentsPerMonth);
}

/// <summary>A lease's rent revisions, and the base rent they make for the rent, the discounts and the budgets.</summary>
public sealed class RentRevisionStore(TenantDb db, AuditLog audit, TimeProvider clock, PlatformCalendar calendar)
{
    const string Columns = $"""
        id AS {nameof(RentRevisionRow.Id)}, lease_id AS {nameof(RentRevisionRow.LeaseId)}, effective_from AS {nameof(RentRevisionRow.EffectiveFrom)},
        base_rent_cents_per_month AS {nameof(RentRevisionRow.BaseRentCentsPerMonth)}, reason AS {nameof(RentRevisionRow.Reason)},
        created_at AS {nameof(RentRevisionRow.CreatedAt)}, created_by AS {nameof(RentRevisionRow.CreatedBy)}
        """;

    const string ListSql = $"""
        SELECT {Columns} FROM rent_revisions
        WHERE tenant_id = @TenantId AND lease_id = @LeaseId AND id > @After
        ORDER BY id {SqlDialect.Limit}
        """;

    const string FindSql = $"SELECT {Columns} FROM rent_revisions WHERE tenant_id = @TenantId AND lease_id = @LeaseId AND id = @Id";

    const string OfLeasesSql = $"""
        SELECT {Columns} FROM rent_revisions
        WHERE tenant_id = @TenantId AND lease_id IN @Ids
        ORDER BY lease_id, effective_from
        """;

    // CROSS JOIN makes SQLite join in the order written: the lease, its unit, its plinth. Left to choose without statistics, it
    // read every plinth of the tenant for each lease (GET one discount fell 5x as a tenant grew to 15,000 plinths in
    // tests/load.sh). SQL Server orders the joins itself.
    const string LeaseTermsSql = $"""
        SELECT l.id AS {nameof(LeaseTermsRow.LeaseId)}, l.base_rent_cents_per_month AS {nameof(LeaseTermsRow.AgreedRentCentsPerMonth)},
               l.start_date AS {nameof(LeaseTermsRow.StartDate)}, l.end_date AS {nameof(LeaseTermsRow.EndDate)},
               u.area_m2 AS {nameof(LeaseTermsRow.AreaM2)}, u.market_rent_cents_per_year AS {nameof(LeaseTermsRow.MarketRentCentsPerYear)},
               u.target_rent_cents_per_year AS {nameof(LeaseTermsRow.TargetRentCentsPerYear)},
               p.priority_neighbourhood AS {nameof(LeaseTermsRow.PriorityNeighbourhood)}
        FROM leases l {SqlDialect.UpdateLock} CROSS JOIN units u CROSS JOIN plinths p
        WHERE l.tenant_id = @TenantId AND l.id IN @Ids
          AND u.tenant_id = @TenantId AND u.id = l.unit_id
          AND p.tenant_id = @TenantId AND p.id = u.plinth_id
        """;

    const string InsertSql = """
        INSERT INTO rent_revisions (id, tenant_id, lease_id, effective_from, base_rent_cents_per_month, reason, created_at, created_by)
        VALUES (@Id, @TenantId, @LeaseId, @EffectiveFrom, @BaseRentCentsPerMonth, @Reason, @CreatedAt, @CreatedBy)
        """;

    public Task<IReadOnlyList<RentRevisionRow>> ListAsync(Guid leaseId, Guid after, int limit, CancellationToken ct) =>
        db.RunAsync(session => session.ListAsync<RentRevisionRow>(ListSql, new { LeaseId = leaseId, After = after, Limit = limit }, ct), ct);

    public Task<RentRevisionRow?> FindAsync(Guid leaseId, Guid id, CancellationToken ct) =>
        db.RunAsync(session => session.QuerySingleOrDefaultAsync<RentRevisionRow>(FindSql, new { LeaseId = leaseId, Id = id }, ct), ct);

    public Task<LeaseTerms?> LeaseAsync(Guid leaseId, CancellationToken ct) =>
        db.RunAsync(session => LeaseTermsAsync(session, leaseId, ct), ct);

    public Task<WriteOutcome<RentRevisionRow>> CreateAsync(Guid leaseId, CreateRentRevisionRequest request, string createdBy, CancellationToken ct) =>
        db.TransactAsync(async session =>
        {
            if (await LeaseTermsAsync(session, leaseId, ct) is not { } lease)
                return WriteOutcome<RentRevisionRow>.NotFound;
            var checkedTerms = RentRevisionRules.Check(lease, lease.BaseRent.Revisions, request, calendar.Today);
            if (checkedTerms.Status != WriteStatus.Done)
                return checkedTerms.Refusal<RentRevisionRow>();
            var revised = lease.BaseRent with { Revisions = [.. lease.BaseRent.Revisions, checkedTerms.Value!] };
            if (await BudgetChecks.OverBudgetAsync<RentRevisionRow>(session, leaseId, revised, ct) is { } overBudget)
                return overBudget;

            var now = clock.GetUtcNow();
            var row = new RentRevisionRow
            {
                Id = Ids.New(now),
                LeaseId = leaseId,
                EffectiveFrom = checkedTerms.Value!.EffectiveFrom,
                BaseRentCentsPerMonth = checkedTerms.Value.BaseRentCentsPerMonth,
                Reason = EnumText<RentRevisionReason>.ToText(request.Reason!.Value),
                CreatedAt = now,
                CreatedBy = createdBy,
            };
            await session.ExecuteAsync(InsertSql, row, ct);
            await audit.RecordAsync(session, AuditEntityType.Lease, leaseId, AuditAction.RentRevised, null, RentRevisionResponse.From(row), ct);
            return WriteOutcome<RentRevisionRow>.Done(row);
        }, ct);

    /// <summary>The lease's term, its base rent month by month and its unit.</summary>
    public static async Task<LeaseTerms?> LeaseTermsAsync(DbSession session, Guid leaseId, CancellationToken ct) =>
        (await LeaseTermsAsync(session, [leaseId], ct)).GetValueOrDefault(leaseId);

    /// <summary>The terms of each lease that exists among <paramref name="leaseIds"/>.</summary>
    public static async Task<IReadOnlyDictionary<Guid, LeaseTerms>> LeaseTermsAsync(DbSession session, IReadOnlyCollection<Guid> leaseIds, CancellationToken ct)
    {
        var rows = await session.ListAsync<LeaseTermsRow>(LeaseTermsSql, new { Ids = leaseIds.Distinct().ToList() }, ct);
        var rents = await BaseRentsAsync(session, rows.Select(r => (r.LeaseId, r.AgreedRentCentsPerMonth)).ToList(), ct);
        return rows.ToDictionary(r => r.LeaseId, r => new LeaseTerms(r.LeaseId, rents[r.LeaseId], r.StartDate, r.EndDate,
            new UnitRents(r.AreaM2, r.MarketRentCentsPerYear, r.TargetRentCentsPerYear, r.PriorityNeighbourhood)));
    }

    /// <summary>The base rent of each lease, from the rent agreed at its start and its revisions.</summary>
    public static async Task<IReadOnlyDictionary<Guid, BaseRent>> BaseRentsAsync(
        DbSession session, IReadOnlyCollection<(Guid LeaseId, long AgreedCentsPerMonth)> leases, CancellationToken ct)
    {
        var revisions = await session.ListByIdsAsync<RentRevisionRow>(OfLeasesSql, leases.Select(l => l.LeaseId), ct);
        var byLease = revisions.ToLookup(r => r.LeaseId, r => r.Terms);
        return leases.DistinctBy(l => l.LeaseId).ToDictionary(l => l.LeaseId, l => new BaseRent(l.AgreedCentsPerMonth, byLease[l.LeaseId].ToList()));
    }

    public sealed class LeaseTermsRow
    {
        public Guid LeaseId { get; init; }
        public long AgreedRentCentsPerMonth { get; init; }
        public DateOnly StartDate { get; init; }
        public DateOnly? EndDate { get; init; }
        public decimal AreaM2 { get; init; }
        public long? MarketRentCentsPerYear { get; init; }
        public long? TargetRentCentsPerYear { get; init; }
        public bool PriorityNeighbourhood { get; init; }
    }
}
