using Platform.Api.Concurrency;
using Platform.Api.Features.Audit;
using Platform.Api.Features.Tenders;
using Platform.Api.Persistence;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Jury;

public sealed record JuryApplicationRow
{
    public Guid Id { get; init; }
    public required string ApplicantName { get; init; }
    public string? ApplicantOrganisation { get; init; }
    public required string Sections { get; init; }
    public int ShortlistPosition { get; init; }
}

public sealed record JuryScoreRow
{
    public Guid ApplicationId { get; init; }
    public required string CriterionKey { get; init; }
    public int Score { get; init; }
    public string? Comment { get; init; }
    public DateTimeOffset ScoredAt { get; init; }
}

public sealed record JuryConflictRow
{
    public Guid ApplicationId { get; init; }
    public required string Reason { get; init; }
    public DateTimeOffset DeclaredAt { get; init; }
}

/// <summary>The shortlist as one juror sees it: the shortlisted plans in pitch order, with this juror's own conflicts and scores only.</summary>
public sealed record JuryShortlist(IReadOnlyList<JuryApplicationRow> Applications, IReadOnlyList<JuryConflictRow> Conflicts, IReadOnlyList<JuryScoreRow> Scores);

/// <summary>
/// A juror's conflicts and scores, on the owner path (the juror works in the landlord's partition). Each write locks the tender
/// row first, so a score or a conflict is decided on the tender's status as it is when written.
/// </summary>
public sealed class JuryStore(TenantDb db, AuditLog audit, TimeProvider clock)
{
    const string TenderForUpdateSql = $"""
        SELECT status AS {nameof(JuryTenderRow.Status)}, opens_at AS {nameof(JuryTenderRow.OpensAt)}, criteria AS {nameof(JuryTenderRow.Criteria)}
        FROM tenders {SqlDialect.UpdateLock} WHERE tenant_id = @TenantId AND id = @TenderId
        """;

    const string ShortlistSql = $"""
        SELECT a.id AS {nameof(JuryApplicationRow.Id)}, a.applicant_name AS {nameof(JuryApplicationRow.ApplicantName)},
               a.applicant_organisation AS {nameof(JuryApplicationRow.ApplicantOrganisation)}, a.sections AS {nameof(JuryApplicationRow.Sections)},
               a.shortlist_position AS {nameof(JuryApplicationRow.ShortlistPosition)}
        FROM tender_applications a
        WHERE a.tenant_id = @TenantId AND a.tender_id = @TenderId AND a.shortlist_position IS NOT NULL
        ORDER BY a.shortlist_position
        """;

    const string ShortlistedCountSql = """
        SELECT COUNT(*) FROM tender_applications
        WHERE tenant_id = @TenantId AND tender_id = @TenderId AND id = @ApplicationId AND shortlist_position IS NOT NULL
        """;

    const string ScoreColumns = $"""
        application_id AS {nameof(JuryScoreRow.ApplicationId)}, criterion_key AS {nameof(JuryScoreRow.CriterionKey)}, score AS {nameof(JuryScoreRow.Score)},
        comment AS {nameof(JuryScoreRow.Comment)}, scored_at AS {nameof(JuryScoreRow.ScoredAt)}
        """;

    const string JurorScoresSql = $"""
        SELECT {ScoreColumns} FROM jury_scores
        WHERE tenant_id = @TenantId AND tender_id = @TenderId AND juror_id = @JurorId
        """;

    const string ApplicationScoresForUpdateSql = $"""
        SELECT {ScoreColumns} FROM jury_scores {SqlDialect.UpdateLock}
        WHERE tenant_id = @TenantId AND tender_id = @TenderId AND juror_id = @JurorId AND application_id = @ApplicationId
        """;

    const string DeleteScoresSql = """
        DELETE FROM jury_scores WHERE tenant_id = @TenantId AND tender_id = @TenderId AND juror_id = @JurorId AND application_id = @ApplicationId
        """;

    const string InsertScoreSql = """
        INSERT INTO jury_scores (tenant_id, tender_id, juror_id, application_id, criterion_key, score, comment, scored_at)
        VALUES (@TenantId, @TenderId, @JurorId, @ApplicationId, @CriterionKey, @Score, @Comment, @ScoredAt)
        """;

