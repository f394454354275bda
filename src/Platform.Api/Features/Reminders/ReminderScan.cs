using Platform.Api.Features.Notifications;
using Platform.Api.Features.Webhooks;
using Platform.Api.Persistence;

namespace Platform.Api.Features.Reminders;

public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>How often the recurring scan runs: whole seconds below a minute, whole minutes below an hour, else whole hours.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(15);

    public const int LeaseEndingLeadDays = 90;
    public const int DiscountEndingLeadDays = 30;
}

/// <summary>What one scan wrote: new notifications by type (a rerun writes none).</summary>
public sealed record ReminderScanResult(DateOnly ScannedOn, int EvaluationsDue, int EvaluationsOverdue, int DiscountsEnding, int LeasesEnding,
    int LeaseNoticeDeadlines);

/// <summary>
/// Finds what has come due and writes one notification for each, platform-wide. Every source row carries a
/// "notified" flag that is indexed with its due date, so a scan reads only what is due and not yet sent; every
/// notification has a unique key, so reruns, overlapping scans and restarts never write one twice. Each new
/// notification gets its webhook deliveries in the same transaction; they go to Hangfire after it commits, and a
/// delivery whose job was lost (the process stopped in between) is queued again by a later scan.
/// </summary>
public sealed class ReminderScan(SystemDb db, WebhookDispatch webhooks, TenantNotices notices, PlatformCalendar calendar, ILogger<ReminderScan> logger)
{
    public const string RecurringJobId = "reminder-scan";
    const int Batch = 500;

    const string DueEvaluationsSql = $"""
        SELECT p.id AS {nameof(Candidate.RowId)}, p.tenant_id AS {nameof(Candidate.TenantId)}, p.discount_id AS {nameof(Candidate.SubjectId)},
               p.number AS {nameof(Candidate.Number)}, p.evaluation_due_on AS {nameof(Candidate.DueOn)}, p.evaluated AS {nameof(Candidate.Settled)}
        FROM discount_periods p
        WHERE p.due_notified = 0 AND p.evaluation_due_on <= @Today
        ORDER BY p.evaluation_due_on, p.id {SqlDialect.Limit}
        """;

    const string OverdueEvaluationsSql = $"""
        SELECT p.id AS {nameof(Candidate.RowId)}, p.tenant_id AS {nameof(Candidate.TenantId)}, p.discount_id AS {nameof(Candidate.SubjectId)},
               p.number AS {nameof(Candidate.Number)}, p.end_date AS {nameof(Candidate.DueOn)}, p.evaluated AS {nameof(Candidate.Settled)}
        FROM discount_periods p
        WHERE p.overdue_notified = 0 AND p.end_date < @Today
        ORDER BY p.end_date, p.id {SqlDialect.Limit}
        """;

    const string EndingDiscountsSql = $"""
        SELECT d.id AS {nameof(Candidate.RowId)}, d.tenant_id AS {nameof(Candidate.TenantId)}, d.id AS {nameof(Candidate.SubjectId)},
               0 AS {nameof(Candidate.Number)}, d.end_date AS {nameof(Candidate.DueOn)}, 0 AS {nameof(Candidate.Settled)}
        FROM discounts d
        WHERE d.ending_notified = 0 AND d.ending_on <= @Today
        ORDER BY d.ending_on, d.id {SqlDialect.Limit}
        """;

    /// <summary>A 7:290 lease with notice deadlines does not end on its end date: it is only marked (its reminders are the deadlines').</summary>
    const string EndingLeasesSql = $"""
        SELECT l.id AS {nameof(Candidate.RowId)}, l.tenant_id AS {nameof(Candidate.TenantId)}, l.id AS {nameof(Candidate.SubjectId)},
               0 AS {nameof(Candidate.Number)}, l.end_date AS {nameof(Candidate.DueOn)},
               CASE WHEN EXISTS (SELECT 1 FROM lease_notice_deadlines n WHERE n.tenant_id = l.tenant_id AND n.lease_id = l.id)
                    THEN 1 ELSE 0 END AS {nameof(Candidate.Settled)}
        FROM leases l
        WHERE l.ending_notified = 0 AND l.end_date IS NOT NULL AND l.end_date <= @Horizon
        ORDER BY l.end_date, l.id {SqlDialect.Limit}
        """;

    /// <summary>A deadline that passed before any scan saw its reminder is only marked: the notice can no longer be given.</summary>
    const string NoticeDeadlinesSql = $"""
        SELECT n.id AS {nameof(Candidate.RowId)}, n.tenant_id AS {nameof(Candidate.TenantId)}, n.lease_id AS {nameof(Candidate.SubjectId)},
               0 AS {nameof(Candidate.Number)}, n.notice_deadline AS {nameof(Candidate.DueOn)},
               CASE WHEN n.notice_deadline < @Today THEN 1 ELSE 0 END AS {nameof(Candidate.Settled)}
        FROM lease_notice_deadlines n
        WHERE n.notified = 0 AND n.remind_on <= @Today
        ORDER BY n.remind_on, n.id {SqlDialect.Limit}
        """;

