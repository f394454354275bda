using Platform.Api.Concurrency;
using Platform.Api.Errors;
using Platform.Api.Features.Audit;
using Platform.Api.Persistence;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Leases;

public sealed record LeaseRow
{
    public Guid Id { get; init; }
    public Guid UnitId { get; init; }
    public required string LesseeName { get; init; }
    public required string LesseeKvkNumber { get; init; }
    public string? LesseeSbiCode { get; init; }
    public required string LesseeContactEmail { get; init; }
    public required string Regime { get; init; }
    public DateOnly StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public long BaseRentCentsPerMonth { get; init; }
    public string? TerminationReason { get; init; }
    public DateTimeOffset? TerminatedAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public int Version { get; init; }

    public IReadOnlyList<StatutoryTerm> StatutoryTerms() =>
        LeaseRegimeRules.StatutoryTerms(EnumText<LeaseRegime>.Parse(Regime), StartDate, EndDate, terminated: TerminatedAt is not null);
}

public sealed class LeaseFilter
{
    public Guid? UnitId { get; init; }
    public string? Status { get; init; }
    public string? LesseeKvk { get; init; }
}

public sealed class LeaseStore(TenantDb db, GranteeDb grantee, AuditLog audit, TimeProvider clock, PlatformCalendar calendar)
{
    const string Columns = $"""
        id AS {nameof(LeaseRow.Id)}, unit_id AS {nameof(LeaseRow.UnitId)}, lessee_name AS {nameof(LeaseRow.LesseeName)},
        lessee_kvk_number AS {nameof(LeaseRow.LesseeKvkNumber)}, lessee_sbi_code AS {nameof(LeaseRow.LesseeSbiCode)},
        lessee_contact_email AS {nameof(LeaseRow.LesseeContactEmail)}, regime AS {nameof(LeaseRow.Regime)},
        start_date AS {nameof(LeaseRow.StartDate)}, end_date AS {nameof(LeaseRow.EndDate)},
        base_rent_cents_per_month AS {nameof(LeaseRow.BaseRentCentsPerMonth)}, termination_reason AS {nameof(LeaseRow.TerminationReason)},
        terminated_at AS {nameof(LeaseRow.TerminatedAt)}, created_at AS {nameof(LeaseRow.CreatedAt)},
        updated_at AS {nameof(LeaseRow.UpdatedAt)}, version AS {nameof(LeaseRow.Version)}
        """;

    const string FindSql = $"SELECT {Columns} FROM leases WHERE tenant_id = @TenantId AND id = @Id";

    const string FindForUpdateSql = $"SELECT {Columns} FROM leases {SqlDialect.UpdateLock} WHERE tenant_id = @TenantId AND id = @Id";

    /// <summary>Follows a unit id column: the owner's units on the plinths the grant shares.</summary>
    const string GrantedUnits = $"IN (SELECT gu.id FROM units gu WHERE gu.tenant_id = @TenantId AND gu.plinth_id {GranteeDb.GrantedPlinths})";

    const string GranteeFindSql = $"{FindSql} AND unit_id {GrantedUnits}";

    const string ListSql = $"""
        SELECT {Columns} FROM leases
        WHERE tenant_id = @TenantId AND id > @After
          AND {ListFilter}
        ORDER BY id {SqlDialect.Limit}
        """;

    const string GranteeListSql = $"""
        SELECT {Columns} FROM leases
        WHERE tenant_id = @TenantId AND id > @After AND unit_id {GrantedUnits}
          AND {ListFilter}
        ORDER BY id {SqlDialect.Limit}
        """;

    /// <summary>The list's query parameters, the same on both paths.</summary>
    const string ListFilter = $"""
        (@UnitId IS NULL OR unit_id = @UnitId)
          AND (@LesseeKvk IS NULL OR lessee_kvk_number = @LesseeKvk)
          AND {DatedTerm.StatusCondition}
        """;

    const string UnitDetailCodeSql = $"SELECT detail_code FROM units {SqlDialect.UpdateLock} WHERE tenant_id = @TenantId AND id = @UnitId";

    /// <summary>The first other lease of the unit whose period overlaps [@StartDate, @EndDate].</summary>
    const string OverlappingSql = $"""
        SELECT id FROM leases {SqlDialect.UpdateLock}
        WHERE tenant_id = @TenantId AND unit_id = @UnitId AND id <> @Id
          AND start_date <= @EndDate AND (end_date IS NULL OR end_date >= @StartDate)
        ORDER BY start_date {SqlDialect.Limit}
        """;

    const string InsertSql = """
        INSERT INTO leases (id, tenant_id, unit_id, lessee_name, lessee_kvk_number, lessee_sbi_code, lessee_contact_email, regime,
                            start_date, end_date, base_rent_cents_per_month, termination_reason, terminated_at, created_at, updated_at, version)
        VALUES (@Id, @TenantId, @UnitId, @LesseeName, @LesseeKvkNumber, @LesseeSbiCode, @LesseeContactEmail, @Regime,
                @StartDate, @EndDate, @BaseRentCentsPerMonth, @TerminationReason, @TerminatedAt, @CreatedAt, @UpdatedAt, @Version)
        """;

