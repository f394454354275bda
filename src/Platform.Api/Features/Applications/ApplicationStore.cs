using Platform.Api.Concurrency;
using Platform.Api.Features.Audit;
using Platform.Api.Features.Tenders;
using Platform.Api.Persistence;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Applications;

public sealed record ApplicationRow
{
    public Guid Id { get; init; }
    public Guid TenantId { get; init; }
    public Guid TenderId { get; init; }
    public Guid SubmitterTenantId { get; init; }
    public required string LandlordSlug { get; init; }
    public required string SubmitterSlug { get; init; }
    public required string ApplicantName { get; init; }
    public string? ApplicantOrganisation { get; init; }
    public string? ApplicantKvkNumber { get; init; }
    public required string ApplicantEmail { get; init; }
    public string? ApplicantPhone { get; init; }
    public required string Sections { get; init; }
    public DateOnly? RequestedStartDate { get; init; }
    public required string Status { get; init; }
    public string? AssessmentReason { get; init; }
    public string? ShortlistNote { get; init; }

    /// <summary>The place on the shortlist (1, 2, …) of a shortlisted application: the order in which they pitch.</summary>
    public int? ShortlistPosition { get; init; }

    /// <summary>Set by the award: the application's own band and means (JSON as <c>JuryOutcomeResponse</c>).</summary>
    public string? JuryOutcome { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public int Version { get; init; }

    /// <summary>Of the application's tender, read with it.</summary>
    public required string TenderStatus { get; init; }

    public string TenderRequiredSections { get; init; } = "";
    public string? TenderPitchNight { get; init; }
    public DateTimeOffset TenderOpensAt { get; init; }
    public DateTimeOffset TenderClosesAt { get; init; }

    public TenderWindow Window(DateTimeOffset now) =>
        new(TenderRules.StatusAt(EnumText<TenderStatus>.Parse(TenderStatus), TenderOpensAt, now), TenderClosesAt);

    /// <summary>What the audit trail keeps: everything but the section texts, of which it keeps the length.</summary>
    public object AuditView() => new
    {
        ApplicantName, ApplicantOrganisation, ApplicantKvkNumber, ApplicantEmail, ApplicantPhone, RequestedStartDate, Status, AssessmentReason,
        SubmittedBy = SubmitterSlug,
        Sections = Enum.GetValues<TenderSection>().ToDictionary(EnumText<TenderSection>.ToText,
            s => TenderJson.Read<ApplicationSections>(Sections).TextOf(s) is { } text ? $"{text.EnumerateRunes().Count()} characters" : null),
    };
}

/// <summary>The SQL shared by both paths that read applications.</summary>
static class ApplicationSql
{
    public const string Columns = $"""
        a.id AS {nameof(ApplicationRow.Id)}, a.tenant_id AS {nameof(ApplicationRow.TenantId)}, a.tender_id AS {nameof(ApplicationRow.TenderId)},
        a.submitter_tenant_id AS {nameof(ApplicationRow.SubmitterTenantId)}, o.slug AS {nameof(ApplicationRow.LandlordSlug)},
        s.slug AS {nameof(ApplicationRow.SubmitterSlug)}, a.applicant_name AS {nameof(ApplicationRow.ApplicantName)},
        a.applicant_organisation AS {nameof(ApplicationRow.ApplicantOrganisation)}, a.applicant_kvk_number AS {nameof(ApplicationRow.ApplicantKvkNumber)},
        a.applicant_email AS {nameof(ApplicationRow.ApplicantEmail)}, a.applicant_phone AS {nameof(ApplicationRow.ApplicantPhone)},
        a.sections AS {nameof(ApplicationRow.Sections)}, a.requested_start_date AS {nameof(ApplicationRow.RequestedStartDate)},
        a.status AS {nameof(ApplicationRow.Status)}, a.assessment_reason AS {nameof(ApplicationRow.AssessmentReason)},
        a.shortlist_note AS {nameof(ApplicationRow.ShortlistNote)}, a.shortlist_position AS {nameof(ApplicationRow.ShortlistPosition)},
        a.jury_outcome AS {nameof(ApplicationRow.JuryOutcome)},
        a.created_at AS {nameof(ApplicationRow.CreatedAt)}, a.updated_at AS {nameof(ApplicationRow.UpdatedAt)}, a.version AS {nameof(ApplicationRow.Version)},
        t.status AS {nameof(ApplicationRow.TenderStatus)}, t.required_sections AS {nameof(ApplicationRow.TenderRequiredSections)},
        t.pitch_night AS {nameof(ApplicationRow.TenderPitchNight)}, t.opens_at AS {nameof(ApplicationRow.TenderOpensAt)},
        t.closes_at AS {nameof(ApplicationRow.TenderClosesAt)}
        """;