    /// <summary>A grant's notice goes to its grantee, across tenants.</summary>
    const string CreatedGrantColumns = $"""
        g.id AS {nameof(Candidate.RowId)}, g.grantee_tenant_id AS {nameof(Candidate.TenantId)}, g.id AS {nameof(Candidate.SubjectId)},
               0 AS {nameof(Candidate.Number)}, g.valid_from AS {nameof(Candidate.DueOn)}, 0 AS {nameof(Candidate.Settled)}
        """;

    const string RevokedGrantColumns = $"""
        g.id AS {nameof(Candidate.RowId)}, g.grantee_tenant_id AS {nameof(Candidate.TenantId)}, g.id AS {nameof(Candidate.SubjectId)},
               0 AS {nameof(Candidate.Number)}, g.revoked_on AS {nameof(Candidate.DueOn)}, 0 AS {nameof(Candidate.Settled)}
        """;

    const string CreatedGrantsSql = $"""
        SELECT {CreatedGrantColumns}
        FROM sharing_grants g {SqlDialect.UpdateLock}
        WHERE g.created_notified = 0
        ORDER BY g.id {SqlDialect.Limit}
        """;

    const string RevokedGrantsSql = $"""
        SELECT {RevokedGrantColumns}
        FROM sharing_grants g {SqlDialect.UpdateLock}
        WHERE g.revoked_notified = 0 AND g.revoked_at IS NOT NULL
        ORDER BY g.id {SqlDialect.Limit}
        """;

    const string CreatedGrantSql = $"SELECT {CreatedGrantColumns} FROM sharing_grants g WHERE g.id = @Id AND g.created_notified = 0";

    const string RevokedGrantSql = $"SELECT {RevokedGrantColumns} FROM sharing_grants g WHERE g.id = @Id AND g.revoked_notified = 0 AND g.revoked_at IS NOT NULL";

    const string MarkDueSql = "UPDATE discount_periods SET due_notified = 1 WHERE id = @RowId";
    const string MarkOverdueSql = "UPDATE discount_periods SET overdue_notified = 1 WHERE id = @RowId";
    const string MarkDiscountEndingSql = "UPDATE discounts SET ending_notified = 1 WHERE id = @RowId";
    const string MarkLeaseEndingSql = "UPDATE leases SET ending_notified = 1 WHERE id = @RowId";
    const string MarkNoticeDeadlineSql = "UPDATE lease_notice_deadlines SET notified = 1 WHERE id = @RowId";
    const string MarkGrantCreatedSql = "UPDATE sharing_grants SET created_notified = 1 WHERE id = @RowId";
    const string MarkGrantRevokedSql = "UPDATE sharing_grants SET revoked_notified = 1 WHERE id = @RowId";

    /// <summary>What one kind of notice is: the flag that marks its source row, its type, subject, unique key and message.</summary>
    sealed record NoticeKind(string MarkSql, NotificationType Type, NotificationSubject Subject, Func<Candidate, string> Key, Func<Candidate, string> Message);

    static readonly NoticeKind GrantCreated = new(MarkGrantCreatedSql, NotificationType.SharingGrantCreated, NotificationSubject.SharingGrant,
        c => $"{c.SubjectId}", c => $"Sharing grant {c.SubjectId} lets you read another tenant's data from {c.DueOn:yyyy-MM-dd}; see received-grants.");

    static readonly NoticeKind GrantRevoked = new(MarkGrantRevokedSql, NotificationType.SharingGrantRevoked, NotificationSubject.SharingGrant,
        c => $"{c.SubjectId}", c => $"Sharing grant {c.SubjectId} was revoked on {c.DueOn:yyyy-MM-dd}.");