    const string UpdateSql = """
        UPDATE leases
        SET lessee_name = @LesseeName, lessee_kvk_number = @LesseeKvkNumber, lessee_sbi_code = @LesseeSbiCode,
            lessee_contact_email = @LesseeContactEmail, regime = @Regime, start_date = @StartDate, end_date = @EndDate,
            termination_reason = @TerminationReason,
            terminated_at = @TerminatedAt, updated_at = @UpdatedAt, version = @Version,
            ending_notified = CASE WHEN end_date = @EndDate AND regime = @Regime THEN ending_notified ELSE 0 END
        WHERE tenant_id = @TenantId AND id = @Id
        """;

    /// <summary>The notice deadlines the reminder scan reads: rewritten with every change of the lease's dates or regime.</summary>
    const string DeleteNoticeDeadlinesSql = "DELETE FROM lease_notice_deadlines WHERE tenant_id = @TenantId AND lease_id = @LeaseId";

    const string InsertNoticeDeadlineSql = """
        INSERT INTO lease_notice_deadlines (id, tenant_id, lease_id, term_end_date, notice_deadline, remind_on, notified)
        VALUES (@Id, @TenantId, @LeaseId, @TermEndDate, @NoticeDeadline, @RemindOn, 0)
        """;

    DateOnly Today => calendar.Today;

    /// <summary>The lease; for a grantee with the lessee's personal data masked.</summary>
    public async Task<LeaseRow?> FindAsync(Guid id, CancellationToken ct) => grantee.Admitted
        ? await grantee.FindAsync<LeaseRow>(GranteeFindSql, new { Id = id }, ct) is { } row ? LesseeMask.ForGrantee(row) : null
        : await db.RunAsync(session => session.QuerySingleOrDefaultAsync<LeaseRow>(FindSql, new { Id = id }, ct), ct);

    /// <summary>A page of leases; for a grantee with the lessees' personal data masked.</summary>
    public async Task<IReadOnlyList<LeaseRow>> ListAsync(LeaseFilter filter, Guid after, int limit, CancellationToken ct)
    {
        var parameters = new { After = after, Limit = limit, Today, filter.UnitId, filter.Status, filter.LesseeKvk };
        return grantee.Admitted
            ? (await grantee.ListAsync<LeaseRow>(GranteeListSql, parameters, ct)).Select(LesseeMask.ForGrantee).ToList()
            : await db.RunAsync(session => session.ListAsync<LeaseRow>(ListSql, parameters, ct), ct);
    }

    public LeaseResponse Describe(LeaseRow row) =>
        LeaseResponse.From(row, DatedTerm.StatusOn(row.StartDate, row.EndDate, Today), LeaseRegimeRules.CurrentTerm(row.StatutoryTerms(), Today));

    public Task<WriteOutcome<LeaseRow>> CreateAsync(CreateLeaseRequest request, CancellationToken ct) =>
        db.TransactAsync(session => CreateAsync(session, request, ct), ct);

    /// <summary>Lets the unit inside <paramref name="session"/>'s transaction: the lease endpoint's own, or a tender's award.</summary>
    public async Task<WriteOutcome<LeaseRow>> CreateAsync(DbSession session, CreateLeaseRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var detailCode = await session.ExecuteScalarAsync<string>(UnitDetailCodeSql, new { request.UnitId }, ct);
        if (detailCode is null)
            return WriteOutcome<LeaseRow>.Invalid("unitId", "The tenant has no unit with this id.");
        var regime = request.Regime ?? LeaseRegimeRules.DefaultFor(detailCode);
        var row = ToRow(request, regime, Ids.New(now), request.UnitId, request.BaseRentCentsPerMonth, now, now, version: 1);
        if (await OverlapAsync(session, row, ct) is { } conflict)
            return conflict;

        await session.ExecuteAsync(InsertSql, row, ct);
        await WriteNoticeDeadlinesAsync(session, row, now, ct);
        await audit.RecordAsync(session, AuditEntityType.Lease, row.Id, AuditAction.Created, null, Describe(row), ct);
        return WriteOutcome<LeaseRow>.Done(row);
    }

