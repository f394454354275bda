using Platform.Api.Concurrency;
using Platform.Api.Features.Audit;
using Platform.Api.Features.Tenders;
using Platform.Api.Persistence;

namespace Platform.Api.Features.Applications;

/// <summary>A tender as an applicant's submission sees it, from any tenant.</summary>
public sealed class TenderForApplicants
{
    public Guid Id { get; init; }
    public Guid TenantId { get; init; }
    public required string Status { get; init; }
    public DateTimeOffset OpensAt { get; init; }
    public DateTimeOffset ClosesAt { get; init; }
    public required string RequiredSections { get; init; }

    public TenderWindow Window(DateTimeOffset now) => new(TenderRules.StatusAt(EnumText<TenderStatus>.Parse(Status), OpensAt, now), ClosesAt);
}

/// <summary>
/// What an applicant does, which crosses tenants, so it runs on the system path: an application to another tenant's tender
/// is written to the landlord's partition (tenant_id, with the submitter recorded) and a receipt to the submitter's, in one
/// transaction; the submitter reads, changes and withdraws it through that receipt only (every statement names the
/// receipt's tenant, @SubmitterTenantId, which is the acting tenant).
/// </summary>
public sealed class ApplicationSubmissions(SystemDb systemDb, AuditLog audit, TimeProvider clock)
{
    /// <summary>Published tenders only: a draft or a cancelled tender does not exist for applicants.</summary>
    const string TenderSql = $"""
        SELECT id AS {nameof(TenderForApplicants.Id)}, tenant_id AS {nameof(TenderForApplicants.TenantId)}, status AS {nameof(TenderForApplicants.Status)},
               opens_at AS {nameof(TenderForApplicants.OpensAt)}, closes_at AS {nameof(TenderForApplicants.ClosesAt)},
               required_sections AS {nameof(TenderForApplicants.RequiredSections)}
        FROM tenders {SqlDialect.UpdateLock}
        WHERE id = @TenderId AND status IN ('published', 'closed', 'shortlisted', 'pitching')
        """;

    const string SameApplicantSql = """
        SELECT COUNT(*) FROM tender_applications
        WHERE tenant_id = @TenantId AND tender_id = @TenderId AND status <> 'withdrawn' AND id <> @Id
          AND (LOWER(applicant_email) = @Email OR applicant_kvk_number = @KvkNumber)
        """;

    const string InsertSql = """
        INSERT INTO tender_applications (id, tenant_id, tender_id, submitter_tenant_id, submitted_by, applicant_name, applicant_organisation,
                                         applicant_kvk_number, applicant_email, applicant_phone, sections, requested_start_date, status,
                                         assessment_reason, created_at, updated_at, version)
        VALUES (@Id, @TenantId, @TenderId, @SubmitterTenantId, @SubmittedBy, @ApplicantName, @ApplicantOrganisation, @ApplicantKvkNumber,
                @ApplicantEmail, @ApplicantPhone, @Sections, @RequestedStartDate, 'submitted', NULL, @Now, @Now, 1)
        """;

    const string InsertReceiptSql = """
        INSERT INTO application_receipts (tenant_id, application_id, owner_tenant_id, created_at)
        VALUES (@SubmitterTenantId, @Id, @TenantId, @Now)
        """;

    const string FindOwnSql = $"""
        SELECT {ApplicationSql.Columns} FROM tender_applications a {SqlDialect.UpdateLock} {ApplicationSql.Joins}
        JOIN application_receipts r ON r.application_id = a.id AND r.tenant_id = a.submitter_tenant_id AND r.owner_tenant_id = a.tenant_id
        WHERE a.id = @Id AND a.submitter_tenant_id = @SubmitterTenantId
        """;

    const string ListReceiptsSql = $"""
        SELECT {ApplicationSql.Columns} FROM application_receipts r
        JOIN tender_applications a ON a.id = r.application_id AND a.tenant_id = r.owner_tenant_id AND a.submitter_tenant_id = r.tenant_id
        {ApplicationSql.Joins}
        WHERE r.tenant_id = @SubmitterTenantId AND a.id > @After
        ORDER BY a.id {SqlDialect.Limit}
        """;

    const string UpdateSql = """
        UPDATE tender_applications
        SET applicant_name = @ApplicantName, applicant_organisation = @ApplicantOrganisation, applicant_kvk_number = @ApplicantKvkNumber,
            applicant_email = @ApplicantEmail, applicant_phone = @ApplicantPhone, sections = @Sections, requested_start_date = @RequestedStartDate,
            status = @Status, updated_at = @UpdatedAt, version = @Version
        WHERE tenant_id = @TenantId AND id = @Id AND submitter_tenant_id = @SubmitterTenantId
        """;

    public DateTimeOffset Now => clock.GetUtcNow();

    public Task<TenderForApplicants?> FindTenderAsync(Guid tenderId, CancellationToken ct) =>
        systemDb.RunAsync(session => session.QuerySingleOrDefaultAsync<TenderForApplicants>(TenderSql, new { TenderId = tenderId }, ct), ct);

    public Task<IReadOnlyList<ApplicationRow>> ListReceiptsAsync(Guid submitterTenantId, Guid after, int limit, CancellationToken ct) =>
        systemDb.RunAsync(session => session.ListAsync<ApplicationRow>(ListReceiptsSql,
            new { SubmitterTenantId = submitterTenantId, After = after, Limit = limit }, ct), ct);

    public Task<ApplicationRow?> FindReceiptAsync(Guid submitterTenantId, Guid id, CancellationToken ct) =>
        systemDb.RunAsync(session => session.QuerySingleOrDefaultAsync<ApplicationRow>(FindOwnSql, new { Id = id, SubmitterTenantId = submitterTenantId }, ct), ct);