    const string ConflictColumns = $"""
        application_id AS {nameof(JuryConflictRow.ApplicationId)}, reason AS {nameof(JuryConflictRow.Reason)}, declared_at AS {nameof(JuryConflictRow.DeclaredAt)}
        """;

    const string JurorConflictsSql = $"""
        SELECT {ConflictColumns} FROM jury_conflicts
        WHERE tenant_id = @TenantId AND tender_id = @TenderId AND juror_id = @JurorId
        """;

    const string ConflictForUpdateSql = $"""
        SELECT {ConflictColumns} FROM jury_conflicts {SqlDialect.UpdateLock}
        WHERE tenant_id = @TenantId AND tender_id = @TenderId AND juror_id = @JurorId AND application_id = @ApplicationId
        """;

    const string InsertConflictSql = """
        INSERT INTO jury_conflicts (tenant_id, tender_id, juror_id, application_id, reason, declared_at)
        VALUES (@TenantId, @TenderId, @JurorId, @ApplicationId, @Reason, @DeclaredAt)
        """;

    public Task<JuryShortlist> ShortlistAsync(Guid tenderId, Guid jurorId, CancellationToken ct) =>
        db.RunAsync(async session =>
        {
            var parameters = new { TenderId = tenderId, JurorId = jurorId };
            return new JuryShortlist(
                await session.ListAsync<JuryApplicationRow>(ShortlistSql, parameters, ct),
                await session.ListAsync<JuryConflictRow>(JurorConflictsSql, parameters, ct),
                await session.ListAsync<JuryScoreRow>(JurorScoresSql, parameters, ct));
        }, ct);

    /// <summary>Replaces the juror's scores of one shortlisted application with <paramref name="scores"/>, while the tender is pitching.</summary>
    public Task<WriteOutcome<JuryScoresResponse>> ScoreAsync(Guid tenderId, Guid jurorId, Guid applicationId, IReadOnlyList<CriterionScore> scores,
        CancellationToken ct) =>
        db.TransactAsync(async session =>
        {
            var tender = await session.QuerySingleOrDefaultAsync<JuryTenderRow>(TenderForUpdateSql, new { TenderId = tenderId }, ct);
            if (tender is null)
                return WriteOutcome<JuryScoresResponse>.NotFound;
            var criteria = tender.CriterionKeys();
            if (JuryRules.CheckSheet(criteria, scores.Select(s => s.CriterionKey).ToList()) is { } refusal)
                return WriteOutcome<JuryScoresResponse>.Invalid(refusal.Field, refusal.Reason);
            var now = clock.GetUtcNow();
            var status = tender.StatusAt(now);
            if (!JuryRules.MayScore(status))
                return WriteOutcome<JuryScoresResponse>.Conflict(JuryRules.TenderNotPitching,
                    $"The jury scores while the tender is pitching; this tender is {EnumText<TenderStatus>.ToText(status)}.");
            var key = new { TenderId = tenderId, JurorId = jurorId, ApplicationId = applicationId };
            if (await session.ExecuteScalarAsync<int>(ShortlistedCountSql, key, ct) == 0)
                return WriteOutcome<JuryScoresResponse>.NotFound;
            if (await session.QuerySingleOrDefaultAsync<JuryConflictRow>(ConflictForUpdateSql, key, ct) is { } conflict)
                return WriteOutcome<JuryScoresResponse>.Conflict(JuryRules.JurorConflicted,
                    $"The juror declared a conflict of interest with this application at {conflict.DeclaredAt:O} and does not score it.");

            var before = await session.ListAsync<JuryScoreRow>(ApplicationScoresForUpdateSql, key, ct);
            var after = scores.Select(s => new JuryScoreRow
            {
                ApplicationId = applicationId, CriterionKey = s.CriterionKey, Score = s.Score,
                Comment = string.IsNullOrWhiteSpace(s.Comment) ? null : s.Comment.Trim(), ScoredAt = now,
            }).ToList();
            await session.ExecuteAsync(DeleteScoresSql, key, ct);
            foreach (var score in after)
                await session.ExecuteAsync(InsertScoreSql, new { TenderId = tenderId, JurorId = jurorId, score.ApplicationId, score.CriterionKey, score.Score, score.Comment, score.ScoredAt }, ct);
            await audit.RecordAsync(session, AuditEntityType.JuryScore, applicationId, before.Count == 0 ? AuditAction.Created : AuditAction.Updated,
                AuditView(jurorId, before), AuditView(jurorId, after), ct);
            return WriteOutcome<JuryScoresResponse>.Done(JuryScoresResponse.From(jurorId, applicationId, criteria, after)!);
        }, ct);