    public Task<WriteOutcome<LeaseRow>> UpdateAsync(Guid id, int? expectedVersion, UpdateLeaseRequest request, CancellationToken ct) =>
        db.TransactAsync(async session =>
        {
            var current = await session.QuerySingleOrDefaultAsync<LeaseRow>(FindForUpdateSql, new { Id = id }, ct);
            if (current is null)
                return WriteOutcome<LeaseRow>.NotFound;
            if (expectedVersion is { } expected && expected != current.Version)
                return WriteOutcome<LeaseRow>.Stale;

            var now = clock.GetUtcNow();
            var updated = ToRow(request, request.Regime!.Value, id, current.UnitId, current.BaseRentCentsPerMonth, current.CreatedAt, now, current.Version + 1)
                with { TerminationReason = current.TerminationReason, TerminatedAt = current.TerminatedAt };
            if (await OverlapAsync(session, updated, ct) is { } conflict)
                return conflict;

            await session.ExecuteAsync(UpdateSql, updated, ct);
            await WriteNoticeDeadlinesAsync(session, updated, now, ct);
            await audit.RecordAsync(session, AuditEntityType.Lease, id, AuditAction.Updated, Describe(current), Describe(updated), ct);
            return WriteOutcome<LeaseRow>.Done(updated);
        }, ct);

    public Task<WriteOutcome<LeaseRow>> TerminateAsync(Guid id, TerminateLeaseRequest request, CancellationToken ct) =>
        db.TransactAsync(async session =>
        {
            var current = await session.QuerySingleOrDefaultAsync<LeaseRow>(FindForUpdateSql, new { Id = id }, ct);
            if (current is null)
                return WriteOutcome<LeaseRow>.NotFound;
            if (current.TerminatedAt is not null)
                return WriteOutcome<LeaseRow>.Conflict("lease-terminated", $"The lease was already terminated on {current.TerminatedAt:yyyy-MM-dd}.");
            if (request.EndDate < current.StartDate)
                return WriteOutcome<LeaseRow>.Conflict("end-before-start", $"The lease starts on {current.StartDate:yyyy-MM-dd}; it cannot end before that.");
            if (current.EndDate is { } end && request.EndDate > end)
                return WriteOutcome<LeaseRow>.Conflict("end-after-term", $"The lease already ends on {end:yyyy-MM-dd}; termination can only end it earlier.");

            var now = clock.GetUtcNow();
            var terminated = current with
            {
                EndDate = request.EndDate,
                TerminationReason = request.Reason.Trim(),
                TerminatedAt = now,
                UpdatedAt = now,
                Version = current.Version + 1,
            };
            await session.ExecuteAsync(UpdateSql, terminated, ct);
            await WriteNoticeDeadlinesAsync(session, terminated, now, ct);
            await audit.RecordAsync(session, AuditEntityType.Lease, id, AuditAction.Terminated, Describe(current), Describe(terminated), ct);
            return WriteOutcome<LeaseRow>.Done(terminated);
        }, ct);

    /// <summary>
    /// Rewrites the lease's notice deadlines. A deadline that was already announced keeps its notification: the scan writes
    /// one per lease and deadline, so a rewritten row is only marked again.
    /// </summary>
    static async Task WriteNoticeDeadlinesAsync(DbSession session, LeaseRow lease, DateTimeOffset now, CancellationToken ct)
    {
        await session.ExecuteAsync(DeleteNoticeDeadlinesSql, new { LeaseId = lease.Id }, ct);
        var deadlines = lease.StatutoryTerms().Select(term => new
        {
            Id = Ids.New(now),
            LeaseId = lease.Id,
            TermEndDate = term.EndDate,
            term.NoticeDeadline,
            term.RemindOn,
        }).ToList();
        if (deadlines.Count > 0)
            await session.ExecuteAsync(InsertNoticeDeadlineSql, deadlines, ct);
    }

    static async Task<WriteOutcome<LeaseRow>?> OverlapAsync(DbSession session, LeaseRow lease, CancellationToken ct)
    {
        var conflicting = await session.QuerySingleOrDefaultAsync<Guid?>(OverlappingSql, new
        {
            lease.Id,
            lease.UnitId,
            lease.StartDate,
            EndDate = lease.EndDate ?? DateOnly.MaxValue,
            Limit = 1,
        }, ct);
        return conflicting is { } other
            ? WriteOutcome<LeaseRow>.Conflict("lease-overlap", $"The unit is already let in this period under lease {other}.",
                new Dictionary<string, object?> { [Problem.Member(nameof(Problem.LeaseId))] = other })
            : null;
    }

    static LeaseRow ToRow(LeaseFields fields, LeaseRegime regime, Guid id, Guid unitId, long baseRentCentsPerMonth, DateTimeOffset createdAt,
        DateTimeOffset updatedAt, int version) => new()
    {
        Id = id,
        UnitId = unitId,
        LesseeName = fields.Lessee.Name.Trim(),
        LesseeKvkNumber = fields.Lessee.KvkNumber,
        LesseeSbiCode = fields.Lessee.SbiCode,
        LesseeContactEmail = fields.Lessee.ContactEmail.Trim(),
        Regime = EnumText<LeaseRegime>.ToText(regime),
        StartDate = fields.StartDate,
        EndDate = fields.EndDate,
        BaseRentCentsPerMonth = baseRentCentsPerMonth,
        CreatedAt = createdAt,
        UpdatedAt = updatedAt,
        Version = version,
    };
}