    public const string Joins = """
        JOIN tenders t ON t.tenant_id = a.tenant_id AND t.id = a.tender_id
        JOIN tenants o ON o.id = a.tenant_id
        JOIN tenants s ON s.id = a.submitter_tenant_id
        """;

    public static string Text(ApplicationStatus status) => EnumText<ApplicationStatus>.ToText(status);
}

/// <summary>Applications on the owner path: the landlord lists, reads and assesses the applications to its tenders.</summary>
public sealed class ApplicationStore(TenantDb db, AuditLog audit, TimeProvider clock)
{
    public const int ReasonLength = 1000;

    const string ListForTenderSql = $"""
        SELECT {ApplicationSql.Columns} FROM tender_applications a {ApplicationSql.Joins}
        WHERE a.tenant_id = @TenantId AND a.tender_id = @TenderId AND a.id > @After AND (@Status IS NULL OR a.status = @Status)
        ORDER BY a.id {SqlDialect.Limit}
        """;

    const string FindForTenderSql = $"""
        SELECT {ApplicationSql.Columns} FROM tender_applications a {SqlDialect.UpdateLock} {ApplicationSql.Joins}
        WHERE a.tenant_id = @TenantId AND a.tender_id = @TenderId AND a.id = @Id
        """;

    const string TenderExistsSql = "SELECT COUNT(*) FROM tenders WHERE tenant_id = @TenantId AND id = @TenderId";

    const string AssessSql = """
        UPDATE tender_applications SET status = @Status, assessment_reason = @Reason, updated_at = @Now, version = version + 1
        WHERE tenant_id = @TenantId AND id = @Id
        """;

    public Task<bool> TenderExistsAsync(Guid tenderId, CancellationToken ct) =>
        db.RunAsync(async session => await session.ExecuteScalarAsync<int>(TenderExistsSql, new { TenderId = tenderId }, ct) > 0, ct);

    public Task<IReadOnlyList<ApplicationRow>> ListForTenderAsync(Guid tenderId, ApplicationStatus? status, Guid after, int limit, CancellationToken ct) =>
        db.RunAsync(session => session.ListAsync<ApplicationRow>(ListForTenderSql, new
        {
            TenderId = tenderId, Status = status is { } s ? ApplicationSql.Text(s) : null, After = after, Limit = limit,
        }, ct), ct);

    public Task<ApplicationRow?> FindForTenderAsync(Guid tenderId, Guid id, CancellationToken ct) =>
        db.RunAsync(session => session.QuerySingleOrDefaultAsync<ApplicationRow>(FindForTenderSql, new { TenderId = tenderId, Id = id }, ct), ct);

    public Task<WriteOutcome<ApplicationRow>> AssessAsync(Guid tenderId, Guid id, ApplicationStatus decision, string reason, CancellationToken ct) =>
        db.TransactAsync(async session =>
        {
            var current = await session.QuerySingleOrDefaultAsync<ApplicationRow>(FindForTenderSql, new { TenderId = tenderId, Id = id }, ct);
            if (current is null)
                return WriteOutcome<ApplicationRow>.NotFound;
            var now = clock.GetUtcNow();
            if (ApplicationRules.RefuseAssessment(EnumText<ApplicationStatus>.Parse(current.Status), current.Window(now).Status) is { } refusal)
                return WriteOutcome<ApplicationRow>.Conflict(refusal.Kind, refusal.Reason);

            var assessed = current with { Status = ApplicationSql.Text(decision), AssessmentReason = reason.Trim(), UpdatedAt = now, Version = current.Version + 1 };
            await session.ExecuteAsync(AssessSql, new { Id = id, assessed.Status, Reason = assessed.AssessmentReason, Now = now }, ct);
            await audit.RecordAsync(session, AuditEntityType.Application, id, AuditAction.Assessed, current.AuditView(), assessed.AuditView(), ct);
            return WriteOutcome<ApplicationRow>.Done(assessed);
        }, ct);
}