    /// <summary>
    /// Declares the juror's conflict of interest with one shortlisted application, once: a second declaration answers the stored one.
    /// The juror's scores of it, if any, are removed.
    /// </summary>
    public Task<WriteOutcome<JuryConflictResponse>> DeclareConflictAsync(Guid tenderId, Guid jurorId, Guid applicationId, string reason, CancellationToken ct) =>
        db.TransactAsync(async session =>
        {
            var tender = await session.QuerySingleOrDefaultAsync<JuryTenderRow>(TenderForUpdateSql, new { TenderId = tenderId }, ct);
            if (tender is null)
                return WriteOutcome<JuryConflictResponse>.NotFound;
            var now = clock.GetUtcNow();
            var status = tender.StatusAt(now);
            if (!JuryRules.MayDeclareConflict(status))
                return WriteOutcome<JuryConflictResponse>.Conflict(JuryRules.TenderNotShortlisted,
                    $"A juror declares a conflict of interest once the tender is shortlisted, until the award; this tender is {EnumText<TenderStatus>.ToText(status)}.");
            var key = new { TenderId = tenderId, JurorId = jurorId, ApplicationId = applicationId };
            if (await session.ExecuteScalarAsync<int>(ShortlistedCountSql, key, ct) == 0)
                return WriteOutcome<JuryConflictResponse>.NotFound;
            if (await session.QuerySingleOrDefaultAsync<JuryConflictRow>(ConflictForUpdateSql, key, ct) is { } declared)
                return WriteOutcome<JuryConflictResponse>.Done(JuryConflictResponse.From(jurorId, declared));

            var conflict = new JuryConflictRow { ApplicationId = applicationId, Reason = reason, DeclaredAt = now };
            await session.ExecuteAsync(InsertConflictSql, new { TenderId = tenderId, JurorId = jurorId, ApplicationId = applicationId, conflict.Reason, conflict.DeclaredAt }, ct);
            await audit.RecordAsync(session, AuditEntityType.JuryConflict, applicationId, AuditAction.Created, null,
                new { jurorId, conflict.Reason }, ct);
            var removed = await session.ListAsync<JuryScoreRow>(ApplicationScoresForUpdateSql, key, ct);
            if (removed.Count > 0)
            {
                await session.ExecuteAsync(DeleteScoresSql, key, ct);
                await audit.RecordAsync(session, AuditEntityType.JuryScore, applicationId, AuditAction.Deleted, AuditView(jurorId, removed), null, ct);
            }

            return WriteOutcome<JuryConflictResponse>.Done(JuryConflictResponse.From(jurorId, conflict));
        }, ct);

    /// <summary>The audit trail's view of one juror's scores of one application: by criterion key, so a revision shows what it changed.</summary>
    static object? AuditView(Guid jurorId, IReadOnlyList<JuryScoreRow> scores) => scores.Count == 0 ? null : new
    {
        jurorId,
        scores = scores.ToDictionary(s => s.CriterionKey, s => new { s.Score, s.Comment }, StringComparer.Ordinal),
    };

    sealed class JuryTenderRow
    {
        public required string Status { get; init; }
        public DateTimeOffset OpensAt { get; init; }
        public required string Criteria { get; init; }

        public TenderStatus StatusAt(DateTimeOffset now) => TenderRules.StatusAt(EnumText<TenderStatus>.Parse(Status), OpensAt, now);

        public IReadOnlyList<string> CriterionKeys() => TenderJson.Read<List<TenderCriterion>>(Criteria).Select(c => c.Key).ToList();
    }
}
