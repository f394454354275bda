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
public sealed class ReminderScan(SystemDb db, WebhookDispatch webhooks, TimeProvider clock, PlatformCalendar calendar, ILogger<ReminderScan> logger)
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

    const string CreatedGrantsSql = $"""
        SELECT g.id AS {nameof(Candidate.RowId)}, g.grantee_tenant_id AS {nameof(Candidate.TenantId)}, g.id AS {nameof(Candidate.SubjectId)},
               0 AS {nameof(Candidate.Number)}, g.valid_from AS {nameof(Candidate.DueOn)}, 0 AS {nameof(Candidate.Settled)}
        FROM sharing_grants g {SqlDialect.UpdateLock}
        WHERE g.created_notified = 0
        ORDER BY g.id {SqlDialect.Limit}
        """;

    const string RevokedGrantsSql = $"""
        SELECT g.id AS {nameof(Candidate.RowId)}, g.grantee_tenant_id AS {nameof(Candidate.TenantId)}, g.id AS {nameof(Candidate.SubjectId)},
               0 AS {nameof(Candidate.Number)}, g.revoked_on AS {nameof(Candidate.DueOn)}, 0 AS {nameof(Candidate.Settled)}
        FROM sharing_grants g {SqlDialect.UpdateLock}
        WHERE g.revoked_notified = 0 AND g.revoked_at IS NOT NULL
        ORDER BY g.id {SqlDialect.Limit}
        """;

    const string MarkDueSql = "UPDATE discount_periods SET due_notified = 1 WHERE id = @RowId";
    const string MarkOverdueSql = "UPDATE discount_periods SET overdue_notified = 1 WHERE id = @RowId";
    const string MarkDiscountEndingSql = "UPDATE discounts SET ending_notified = 1 WHERE id = @RowId";
    const string MarkLeaseEndingSql = "UPDATE leases SET ending_notified = 1 WHERE id = @RowId";
    const string MarkNoticeDeadlineSql = "UPDATE lease_notice_deadlines SET notified = 1 WHERE id = @RowId";
    const string MarkGrantCreatedSql = "UPDATE sharing_grants SET created_notified = 1 WHERE id = @RowId";
    const string MarkGrantRevokedSql = "UPDATE sharing_grants SET revoked_notified = 1 WHERE id = @RowId";

    const string InsertNotificationSql = """
        INSERT INTO notifications (id, tenant_id, type, unique_key, subject_type, subject_id, due_on, message, created_at)
        SELECT @Id, @TenantId, @Type, @Key, @SubjectType, @SubjectId, @DueOn, @Message, @Now
        WHERE NOT EXISTS (SELECT 1 FROM notifications WHERE tenant_id = @TenantId AND unique_key = @Key)
        """;

    public async Task<ReminderScanResult> RunAsync(CancellationToken ct)
    {
        var today = calendar.Today;
        var created = new List<Guid>();

        var due = await ScanAsync(DueEvaluationsSql, new { Today = today }, MarkDueSql, NotificationType.DiscountEvaluationDue, NotificationSubject.Discount,
            c => $"{c.SubjectId}:{c.Number}", c => $"The evaluation of period {c.Number} of discount {c.SubjectId} is due on {c.DueOn:yyyy-MM-dd}.", created, ct);
        var overdue = await ScanAsync(OverdueEvaluationsSql, new { Today = today }, MarkOverdueSql, NotificationType.DiscountEvaluationOverdue, NotificationSubject.Discount,
            c => $"{c.SubjectId}:{c.Number}", c => $"Period {c.Number} of discount {c.SubjectId} ended on {c.DueOn:yyyy-MM-dd} without an evaluation.", created, ct);
        var discountsEnding = await ScanAsync(EndingDiscountsSql, new { Today = today }, MarkDiscountEndingSql, NotificationType.DiscountEnding, NotificationSubject.Discount,
            c => $"{c.SubjectId}:{c.DueOn:yyyy-MM-dd}", c => $"Discount {c.SubjectId} ends on {c.DueOn:yyyy-MM-dd}.", created, ct);
        var leasesEnding = await ScanAsync(EndingLeasesSql, new { Horizon = today.AddDays(ReminderOptions.LeaseEndingLeadDays) }, MarkLeaseEndingSql,
            NotificationType.LeaseEnding, NotificationSubject.Lease,
            c => $"{c.SubjectId}:{c.DueOn:yyyy-MM-dd}", c => $"Lease {c.SubjectId} ends on {c.DueOn:yyyy-MM-dd}.", created, ct);
        var noticeDeadlines = await ScanAsync(NoticeDeadlinesSql, new { Today = today }, MarkNoticeDeadlineSql,
            NotificationType.LeaseNoticeDeadline, NotificationSubject.Lease, c => $"{c.SubjectId}:{c.DueOn:yyyy-MM-dd}",
            c => $"Lease {c.SubjectId} (art. 7:290 BW) ends only by notice of at least one year: to end it at its statutory end, give notice by {c.DueOn:yyyy-MM-dd}.",
            created, ct);

        await NotifySharingGrantsAsync(created, ct);
        var requeued = await webhooks.RequeueStrandedAsync(ct);
        var result = new ReminderScanResult(today, due, overdue, discountsEnding, leasesEnding, noticeDeadlines);
        if (created.Count > 0 || requeued > 0)
            logger.LogInformation("Reminder scan of {Today} wrote {Count} notification(s) and requeued {Requeued} stranded webhook deliveries", today, created.Count, requeued);
        return result;
    }

    /// <summary>
    /// Tells grantees of the grants created and revoked since the last call: run right after a grant is written, and by every
    /// scan, which catches a notice the process stopped before sending. The notice goes to the grantee's feed, across tenants.
    /// </summary>
    /// <remarks>
    /// Called after the grant's transaction has committed, so a failure here must not turn the committed write into an
    /// error answer: it is logged, and the next scan sends what is left (the notified flags say what that is).
    /// </remarks>
    public async Task NotifySharingGrantsAsync(CancellationToken ct)
    {
        try
        {
            await NotifySharingGrantsAsync([], ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Sharing grant notices could not be written now; the next reminder scan sends them");
        }
    }

    async Task NotifySharingGrantsAsync(List<Guid> created, CancellationToken ct)
    {
        await ScanAsync(CreatedGrantsSql, new { }, MarkGrantCreatedSql, NotificationType.SharingGrantCreated, NotificationSubject.SharingGrant,
            c => $"{c.SubjectId}", c => $"Sharing grant {c.SubjectId} lets you read another tenant's data from {c.DueOn:yyyy-MM-dd}; see received-grants.", created, ct);
        await ScanAsync(RevokedGrantsSql, new { }, MarkGrantRevokedSql, NotificationType.SharingGrantRevoked, NotificationSubject.SharingGrant,
            c => $"{c.SubjectId}", c => $"Sharing grant {c.SubjectId} was revoked on {c.DueOn:yyyy-MM-dd}.", created, ct);
    }

    async Task<int> ScanAsync(string candidatesSql, object window, string markSql, NotificationType type, NotificationSubject subject,
        Func<Candidate, string> key, Func<Candidate, string> message, List<Guid> created, CancellationToken ct)
    {
        var typeText = EnumText<NotificationType>.ToText(type);
        var subjectText = EnumText<NotificationSubject>.ToText(subject);
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
                    if (!candidate.Settled)
                    {
                        var id = Ids.New(clock.GetUtcNow());
                        var inserted = await session.ExecuteAsync(InsertNotificationSql, new
                        {
                            Id = id,
                            candidate.TenantId,
                            Type = typeText,
                            Key = $"{typeText}:{key(candidate)}",
                            SubjectType = subjectText,
                            candidate.SubjectId,
                            candidate.DueOn,
                            Message = message(candidate),
                            Now = clock.GetUtcNow(),
                        }, ct);
                        if (inserted == 1)
                        {
                            created.Add(id);
                            batchDeliveries.AddRange(await webhooks.CreateDeliveriesAsync(session, candidate.TenantId, id, typeText, ct));
                            count++;
                        }
                    }

                    await session.ExecuteAsync(markSql, new { candidate.RowId }, ct);
                }

                return candidates.Count;
            }, ct);

            // Committed: hand this batch's deliveries to Hangfire now, not after the whole scan.
            webhooks.Enqueue(batchDeliveries);

            if (batch < Batch)
                return count;
        }
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
