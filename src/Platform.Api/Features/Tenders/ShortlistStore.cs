using Platform.Api.Concurrency;
using Platform.Api.Features.Applications;
using Platform.Api.Features.Audit;
using Platform.Api.Persistence;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Tenders;

/// <summary>The landlord's shortlist of a closed tender, on the owner path: the tender's transition and its applications' statuses in one transaction.</summary>
public sealed class ShortlistStore(TenantDb db, TenderStore tenders, AuditLog audit)
{
    const string CandidatesSql = $"""
        SELECT id AS {nameof(ShortlistCandidateRow.Id)}, status AS {nameof(ShortlistCandidateRow.Status)}
        FROM tender_applications {SqlDialect.UpdateLock}
        WHERE tenant_id = @TenantId AND tender_id = @TenderId
        ORDER BY id
        """;

    const string PlaceSql = """
        UPDATE tender_applications
        SET status = @Status, shortlist_note = @Note, shortlist_position = @Position, updated_at = @Now, version = version + 1
        WHERE tenant_id = @TenantId AND id = @Id
        """;

    public Task<WriteOutcome<TenderRow>> ShortlistAsync(Guid tenderId, IReadOnlyList<ShortlistChoice> entries, CancellationToken ct) =>
        db.TransactAsync(async session =>
        {
            var decided = await tenders.DecideAsync(session, tenderId, TenderTransition.Shortlist, ct);
            if (decided.Status != WriteStatus.Done)
                return decided.Refusal<TenderRow>();

            var candidates = (await session.ListAsync<ShortlistCandidateRow>(CandidatesSql, new { TenderId = tenderId }, ct))
                .Select(c => new ShortlistCandidate(c.Id, EnumText<ApplicationStatus>.Parse(c.Status))).ToList();
            var shortlist = ApplicationRules.Shortlist(candidates, entries);
            if (shortlist.Refusal is { } refusal)
                return refusal.Field is { } field ? WriteOutcome<TenderRow>.Invalid(field, refusal.Reason)
                    : WriteOutcome<TenderRow>.Conflict(refusal.Kind!, refusal.Reason);

            var change = decided.Value!;
            var tender = await tenders.WriteAsync(session, change, ct);
            var eligible = ApplicationSql.Text(ApplicationStatus.Eligible);
            foreach (var placement in shortlist.Placements)
            {
                var status = ApplicationSql.Text(placement.Status);
                await session.ExecuteAsync(PlaceSql, new { Id = placement.ApplicationId, Status = status, placement.Note, placement.Position, Now = change.At }, ct);
                await audit.RecordAsync(session, AuditEntityType.Application, placement.ApplicationId,
                    placement.Status == ApplicationStatus.Shortlisted ? AuditAction.Shortlisted : AuditAction.NotSelected,
                    new { status = eligible }, new { status, shortlistNote = placement.Note, shortlistPosition = placement.Position }, ct);
            }

            return WriteOutcome<TenderRow>.Done(tender);
        }, ct);

    sealed class ShortlistCandidateRow
    {
        public Guid Id { get; init; }
        public required string Status { get; init; }
    }
}