    public Task<WriteOutcome<ApplicationRow>> SubmitAsync(Guid tenderId, Guid submitterTenantId, string clientId, SubmitApplicationRequest request, CancellationToken ct) =>
        systemDb.TransactAsync(async session =>
        {
            var tender = await session.QuerySingleOrDefaultAsync<TenderForApplicants>(TenderSql, new { TenderId = tenderId }, ct);
            if (tender is null)
                return WriteOutcome<ApplicationRow>.NotFound;
            var now = Now;
            if (ApplicationRules.RefuseSubmission(tender.Window(now), now) is { } refusal)
                return WriteOutcome<ApplicationRow>.Conflict(refusal.Kind, refusal.Reason);

            var id = Ids.New(now);
            var fields = Fields(request, id, tender.TenantId, tenderId);
            if (await SameApplicantAsync(session, fields, ct) is { } duplicate)
                return duplicate;
            await session.ExecuteAsync(InsertSql, new
            {
                fields.Id, fields.TenantId, fields.TenderId, SubmitterTenantId = submitterTenantId, SubmittedBy = clientId,
                fields.ApplicantName, fields.ApplicantOrganisation, fields.ApplicantKvkNumber, fields.ApplicantEmail, fields.ApplicantPhone,
                fields.Sections, fields.RequestedStartDate, Now = now,
            }, ct);
            await session.ExecuteAsync(InsertReceiptSql, new { Id = id, TenantId = tender.TenantId, SubmitterTenantId = submitterTenantId, Now = now }, ct);
            var created = (await session.QuerySingleOrDefaultAsync<ApplicationRow>(FindOwnSql, new { Id = id, SubmitterTenantId = submitterTenantId }, ct))!;
            await audit.RecordForAsync(session, tender.TenantId, AuditEntityType.Application, id, AuditAction.Submitted, null, created.AuditView(), ct);
            return WriteOutcome<ApplicationRow>.Done(created);
        }, ct);

    /// <summary>The submitter changes its application, or withdraws it (<paramref name="request"/> null), until the tender closes.</summary>
    public Task<WriteOutcome<ApplicationRow>> ChangeAsync(Guid submitterTenantId, Guid id, int? expectedVersion, UpdateApplicationRequest? request, CancellationToken ct) =>
        systemDb.TransactAsync(async session =>
        {
            var current = await session.QuerySingleOrDefaultAsync<ApplicationRow>(FindOwnSql, new { Id = id, SubmitterTenantId = submitterTenantId }, ct);
            if (current is null)
                return WriteOutcome<ApplicationRow>.NotFound;
            if (expectedVersion is { } expected && expected != current.Version)
                return WriteOutcome<ApplicationRow>.Stale;
            var now = Now;
            if (ApplicationRules.RefuseChange(EnumText<ApplicationStatus>.Parse(current.Status), current.Window(now), now) is { } refusal)
                return WriteOutcome<ApplicationRow>.Conflict(refusal.Kind, refusal.Reason);

            var changed = request is null
                ? current with { Status = ApplicationSql.Text(ApplicationStatus.Withdrawn) }
                : Fields(request, id, current.TenantId, current.TenderId) with
                {
                    SubmitterTenantId = current.SubmitterTenantId, LandlordSlug = current.LandlordSlug, SubmitterSlug = current.SubmitterSlug,
                    Status = current.Status, AssessmentReason = current.AssessmentReason, CreatedAt = current.CreatedAt,
                    TenderStatus = current.TenderStatus, TenderOpensAt = current.TenderOpensAt, TenderClosesAt = current.TenderClosesAt,
                };
            changed = changed with { UpdatedAt = now, Version = current.Version + 1 };
            if (request is not null && await SameApplicantAsync(session, changed, ct) is { } duplicate)
                return duplicate;

            await session.ExecuteAsync(UpdateSql, changed, ct);
            await audit.RecordForAsync(session, current.TenantId, AuditEntityType.Application, id,
                request is null ? AuditAction.Withdrawn : AuditAction.Updated, current.AuditView(), changed.AuditView(), ct);
            return WriteOutcome<ApplicationRow>.Done(changed);
        }, ct);

    async Task<WriteOutcome<ApplicationRow>?> SameApplicantAsync(DbSession session, ApplicationRow application, CancellationToken ct)
    {
        var same = await session.ExecuteScalarAsync<int>(SameApplicantSql, new
        {
            application.TenantId, application.TenderId, application.Id,
            Email = application.ApplicantEmail.ToLowerInvariant(), KvkNumber = application.ApplicantKvkNumber,
        }, ct);
        return same == 0 ? null
            : WriteOutcome<ApplicationRow>.Conflict(ApplicationRules.Duplicate, "The tender has an application with this e-mail address or KvK number already.");
    }

    static ApplicationRow Fields(ApplicationFields request, Guid id, Guid ownerId, Guid tenderId) => new()
    {
        Id = id,
        TenantId = ownerId,
        TenderId = tenderId,
        LandlordSlug = "",
        SubmitterSlug = "",
        ApplicantName = request.Applicant.Name.Trim(),
        ApplicantOrganisation = request.Applicant.Organisation?.Trim(),
        ApplicantKvkNumber = request.Applicant.KvkNumber,
        ApplicantEmail = request.Applicant.Email.Trim(),
        ApplicantPhone = request.Applicant.Phone,
        Sections = TenderJson.Write(request.Sections),
        RequestedStartDate = request.RequestedStartDate,
        Status = ApplicationSql.Text(ApplicationStatus.Submitted),
        TenderStatus = "",
    };
}
