using Platform.Api.Features.Audit;
using Platform.Api.Features.Notifications;
using Platform.Api.Persistence;

namespace Platform.Api.Features.Tenders;

/// <summary>What one scan did to tenders: notices written (a rerun writes none).</summary>
public sealed record TenderReminderResult(int Closed, int ClosingSoon, int PitchNightsUpcoming);

/// <summary>
/// The reminder scan's part for tenders, platform-wide on the system path: it closes every open tender whose closesAt has
/// passed (once: the update needs the tender still published, and is audited as the system), sends <c>tender.closing_soon</c>
/// to the landlord three days before closesAt, and <c>pitch_night.upcoming</c> to the landlord and to each shortlisted
/// applicant tenant two days before the pitch night. A scan reads only the pitch nights due (shortlisted, not announced yet,
/// starting within two days, by a partial index) and marks each announced in the transaction that writes its notices; every
/// notice also has a unique key, so reruns and restarts write it once.
/// </summary>
public sealed class TenderReminders(SystemDb db, TenantNotices notices, AuditLog audit, TimeProvider clock, PlatformCalendar calendar)
{
    const string DueTendersSql = $"""
        SELECT id AS {nameof(DueTender.Id)}, tenant_id AS {nameof(DueTender.TenantId)}, title AS {nameof(DueTender.Title)},
               status AS {nameof(DueTender.Status)}, closes_at AS {nameof(DueTender.ClosesAt)}
        FROM tenders
        WHERE status = 'published' AND closes_at <= @Horizon
        ORDER BY id
        """;

    const string CloseSql = """
        UPDATE tenders SET status = 'closed', closed_at = @Now, updated_at = @Now, version = version + 1
        WHERE tenant_id = @TenantId AND id = @Id AND status = 'published'
        """;

    // The index ix_tenders_pitch_night_due holds exactly the shortlisted tenders whose pitch night is not announced yet.
    const string DuePitchNightsSql = $"""
        SELECT id AS {nameof(ShortlistedTender.Id)}, tenant_id AS {nameof(ShortlistedTender.TenantId)}, title AS {nameof(ShortlistedTender.Title)},
               pitch_night AS {nameof(ShortlistedTender.PitchNight)}
        FROM tenders
        WHERE status = 'shortlisted' AND pitch_night_notified_at IS NULL AND pitch_night_starts_at > @Now AND pitch_night_starts_at <= @Horizon
        ORDER BY pitch_night_starts_at
        """;

    const string PitchNightNotifiedSql = """
        UPDATE tenders SET pitch_night_notified_at = @Now WHERE tenant_id = @TenantId AND id = @Id AND pitch_night_notified_at IS NULL
        """;

    const string ShortlistedApplicantsSql = $"""
        SELECT id AS {nameof(ShortlistedApplicant.Id)}, submitter_tenant_id AS {nameof(ShortlistedApplicant.SubmitterTenantId)},
               shortlist_position AS {nameof(ShortlistedApplicant.Position)}
        FROM tender_applications
        WHERE tenant_id = @TenantId AND tender_id = @TenderId AND shortlist_position IS NOT NULL
        ORDER BY shortlist_position
        """;

