using Platform.Api.Concurrency;
using Platform.Api.Features.Audit;
using Platform.Api.Features.Webhooks;
using Platform.Api.Persistence;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Developments;

public sealed class ProgrammeVersionRow
{
    public Guid Id { get; init; }
    public Guid DevelopmentId { get; init; }
    public int Number { get; init; }
    public DateOnly DecidedOn { get; init; }
    public string? Reason { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
}

public sealed class ProgrammeLineRow
{
    public Guid VersionId { get; init; }
    public required string LineFunction { get; init; }
    public int M2 { get; init; }
    public int AffordableM2 { get; init; }

    public ProgrammeLineTerms Terms => new(EnumText<ProgrammeFunction>.Parse(LineFunction), M2, AffordableM2);
}

/// <summary>A version with its lines, and the watched functions it cut against the version before it.</summary>
public sealed record ProgrammeVersion(ProgrammeVersionRow Row, IReadOnlyList<ProgrammeLineTerms> Lines, IReadOnlyList<ProgrammeFunction> CutFunctions);

/// <summary>The original and the current programme of a development.</summary>
public sealed record ProgrammeComparison(ProgrammeVersion Original, ProgrammeVersion Current);

/// <summary>The programme versions of a tenant's developments: written once, never changed; a cut is announced to the owner's report grantees.</summary>
public sealed class ProgrammeVersionStore(
    TenantDb db, SystemDb system, TenantContext tenant, AuditLog audit, WorkSpaceCutNotices cutNotices, WebhookDispatch webhooks,
    TimeProvider clock, PlatformCalendar calendar)
{
    const string Columns = $"""
        id AS {nameof(ProgrammeVersionRow.Id)}, development_id AS {nameof(ProgrammeVersionRow.DevelopmentId)}, number AS {nameof(ProgrammeVersionRow.Number)},
        decided_on AS {nameof(ProgrammeVersionRow.DecidedOn)}, reason AS {nameof(ProgrammeVersionRow.Reason)},
        created_at AS {nameof(ProgrammeVersionRow.CreatedAt)}, created_by AS {nameof(ProgrammeVersionRow.CreatedBy)}
        """;

    const string ListSql = $"""
        SELECT {Columns} FROM programme_versions
        WHERE tenant_id = @TenantId AND development_id = @DevelopmentId AND id > @After
        ORDER BY id {SqlDialect.Limit}
        """;

    const string FindSql = $"SELECT {Columns} FROM programme_versions WHERE tenant_id = @TenantId AND development_id = @DevelopmentId AND id = @Id";

    const string CurrentNumberSql = "SELECT MAX(number) FROM programme_versions WHERE tenant_id = @TenantId AND development_id = @DevelopmentId";

    const string NumberedSql = $"""
        SELECT {Columns} FROM programme_versions
        WHERE tenant_id = @TenantId AND development_id = @DevelopmentId AND number = @Number
        """;

    const string LinesSql = $"""
        SELECT version_id AS {nameof(ProgrammeLineRow.VersionId)}, line_function AS {nameof(ProgrammeLineRow.LineFunction)},
               m2 AS {nameof(ProgrammeLineRow.M2)}, affordable_m2 AS {nameof(ProgrammeLineRow.AffordableM2)}
        FROM programme_lines
        WHERE tenant_id = @TenantId AND version_id IN @Ids
        """;

    const string DevelopmentExistsSql = "SELECT COUNT(*) FROM developments WHERE tenant_id = @TenantId AND id = @Id";

    const string InsertSql = """
        INSERT INTO programme_versions (id, tenant_id, development_id, number, decided_on, reason, created_at, created_by)
        VALUES (@Id, @TenantId, @DevelopmentId, @Number, @DecidedOn, @Reason, @CreatedAt, @CreatedBy)
        """;

    const string InsertLineSql = """
        INSERT INTO programme_lines (tenant_id, version_id, line_function, m2, affordable_m2)
        VALUES (@TenantId, @VersionId, @LineFunction, @M2, @AffordableM2)
        """;

    /// <summary>A new version is a new representation of the development (its current version): a new ETag.</summary>
    const string TouchDevelopmentSql = """
        UPDATE developments SET updated_at = @UpdatedAt, version = version + 1
        WHERE tenant_id = @TenantId AND id = @Id
        """;

    public Task<IReadOnlyList<ProgrammeVersion>?> ListAsync(Guid developmentId, Guid after, int limit, CancellationToken ct) =>
        db.RunAsync(async session =>
        {
            if (await session.ExecuteScalarAsync<int>(DevelopmentExistsSql, new { Id = developmentId }, ct) == 0)
                return null;
            var rows = await session.ListAsync<ProgrammeVersionRow>(ListSql, new { DevelopmentId = developmentId, After = after, Limit = limit }, ct);
            return (IReadOnlyList<ProgrammeVersion>?)await WithLinesAsync(session, db.TenantId, developmentId, rows, ct);
        }, ct);

    public Task<ProgrammeVersion?> FindAsync(Guid developmentId, Guid id, CancellationToken ct) =>
        db.RunAsync(async session =>
        {
            var row = await session.QuerySingleOrDefaultAsync<ProgrammeVersionRow>(FindSql, new { DevelopmentId = developmentId, Id = id }, ct);
            return row is null ? null : (await WithLinesAsync(session, db.TenantId, developmentId, [row], ct)).Single();
        }, ct);

    /// <summary>The original and the current version; null when the development has none (or does not exist).</summary>
    public Task<ProgrammeComparison?> CompareAsync(Guid developmentId, CancellationToken ct) =>
        db.RunAsync(async session =>
        {
            if (await session.ExecuteScalarAsync<int?>(CurrentNumberSql, new { DevelopmentId = developmentId }, ct) is not { } current)
                return null;
            var original = await NumberedAsync(session, db.TenantId, developmentId, 1, ct);
            return new ProgrammeComparison(original, current == 1 ? original : await NumberedAsync(session, db.TenantId, developmentId, current, ct));
        }, ct);

    /// <summary>
    /// Records the version on the system path, bound by hand to the owner: a cut writes notices into its report grantees'
    /// feeds in the same transaction.
    /// </summary>
    public async Task<WriteOutcome<ProgrammeVersion>> CreateAsync(Guid developmentId, CreateProgrammeVersionRequest request, string createdBy, CancellationToken ct)
    {
        var owner = tenant.Current;
        IReadOnlyList<Guid> deliveries = [];
        var outcome = await system.TransactAsync(async session =>
        {
            var development = await session.QuerySingleOrDefaultAsync<DevelopmentRow>(DevelopmentStore.FindForUpdateSql, new { TenantId = owner.Id, Id = developmentId }, ct);
            if (development is null)
                return WriteOutcome<ProgrammeVersion>.NotFound;

            var previous = development.CurrentProgrammeVersion is { } number ? await NumberedAsync(session, owner.Id, developmentId, number, ct) : null;
            var lines = request.Lines.Select(l => new ProgrammeLineTerms(l.Function!.Value, l.M2, l.AffordableM2)).OrderBy(l => l.Function).ToList();
            var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
            if (ProgrammeRules.Refusal(previous?.Lines, previous?.Row.DecidedOn, lines, request.DecidedOn, reason) is { } refusal)
                return WriteOutcome<ProgrammeVersion>.Invalid(refusal.Field, refusal.Reason);

            var now = clock.GetUtcNow();
            var row = new ProgrammeVersionRow
            {
                Id = Ids.New(now),
                DevelopmentId = developmentId,
                Number = (previous?.Row.Number ?? 0) + 1,
                DecidedOn = request.DecidedOn,
                Reason = reason,
                CreatedAt = now,
                CreatedBy = createdBy,
            };
            var version = new ProgrammeVersion(row, lines, ProgrammeRules.CutFunctions(previous?.Lines, lines));
            await session.ExecuteAsync(InsertSql, new
            {
                row.Id, TenantId = owner.Id, row.DevelopmentId, row.Number, row.DecidedOn, row.Reason, row.CreatedAt, row.CreatedBy,
            }, ct);
            await session.ExecuteAsync(InsertLineSql, lines.Select(l => new
            {
                TenantId = owner.Id, VersionId = row.Id, LineFunction = EnumText<ProgrammeFunction>.ToText(l.Function), l.M2, l.AffordableM2,
            }).ToList(), ct);
            await session.ExecuteAsync(TouchDevelopmentSql, new { TenantId = owner.Id, Id = developmentId, UpdatedAt = now }, ct);
            await audit.RecordForAsync(session, owner.Id, AuditEntityType.Development, developmentId, AuditAction.ProgrammeVersionAdded,
                null, ProgrammeVersionResponse.From(version), ct);
            if (version.CutFunctions.Count > 0)
                deliveries = await cutNotices.WriteAsync(session, owner.Id, owner.Slug, development, version, previous!, calendar.Today, ct);
            return WriteOutcome<ProgrammeVersion>.Done(version);
        }, ct);
        webhooks.Enqueue(deliveries);
        return outcome;
    }

    static async Task<ProgrammeVersion> NumberedAsync(DbSession session, Guid tenantId, Guid developmentId, int number, CancellationToken ct) =>
        (await WithLinesAsync(session, tenantId, developmentId,
            [await session.QuerySingleOrDefaultAsync<ProgrammeVersionRow>(NumberedSql, new { TenantId = tenantId, DevelopmentId = developmentId, Number = number }, ct)
             ?? throw new InvalidOperationException($"Programme version {number} of {developmentId} is missing.")], ct)).Single();

    /// <summary>
    /// Consecutive versions (a page in id order is in number order) with their lines, each with what it cut against the
    /// version numbered one less, which is read too when it is not among them.
    /// </summary>
    static async Task<IReadOnlyList<ProgrammeVersion>> WithLinesAsync(
        DbSession session, Guid tenantId, Guid developmentId, IReadOnlyList<ProgrammeVersionRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
            return [];
        var first = rows.Min(r => r.Number);
        var before = first == 1 ? null
            : await session.QuerySingleOrDefaultAsync<ProgrammeVersionRow>(NumberedSql, new { TenantId = tenantId, DevelopmentId = developmentId, Number = first - 1 }, ct);
        var all = before is null ? rows : [.. rows, before];
        var lines = (await session.ListAsync<ProgrammeLineRow>(LinesSql, new { TenantId = tenantId, Ids = all.Select(r => r.Id).ToList() }, ct))
            .ToLookup(l => l.VersionId, l => l.Terms);
        var byNumber = all.ToDictionary(r => r.Number, r => (IReadOnlyList<ProgrammeLineTerms>)lines[r.Id].OrderBy(l => l.Function).ToList());
        return rows.Select(r => new ProgrammeVersion(r, byNumber[r.Number], ProgrammeRules.CutFunctions(byNumber.GetValueOrDefault(r.Number - 1), byNumber[r.Number])))
            .ToList();
    }
}