    public async Task<ReminderScanResult> RunAsync(CancellationToken ct)
    {
        var today = calendar.Today;
        var created = new List<Guid>();

        var due = await ScanAsync(DueEvaluationsSql, new { Today = today }, new(MarkDueSql, NotificationType.DiscountEvaluationDue, NotificationSubject.Discount,
            c => $"{c.SubjectId}:{c.Number}", c => $"The evaluation of period {c.Number} of discount {c.SubjectId} is due on {c.DueOn:yyyy-MM-dd}."), created, ct);
        var overdue = await ScanAsync(OverdueEvaluationsSql, new { Today = today }, new(MarkOverdueSql, NotificationType.DiscountEvaluationOverdue, NotificationSubject.Discount,
            c => $"{c.SubjectId}:{c.Number}", c => $"Period {c.Number} of discount {c.SubjectId} ended on {c.DueOn:yyyy-MM-dd} without an evaluation."), created, ct);
        var discountsEnding = await ScanAsync(EndingDiscountsSql, new { Today = today }, new(MarkDiscountEndingSql, NotificationType.DiscountEnding, NotificationSubject.Discount,
            c => $"{c.SubjectId}:{c.DueOn:yyyy-MM-dd}", c => $"Discount {c.SubjectId} ends on {c.DueOn:yyyy-MM-dd}."), created, ct);
        var leasesEnding = await ScanAsync(EndingLeasesSql, new { Horizon = today.AddDays(ReminderOptions.LeaseEndingLeadDays) }, new(MarkLeaseEndingSql,
            NotificationType.LeaseEnding, NotificationSubject.Lease,
            c => $"{c.SubjectId}:{c.DueOn:yyyy-MM-dd}", c => $"Lease {c.SubjectId} ends on {c.DueOn:yyyy-MM-dd}."), created, ct);
        var noticeDeadlines = await ScanAsync(NoticeDeadlinesSql, new { Today = today }, new(MarkNoticeDeadlineSql,
            NotificationType.LeaseNoticeDeadline, NotificationSubject.Lease, c => $"{c.SubjectId}:{c.DueOn:yyyy-MM-dd}",
            c => $"Lease {c.SubjectId} (art. 7:290 BW) ends only by notice of at least one year: to end it at its statutory end, give notice by {c.DueOn:yyyy-MM-dd}."),
            created, ct);

        // A grant's notice is written in the grant's own transaction; this finds only grants an older version left unsent.
        await ScanAsync(CreatedGrantsSql, new { }, GrantCreated, created, ct);
        await ScanAsync(RevokedGrantsSql, new { }, GrantRevoked, created, ct);
        var requeued = await webhooks.RequeueStrandedAsync(ct);
        var result = new ReminderScanResult(today, due, overdue, discountsEnding, leasesEnding, noticeDeadlines);
        if (created.Count > 0 || requeued > 0)
            logger.LogInformation("Reminder scan of {Today} wrote {Count} notification(s) and requeued {Requeued} stranded webhook deliveries", today, created.Count, requeued);
        return result;
    }

    /// <summary>
    /// Writes the grantee's notice of a grant just created or revoked, with its webhook deliveries, in the grant's own
    /// transaction on the system path (the notice belongs to the grantee, the grant to the owner). Returns the deliveries,
    /// to hand to <see cref="WebhookDispatch.Enqueue"/> once that transaction is committed.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> NotifyGrantAsync(DbSession session, Guid grantId, bool revoked, CancellationToken ct) =>
        await session.QuerySingleOrDefaultAsync<Candidate>(revoked ? RevokedGrantSql : CreatedGrantSql, new { Id = grantId }, ct) is { } candidate
            && await NotifyAsync(session, candidate, revoked ? GrantRevoked : GrantCreated, ct) is { } written
            ? written.Deliveries
            : [];

    async Task<int> ScanAsync(string candidatesSql, object window, NoticeKind kind, List<Guid> created, CancellationToken ct)
    {
        var count = 0;
        while (true)
        {
            var batchDeliveries = new List<Guid>();
            var batch = await db.TransactAsync(async session =>
            {
                var parameters = new Dapper.DynamicParameters(window);
                parameters.Add("Limit", Batch);
                var candidates = await session.ListAsync<Candidate>(candidatesSql, parameters, ct);
                foreach (var candidate in candidates)
                {
                    if (await NotifyAsync(session, candidate, kind, ct) is { } written)
                    {
                        created.Add(written.NotificationId);
                        batchDeliveries.AddRange(written.Deliveries);
                        count++;
                    }
                }

                return candidates.Count;
            }, ct);

            // Committed: hand this batch's deliveries to Hangfire now, not after the whole scan.
            webhooks.Enqueue(batchDeliveries);

            if (batch < Batch)
                return count;
        }
    }

    /// <summary>Writes the candidate's notification (unless settled or written before) with its deliveries, and marks the candidate.</summary>
    async Task<WrittenNotice?> NotifyAsync(DbSession session, Candidate candidate, NoticeKind kind, CancellationToken ct)
    {
        var written = candidate.Settled ? null : await notices.WriteAsync(session, new TenantNotice(candidate.TenantId, kind.Type, kind.Subject,
            candidate.SubjectId, candidate.DueOn, kind.Key(candidate), kind.Message(candidate)), ct);
        await session.ExecuteAsync(kind.MarkSql, new { candidate.RowId }, ct);
        return written;
    }

    public sealed class Candidate
    {
        public Guid RowId { get; init; }
        public Guid TenantId { get; init; }
        public Guid SubjectId { get; init; }
        public int Number { get; init; }
        public DateOnly DueOn { get; init; }

        /// <summary>Already evaluated: nothing to remind of, but the row is marked so no scan reads it again.</summary>
        public bool Settled { get; init; }
    }
}