    /// <summary>Writes what is due; returns the notices written and hands their webhook deliveries to <paramref name="enqueue"/> once committed.</summary>
    public async Task<TenderReminderResult> RunAsync(Action<IReadOnlyList<Guid>> enqueue, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (closed, closingSoon, pitchNights) = (0, 0, 0);
        var deliveries = await db.TransactAsync(async session =>
        {
            var written = new List<Guid>();
            foreach (var tender in await session.ListAsync<DueTender>(DueTendersSql, new { Horizon = now + TenderRules.ClosingSoonLead }, ct))
            {
                var stored = EnumText<TenderStatus>.Parse(tender.Status);
                if (TenderRules.ClosesNow(stored, tender.ClosesAt, now)
                    && await session.ExecuteAsync(CloseSql, new { tender.TenantId, tender.Id, Now = now }, ct) == 1)
                {
                    closed++;
                    await audit.RecordAsSystemAsync(session, tender.TenantId, AuditEntityType.Tender, tender.Id, AuditAction.Closed,
                        new { status = EnumText<TenderStatus>.ToText(TenderStatus.Open) },
                        new { status = EnumText<TenderStatus>.ToText(TenderStatus.Closed), closedAt = now }, ct);
                }
                else if (TenderRules.ClosingSoon(stored, tender.ClosesAt, now)
                         && await notices.WriteAsync(session, new TenantNotice(tender.TenantId, NotificationType.TenderClosingSoon, NotificationSubject.Tender,
                             tender.Id, calendar.DateOf(tender.ClosesAt), tender.Id.ToString(),
                             $"Tender \"{tender.Title}\" closes at {tender.ClosesAt.ToUniversalTime():yyyy-MM-dd HH:mm} UTC."), ct) is { } notified)
                {
                    closingSoon++;
                    written.AddRange(notified.Deliveries);
                }
            }

            foreach (var tender in await session.ListAsync<ShortlistedTender>(DuePitchNightsSql, new { Now = now, Horizon = now + TenderRules.PitchNightReminderLead }, ct))
            {
                var night = TenderJson.Read<PitchNight>(tender.PitchNight);
                if (!TenderRules.PitchNightUpcoming(night, now))
                    continue;
                await session.ExecuteAsync(PitchNightNotifiedSql, new { tender.TenantId, tender.Id, Now = now }, ct);
                var applicants = await session.ListAsync<ShortlistedApplicant>(ShortlistedApplicantsSql, new { tender.TenantId, TenderId = tender.Id }, ct);
                foreach (var notice in PitchNightNotices(tender, night, applicants))
                {
                    if (await notices.WriteAsync(session, notice, ct) is { } notified)
                    {
                        pitchNights++;
                        written.AddRange(notified.Deliveries);
                    }
                }
            }

            return written;
        }, ct);
        enqueue(deliveries);
        return new TenderReminderResult(closed, closingSoon, pitchNights);
    }

    /// <summary>The landlord's notice of the whole evening, and each applicant tenant's of its own slot (not the landlord's website's).</summary>
    IEnumerable<TenantNotice> PitchNightNotices(ShortlistedTender tender, PitchNight night, IReadOnlyList<ShortlistedApplicant> applicants)
    {
        var day = calendar.DateOf(night.StartsAt);
        yield return new TenantNotice(tender.TenantId, NotificationType.PitchNightUpcoming, NotificationSubject.Tender, tender.Id, day, tender.Id.ToString(),
            $"The pitch night of tender \"{tender.Title}\" starts at {night.StartsAt.ToUniversalTime():yyyy-MM-dd HH:mm} UTC at {night.Location}, "
            + $"with {applicants.Count} shortlisted applicant(s).");
        foreach (var applicant in applicants.Where(a => a.SubmitterTenantId != tender.TenantId))
        {
            var slot = TenderRules.SlotOf(night, new ShortlistPlace(applicant.Id, applicant.Position));
            yield return new TenantNotice(applicant.SubmitterTenantId, NotificationType.PitchNightUpcoming, NotificationSubject.Application, applicant.Id, day,
                applicant.Id.ToString(), $"Your pitch for tender \"{tender.Title}\" is number {slot.Number}, from {slot.StartsAt:yyyy-MM-dd HH:mm} to "
                + $"{slot.EndsAt:HH:mm} UTC at {night.Location}.");
        }
    }

    sealed class DueTender
    {
        public Guid Id { get; init; }
        public Guid TenantId { get; init; }
        public required string Title { get; init; }
        public required string Status { get; init; }
        public DateTimeOffset ClosesAt { get; init; }
    }

    sealed class ShortlistedTender
    {
        public Guid Id { get; init; }
        public Guid TenantId { get; init; }
        public required string Title { get; init; }
        public required string PitchNight { get; init; }
    }

    sealed class ShortlistedApplicant
    {
        public Guid Id { get; init; }
        public Guid SubmitterTenantId { get; init; }
        public int Position { get; init; }
    }
}
