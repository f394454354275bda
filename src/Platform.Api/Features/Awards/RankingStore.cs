using Platform.Api.Concurrency;
using Platform.Api.Features.Tenders;
using Platform.Api.Persistence;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Awards;

/// <summary>A shortlisted application as the ranking and the award see it (it keeps its shortlist place after the award).</summary>
public sealed class ShortlistedApplication
{
    public Guid Id { get; init; }
    public required string ApplicantName { get; init; }
    public string? ApplicantOrganisation { get; init; }
    public string? ApplicantKvkNumber { get; init; }
    public required string ApplicantEmail { get; init; }
    public Guid SubmitterTenantId { get; init; }
    public required string Status { get; init; }
}

/// <summary>A juror of the tender, sitting or revoked.</summary>
public sealed class JuryMember
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
}

/// <summary>Everything the jury did for a tender's shortlist, as loaded: the ground of the ranking and of the award.</summary>
public sealed record JuryRecord(
    IReadOnlyList<RankingCriterion> Criteria, IReadOnlyList<ShortlistedApplication> Applications, IReadOnlyList<JuryMember> Jurors,
    IReadOnlyList<JurorScore> Scores, IReadOnlyList<JurorConflict> Conflicts)
{
    public IReadOnlyList<ApplicationStanding> Standings() => JuryStandings.Of(Criteria, Applications.Select(a => a.Id).ToList(),
        Jurors.Where(j => j.RevokedAt is null).Select(j => j.Id).ToList(), Scores, Conflicts);
}

/// <summary>The ranking as the landlord reads it: the tender, its shortlisted applications and their standings.</summary>
public sealed record TenderRanking(Guid TenderId, TenderStatus Status, JuryRecord Jury, IReadOnlyList<ApplicationStanding> Standings);

/// <summary>Loads a tender's jury record on the owner path: one tenant-filtered statement each for the shortlist, jurors, scores and conflicts.</summary>
public sealed class RankingStore(TenantDb db, TimeProvider clock)
{
    public const string NotRanked = "tender-not-ranked";

    const string TenderSql = $"""
        SELECT status AS {nameof(RankedTender.Status)}, opens_at AS {nameof(RankedTender.OpensAt)}, criteria AS {nameof(RankedTender.Criteria)}
        FROM tenders WHERE tenant_id = @TenantId AND id = @TenderId
        """;

    const string ShortlistSql = $"""
        SELECT id AS {nameof(ShortlistedApplication.Id)}, applicant_name AS {nameof(ShortlistedApplication.ApplicantName)},
               applicant_organisation AS {nameof(ShortlistedApplication.ApplicantOrganisation)},
               applicant_kvk_number AS {nameof(ShortlistedApplication.ApplicantKvkNumber)},
               applicant_email AS {nameof(ShortlistedApplication.ApplicantEmail)},
               submitter_tenant_id AS {nameof(ShortlistedApplication.SubmitterTenantId)}, status AS {nameof(ShortlistedApplication.Status)}
        FROM tender_applications {SqlDialect.UpdateLock}
        WHERE tenant_id = @TenantId AND tender_id = @TenderId AND shortlist_position IS NOT NULL
        ORDER BY shortlist_position
        """;

    const string JurorsSql = $"""
        SELECT id AS {nameof(JuryMember.Id)}, name AS {nameof(JuryMember.Name)}, revoked_at AS {nameof(JuryMember.RevokedAt)}
        FROM tender_jurors {SqlDialect.UpdateLock}
        WHERE tenant_id = @TenantId AND tender_id = @TenderId
        ORDER BY id
        """;

    const string ScoresSql = $"""
        SELECT juror_id AS {nameof(ScoreRow.JurorId)}, application_id AS {nameof(ScoreRow.ApplicationId)},
               criterion_key AS {nameof(ScoreRow.CriterionKey)}, score AS {nameof(ScoreRow.Score)}
        FROM jury_scores {SqlDialect.UpdateLock}
        WHERE tenant_id = @TenantId AND tender_id = @TenderId
        """;

    const string ConflictsSql = $"""
        SELECT juror_id AS {nameof(ConflictRow.JurorId)}, application_id AS {nameof(ConflictRow.ApplicationId)}
        FROM jury_conflicts {SqlDialect.UpdateLock}
        WHERE tenant_id = @TenantId AND tender_id = @TenderId
        """;

    /// <summary>The ranking of a pitching or awarded tender; not found when the tenant has no such tender, a conflict in any other status.</summary>
    public Task<WriteOutcome<TenderRanking>> RankingAsync(Guid tenderId, CancellationToken ct) =>
        db.RunAsync(async session =>
        {
            var tender = await session.QuerySingleOrDefaultAsync<RankedTender>(TenderSql, new { TenderId = tenderId }, ct);
            if (tender is null)
                return WriteOutcome<TenderRanking>.NotFound;
            var status = TenderRules.StatusAt(EnumText<TenderStatus>.Parse(tender.Status), tender.OpensAt, clock.GetUtcNow());
            if (!TenderRules.Ranked(status))
                return WriteOutcome<TenderRanking>.Conflict(NotRanked,
                    $"The tender is {EnumText<TenderStatus>.ToText(status)}; its ranking exists once it is pitching (and after its award).");

            var jury = await LoadAsync(session, tenderId, TenderJson.Read<List<TenderCriterion>>(tender.Criteria), ct);
            return WriteOutcome<TenderRanking>.Done(new TenderRanking(tenderId, status, jury, jury.Standings()));
        }, ct);

    /// <summary>The jury record of the tender with <paramref name="criteria"/>, in <paramref name="session"/> (locked inside a write transaction).</summary>
    public static async Task<JuryRecord> LoadAsync(DbSession session, Guid tenderId, IReadOnlyList<TenderCriterion> criteria, CancellationToken ct)
    {
        var tender = new { TenderId = tenderId };
        var applications = await session.ListAsync<ShortlistedApplication>(ShortlistSql, tender, ct);
        var jurors = await session.ListAsync<JuryMember>(JurorsSql, tender, ct);
        var scores = await session.ListAsync<ScoreRow>(ScoresSql, tender, ct);
        var conflicts = await session.ListAsync<ConflictRow>(ConflictsSql, tender, ct);
        return new JuryRecord(criteria.Select(c => new RankingCriterion(c.Key, c.Weight)).ToList(), applications, jurors,
            scores.Select(s => new JurorScore(s.JurorId, s.ApplicationId, s.CriterionKey, s.Score)).ToList(),
            conflicts.Select(c => new JurorConflict(c.JurorId, c.ApplicationId)).ToList());
    }

    sealed class RankedTender
    {
        public required string Status { get; init; }
        public DateTimeOffset OpensAt { get; init; }
        public required string Criteria { get; init; }
    }

    sealed class ScoreRow
    {
        public Guid JurorId { get; init; }
        public Guid ApplicationId { get; init; }
        public required string CriterionKey { get; init; }
        public int Score { get; init; }
    }

    sealed class ConflictRow
    {
        public Guid JurorId { get; init; }
        public Guid ApplicationId { get; init; }
    }
}
