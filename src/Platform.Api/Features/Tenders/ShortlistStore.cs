using Platform.Api.Concurrency;
using Platform.Api.Features.Applications;
using Platform.Api.Features.Audit;
using Platform.Api.Features.Notifications;
using Platform.Api.Features.Webhooks;
using Platform.Api.Persistence;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Tenders;

/// <summary>
/// The landlord's shortlist of a closed tender: the tender's transition and its applications' statuses, written on the owner
/// path, and the notices of each application's outcome to the landlord and to the applicant tenant, in one transaction. The
/// notices cross tenants, so the transaction is the system path's, with the owner's statements bound to the owner.
/// </summary>
public sealed class ShortlistStore(TenantDb db, SystemDb system, TenderStore tenders, AuditLog audit, TenantNotices notices, WebhookDispatch webhooks,
    PlatformCalendar calendar)
{
    const string CandidatesSql = $"""
        SELECT id AS {nameof(ShortlistCandidateRow.Id)}, status AS {nameof(ShortlistCandidateRow.Status)},
               submitter_tenant_id AS {nameof(ShortlistCandidateRow.SubmitterTenantId)}
        FROM tender_applications {SqlDialect.UpdateLock}
        WHERE tenant_id = @TenantId AND tender_id = @TenderId
        ORDER BY id
        """;

    const string PlaceSql = """
        UPDATE tender_applications
        SET status = @Status, shortlist_note = @Note, shortlist_position = @Position, updated_at = @Now, version = version + 1
        WHERE tenant_id = @TenantId AND id = @Id
        """;

    public async Task<WriteOutcome<TenderRow>> ShortlistAsync(Guid tenderId, IReadOnlyList<ShortlistChoice> entries, CancellationToken ct)
    {
        var owner = db.TenantId;
        IReadOnlyList<Guid> deliveries = [];
        var outcome = await system.TransactAsync(async systemSession =>
        {
            var session = systemSession.OwnedBy(owner);
            var decided = await tenders.DecideAsync(session, tenderId, TenderTransition.Shortlist, ct);
            if (decided.Status != WriteStatus.Done)
                return decided.Refusal<TenderRow>();

            var candidates = await session.ListAsync<ShortlistCandidateRow>(CandidatesSql, new { TenderId = tenderId }, ct);
            var shortlist = ApplicationRules.Shortlist(candidates.Select(c => new ShortlistCandidate(c.Id, EnumText<ApplicationStatus>.Parse(c.Status))).ToList(), entries);
            if (shortlist.Refusal is { } refusal)
                return refusal.Field is { } field ? WriteOutcome<TenderRow>.Invalid(field, refusal.Reason)
                    : WriteOutcome<TenderRow>.Conflict(refusal.Kind!, refusal.Reason);

            var change = decided.Value!;
            var tender = await tenders.WriteAsync(session, change, ct) with
            {
                Shortlist = shortlist.Placements.Where(p => p.Position is not null).Select(p => new ShortlistPlace(p.ApplicationId, p.Position!.Value)).ToList(),
            };
            var submitters = candidates.ToDictionary(c => c.Id, c => c.SubmitterTenantId);
            var eligible = ApplicationSql.Text(ApplicationStatus.Eligible);
            foreach (var placement in shortlist.Placements)
            {
                var status = ApplicationSql.Text(placement.Status);
                await session.ExecuteAsync(PlaceSql, new { Id = placement.ApplicationId, Status = status, placement.Note, placement.Position, Now = change.At }, ct);
                await audit.RecordAsync(session, AuditEntityType.Application, placement.ApplicationId,
                    placement.Status == ApplicationStatus.Shortlisted ? AuditAction.Shortlisted : AuditAction.NotSelected,
                    new { status = eligible }, new { status, shortlistNote = placement.Note, shortlistPosition = placement.Position }, ct);
            }

            deliveries = await notices.WriteAllAsync(systemSession,
                shortlist.Placements.SelectMany(p => Notices(tender, owner, submitters[p.ApplicationId], p)), ct);
            return WriteOutcome<TenderRow>.Done(tender);
        }, ct);
        webhooks.Enqueue(deliveries);
        return outcome;
    }

    /// <summary>The landlord's notice of an application's outcome, and the applicant's own when a tenant other than the landlord submitted it.</summary>
    IEnumerable<TenantNotice> Notices(TenderRow tender, Guid owner, Guid submitter, ShortlistPlacement placement)
    {
        var shortlisted = placement.Status == ApplicationStatus.Shortlisted;
        var type = shortlisted ? NotificationType.ApplicationShortlisted : NotificationType.ApplicationNotSelected;
        var key = placement.ApplicationId.ToString();
        yield return new TenantNotice(owner, type, NotificationSubject.Application, placement.ApplicationId, calendar.Today, key, shortlisted
            ? $"Application {placement.ApplicationId} is on the shortlist of tender \"{tender.Title}\" as number {placement.Position}."
            : $"Application {placement.ApplicationId} to tender \"{tender.Title}\" was not selected for the shortlist.");
        if (submitter != owner)
            yield return new TenantNotice(submitter, type, NotificationSubject.Application, placement.ApplicationId, calendar.Today, key, shortlisted
                ? $"Your application {placement.ApplicationId} to tender \"{tender.Title}\" is on the shortlist: you pitch as number {placement.Position}."
                : $"Your application {placement.ApplicationId} to tender \"{tender.Title}\" was not selected for the shortlist.");
    }

    sealed class ShortlistCandidateRow
    {
        public Guid Id { get; init; }
        public required string Status { get; init; }
        public Guid SubmitterTenantId { get; init; }
    }
}
