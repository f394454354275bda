using Platform.Api.Concurrency;
using Platform.Api.Features.Applications;
using Platform.Api.Features.Audit;
using Platform.Api.Features.Discounts;
using Platform.Api.Features.Leases;
using Platform.Api.Features.Notifications;
using Platform.Api.Features.RentRevisions;
using Platform.Api.Features.Tenders;
using Platform.Api.Features.Webhooks;
using Platform.Api.Persistence;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Awards;

/// <summary>
/// The award of a pitching tender, in one transaction: the tender's transition, the winner's lease and discount through the
/// lease and discount stores' own create logic, the award row, every shortlisted application's outcome, and the notices to
/// the landlord and the applicant tenants. The notices cross tenants, so the transaction is the system path's, with the
/// owner's statements bound to the owner (as the shortlist's).
/// </summary>
public sealed class AwardStore(TenantDb db, SystemDb system, TenderStore tenders, LeaseStore leases, DiscountStore discounts, AuditLog audit,
    TenantNotices notices, WebhookDispatch webhooks, PlatformCalendar calendar)
{
    public const string OfferedDiscountInvalid = "tender-offered-discount-invalid";

    const string ApplicationStatusSql = $"""
        SELECT status FROM tender_applications {SqlDialect.UpdateLock}
        WHERE tenant_id = @TenantId AND tender_id = @TenderId AND id = @Id
        """;

    const string InsertAwardSql = """
        INSERT INTO tender_awards (tenant_id, tender_id, application_id, jury_report, lease_id, discount_id, awarded_at)
        VALUES (@TenantId, @TenderId, @ApplicationId, @JuryReport, @LeaseId, @DiscountId, @AwardedAt)
        """;

    const string OutcomeSql = """
        UPDATE tender_applications SET status = @Status, jury_outcome = @JuryOutcome, updated_at = @Now, version = version + 1
        WHERE tenant_id = @TenantId AND id = @Id
        """;

    public async Task<WriteOutcome<TenderRow>> AwardAsync(Guid tenderId, Guid applicationId, string juryReport, CancellationToken ct)
    {
        var owner = db.TenantId;
        IReadOnlyList<Guid> deliveries = [];
        WriteOutcome<TenderRow> outcome;
        try
        {
            outcome = await system.TransactAsync(async systemSession =>
            {
                var session = systemSession.OwnedBy(owner);
                var decided = await tenders.DecideAsync(session, tenderId, TenderTransition.Award, ct);
                if (decided.Status != WriteStatus.Done)
                    return decided.Refusal<TenderRow>();

                var change = decided.Value!;
                var tender = change.Current;
                var jury = await RankingStore.LoadAsync(session, tenderId, TenderJson.Read<List<TenderCriterion>>(tender.Criteria), ct);
                var status = await session.QuerySingleOrDefaultAsync<string>(ApplicationStatusSql, new { TenderId = tenderId, Id = applicationId }, ct);
                var decision = AwardRules.Decide(applicationId, status is null ? null : EnumText<ApplicationStatus>.Parse(status), jury, tender.UnitIds.Count);
                if (decision.Refusal is { } refusal)
                    return refusal.Field is { } field ? WriteOutcome<TenderRow>.Invalid(field, refusal.Reason)
                        : WriteOutcome<TenderRow>.Conflict(refusal.Kind!, refusal.Reason);

                var offered = TenderJson.Read<OfferedTerms>(tender.OfferedTerms);
                var winner = jury.Applications.Single(a => a.Id == applicationId);
                var lease = await leases.CreateAsync(session, LeaseFor(winner, offered, tender.UnitIds[0]), ct);
                if (lease.Status != WriteStatus.Done)
                    return lease.Refusal<TenderRow>();
                var discountId = offered.Discount is { } discount ? await GrantAsync(session, lease.Value!.Id, discount, ct) : null;

                var award = new TenderAward
                {
                    TenderId = tenderId, ApplicationId = applicationId, JuryReport = juryReport, LeaseId = lease.Value!.Id, DiscountId = discountId,
                    AwardedAt = change.At,
                };
                await session.ExecuteAsync(InsertAwardSql, award, ct);
                foreach (var placement in decision.Placements)
                    await PlaceAsync(session, placement, change.At, ct);
                var awarded = await tenders.WriteAsync(session, change with { Changed = change.Changed with { Award = award } }, ct);

                var applications = jury.Applications.ToDictionary(a => a.Id);
                deliveries = await notices.WriteAllAsync(systemSession,
                    decision.Placements.SelectMany(p => Notices(awarded, owner, applications[p.ApplicationId], p)), ct);
                return WriteOutcome<TenderRow>.Done(awarded);
            }, ct);
        }
        catch (AwardRolledBack rolledBack)
        {
            return rolledBack.Outcome;
        }

        webhooks.Enqueue(deliveries);
        return outcome;
    }

    /// <summary>The offered discount on the new lease; a refusal rolls the whole award back (the lease is written by then).</summary>
    async Task<Guid?> GrantAsync(DbSession session, Guid leaseId, CreateDiscountRequest offered, CancellationToken ct)
    {
        var lease = (await RentRevisionStore.LeaseTermsAsync(session, leaseId, ct))!;
        var granted = await discounts.CreateAsync(session, lease, offered, ct);
        return granted.Status switch
        {
            WriteStatus.Done => granted.Value!.Discount.Id,
            // The offer's fields were valid on their own, but not against the lease the award made of the offered terms.
            WriteStatus.Invalid => throw new AwardRolledBack(WriteOutcome<TenderRow>.Conflict(OfferedDiscountInvalid,
                $"The tender's offered discount does not fit the lease on its offered terms: offeredTerms.discount.{granted.ConflictKind}: {granted.Detail}")),
            _ => throw new AwardRolledBack(granted.Refusal<TenderRow>()),
        };
    }

    async Task PlaceAsync(DbSession session, AwardPlacement placement, DateTimeOffset now, CancellationToken ct)
    {
        var status = ApplicationSql.Text(placement.Status);
        var outcome = TenderJson.Write(JuryOutcomeResponse.From(placement.Outcome));
        await session.ExecuteAsync(OutcomeSql, new { Id = placement.ApplicationId, Status = status, JuryOutcome = outcome, Now = now }, ct);
        await audit.RecordAsync(session, AuditEntityType.Application, placement.ApplicationId,
            placement.Status == ApplicationStatus.Awarded ? AuditAction.Awarded : AuditAction.Rejected,
            new { status = ApplicationSql.Text(ApplicationStatus.Shortlisted) }, new { status, juryOutcome = outcome }, ct);
    }

    /// <summary>The winner's lease: the applicant's organisation (or name), KvK number and e-mail; the offered rent, regime and start; open-ended.</summary>
    static CreateLeaseRequest LeaseFor(ShortlistedApplication winner, OfferedTerms offered, Guid unitId) => new()
    {
        UnitId = unitId,
        Regime = offered.LeaseRegime,
        BaseRentCentsPerMonth = offered.BaseRentCentsPerMonth,
        StartDate = offered.LeaseStartDate,
        Lessee = new Lessee
        {
            Name = winner.ApplicantOrganisation ?? winner.ApplicantName, KvkNumber = winner.ApplicantKvkNumber!, ContactEmail = winner.ApplicantEmail,
        },
    };

    /// <summary>The landlord's notice of an application's outcome, and the applicant's own (with its own figures only) when another tenant submitted it.</summary>
    IEnumerable<TenantNotice> Notices(TenderRow tender, Guid owner, ShortlistedApplication application, AwardPlacement placement)
    {
        var awarded = placement.Status == ApplicationStatus.Awarded;
        var type = awarded ? NotificationType.ApplicationAwarded : NotificationType.ApplicationRejected;
        var key = placement.ApplicationId.ToString();
        var figures = AwardRules.Describe(placement.Outcome);
        yield return new TenantNotice(owner, type, NotificationSubject.Application, placement.ApplicationId, calendar.Today, key, awarded
            ? $"Application {placement.ApplicationId} won tender \"{tender.Title}\": its lease is {tender.Award!.LeaseId}. Jury outcome: {figures}."
            : $"Application {placement.ApplicationId} to tender \"{tender.Title}\" was rejected at the award. Jury outcome: {figures}.");
        if (application.SubmitterTenantId != owner)
            yield return new TenantNotice(application.SubmitterTenantId, type, NotificationSubject.Application, placement.ApplicationId, calendar.Today, key,
                awarded
                    ? $"Your application {placement.ApplicationId} won tender \"{tender.Title}\". The jury's outcome for your plan: {figures}."
                    : $"Your application {placement.ApplicationId} to tender \"{tender.Title}\" was not chosen. The jury's outcome for your plan: {figures}.");
    }

    /// <summary>Thrown inside the transaction to roll back what the award wrote before a refusal; caught as the award's outcome.</summary>
    sealed class AwardRolledBack(WriteOutcome<TenderRow> outcome) : Exception(outcome.Detail)
    {
        public WriteOutcome<TenderRow> Outcome { get; } = outcome;
    }
}
