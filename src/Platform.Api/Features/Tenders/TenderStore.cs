using Platform.Api.Concurrency;
using Platform.Api.Features.Audit;
using Platform.Api.Features.Awards;
using Platform.Api.Features.Units;
using Platform.Api.Persistence;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Tenders;

public sealed record TenderRow
{
    public Guid Id { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string NeighbourhoodProfile { get; init; }
    public required string Eligibility { get; init; }
    public required string RequiredSections { get; init; }
    public required string Criteria { get; init; }
    public DateTimeOffset OpensAt { get; init; }
    public DateTimeOffset ClosesAt { get; init; }
    public string? PitchNight { get; init; }

    /// <summary>The pitch night's start (UTC), kept next to its JSON for the reminder scan's index.</summary>
    public DateTimeOffset? PitchNightStartsAt { get; init; }
    public required string OfferedTerms { get; init; }
    public long BaseRentCentsPerMonth { get; init; }
    public required string Visibility { get; init; }

    /// <summary>As stored: draft, published, closed, shortlisted or cancelled.</summary>
    public required string Status { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public int Version { get; init; }

    /// <summary>Read from tender_units, not from the tenders row.</summary>
    public IReadOnlyList<Guid> UnitIds { get; init; } = [];

    /// <summary>The shortlisted applications' places, read from tender_applications.</summary>
    public IReadOnlyList<ShortlistPlace> Shortlist { get; init; } = [];

    /// <summary>The award of an awarded tender, read from tender_awards.</summary>
    public TenderAward? Award { get; init; }

    public TenderStatus StatusAt(DateTimeOffset now) => TenderRules.StatusAt(EnumText<TenderStatus>.Parse(Status), OpensAt, now);
}

/// <summary>A transition decided but not yet written: the tender as loaded and as it becomes, at <see cref="At"/>.</summary>
public sealed record TenderChange(TenderTransition Transition, TenderRow Current, TenderRow Changed, DateTimeOffset At);

public sealed class TenderFilter
{
    public string? Status { get; init; }
}

/// <summary>A landlord's tenders and the units they let, on the owner path.</summary>
public sealed class TenderStore(TenantDb db, AuditLog audit, TimeProvider clock, PlatformCalendar calendar)
{
    const string Columns = $"""
        t.id AS {nameof(TenderRow.Id)}, t.title AS {nameof(TenderRow.Title)}, t.description AS {nameof(TenderRow.Description)},
        t.neighbourhood_profile AS {nameof(TenderRow.NeighbourhoodProfile)}, t.eligibility AS {nameof(TenderRow.Eligibility)},
        t.required_sections AS {nameof(TenderRow.RequiredSections)}, t.criteria AS {nameof(TenderRow.Criteria)},
        t.opens_at AS {nameof(TenderRow.OpensAt)}, t.closes_at AS {nameof(TenderRow.ClosesAt)}, t.pitch_night AS {nameof(TenderRow.PitchNight)},
        t.pitch_night_starts_at AS {nameof(TenderRow.PitchNightStartsAt)},
        t.offered_terms AS {nameof(TenderRow.OfferedTerms)}, t.base_rent_cents_per_month AS {nameof(TenderRow.BaseRentCentsPerMonth)},
        t.visibility AS {nameof(TenderRow.Visibility)}, t.status AS {nameof(TenderRow.Status)},
        t.published_at AS {nameof(TenderRow.PublishedAt)}, t.closed_at AS {nameof(TenderRow.ClosedAt)}, t.cancelled_at AS {nameof(TenderRow.CancelledAt)},
        t.created_at AS {nameof(TenderRow.CreatedAt)}, t.updated_at AS {nameof(TenderRow.UpdatedAt)}, t.version AS {nameof(TenderRow.Version)}
        """;

    const string FindSql = $"SELECT {Columns} FROM tenders t {SqlDialect.UpdateLock} WHERE t.tenant_id = @TenantId AND t.id = @Id";

    const string ListSql = $"""
        SELECT {Columns} FROM tenders t
        WHERE t.tenant_id = @TenantId AND t.id > @After
          AND (@Status IS NULL
               OR (@Status = 'open' AND t.status = 'published' AND t.opens_at <= @Now)
               OR (@Status = 'published' AND t.status = 'published' AND t.opens_at > @Now)
               OR (@Status NOT IN ('open', 'published') AND t.status = @Status))
        ORDER BY t.id {SqlDialect.Limit}
        """;

    /// <summary>The units of the tenders whose ids lie from @First through @Last (a page of tenders in id order), in one statement.</summary>
    const string UnitIdsSql = $"""
        SELECT tender_id AS {nameof(TenderUnitLink.TenderId)}, unit_id AS {nameof(TenderUnitLink.UnitId)}
        FROM tender_units WHERE tenant_id = @TenantId AND tender_id >= @First AND tender_id <= @Last
        ORDER BY unit_id
        """;

    /// <summary>The shortlist places of the tenders whose ids lie from @First through @Last, as <see cref="UnitIdsSql"/>.</summary>
    const string ShortlistPlacesSql = $"""
        SELECT tender_id AS {nameof(ShortlistPlaceRow.TenderId)}, id AS {nameof(ShortlistPlaceRow.ApplicationId)},
               shortlist_position AS {nameof(ShortlistPlaceRow.Position)}
        FROM tender_applications
        WHERE tenant_id = @TenantId AND tender_id >= @First AND tender_id <= @Last AND shortlist_position IS NOT NULL
        """;

    /// <summary>The awards of the tenders whose ids lie from @First through @Last, as <see cref="UnitIdsSql"/>.</summary>
    const string AwardsSql = $"""
        SELECT tender_id AS {nameof(TenderAward.TenderId)}, application_id AS {nameof(TenderAward.ApplicationId)},
               jury_report AS {nameof(TenderAward.JuryReport)}, lease_id AS {nameof(TenderAward.LeaseId)},
               discount_id AS {nameof(TenderAward.DiscountId)}, awarded_at AS {nameof(TenderAward.AwardedAt)}
        FROM tender_awards WHERE tenant_id = @TenantId AND tender_id >= @First AND tender_id <= @Last
        """;

    const string VacancySql = $"""
        SELECT u.id AS {nameof(UnitVacancy.Id)},
               CASE WHEN u.status = 'vacant' AND NOT EXISTS (
                   SELECT 1 FROM leases l
                   WHERE l.tenant_id = u.tenant_id AND l.unit_id = u.id
                     AND l.start_date <= @Today AND (l.end_date IS NULL OR l.end_date >= @Today)) THEN 1 ELSE 0 END AS {nameof(UnitVacancy.Vacant)}
        FROM units u {SqlDialect.UpdateLock}
        JOIN tender_units tu ON tu.tenant_id = u.tenant_id AND tu.unit_id = u.id
        WHERE u.tenant_id = @TenantId AND tu.tender_id = @TenderId
        """;

    const string JuryPanelSql = $"""
        SELECT COUNT(CASE WHEN role = 'resident' THEN 1 END) AS {nameof(JurorCount.Residents)},
               COUNT(CASE WHEN role = 'professional' THEN 1 END) AS {nameof(JurorCount.Professionals)}
        FROM tender_jurors WHERE tenant_id = @TenantId AND tender_id = @TenderId AND revoked_at IS NULL
        """;

    const string UnitExistsSql = $"SELECT COUNT(*) FROM units {SqlDialect.UpdateLock} WHERE tenant_id = @TenantId AND id = @UnitId";

    const string InsertSql = """
        INSERT INTO tenders (id, tenant_id, title, description, neighbourhood_profile, eligibility, required_sections, criteria, opens_at, closes_at,
                             pitch_night, pitch_night_starts_at, offered_terms, base_rent_cents_per_month, visibility, status, published_at,
                             closed_at, cancelled_at, created_at, updated_at, version)
        VALUES (@Id, @TenantId, @Title, @Description, @NeighbourhoodProfile, @Eligibility, @RequiredSections, @Criteria, @OpensAt, @ClosesAt,
                @PitchNight, @PitchNightStartsAt, @OfferedTerms, @BaseRentCentsPerMonth, @Visibility, @Status, NULL, NULL, NULL, @CreatedAt, @UpdatedAt,
                @Version)
        """;

    const string UpdateSql = """
        UPDATE tenders
        SET title = @Title, description = @Description, neighbourhood_profile = @NeighbourhoodProfile, eligibility = @Eligibility,
            required_sections = @RequiredSections, criteria = @Criteria, opens_at = @OpensAt, closes_at = @ClosesAt, pitch_night = @PitchNight,
            pitch_night_starts_at = @PitchNightStartsAt, offered_terms = @OfferedTerms, base_rent_cents_per_month = @BaseRentCentsPerMonth, visibility = @Visibility,
            updated_at = @UpdatedAt, version = @Version
        WHERE tenant_id = @TenantId AND id = @Id
        """;

    const string TransitionSql = """
        UPDATE tenders
        SET status = @Status, published_at = @PublishedAt, closed_at = @ClosedAt, cancelled_at = @CancelledAt, updated_at = @UpdatedAt, version = @Version
        WHERE tenant_id = @TenantId AND id = @Id
        """;

    const string DeleteUnitLinksSql = "DELETE FROM tender_units WHERE tenant_id = @TenantId AND tender_id = @TenderId";

    const string InsertUnitLinkSql = "INSERT INTO tender_units (tenant_id, tender_id, unit_id) VALUES (@TenantId, @TenderId, @UnitId)";

    const string SetUnitStatusSql = """
        UPDATE units SET status = @To, updated_at = @Now, version = version + 1
        WHERE tenant_id = @TenantId AND id = @UnitId AND status = @From
        """;

    DateOnly Today => calendar.Today;

    public DateTimeOffset Now => clock.GetUtcNow();

    public Task<TenderRow?> FindAsync(Guid id, CancellationToken ct) =>
        db.RunAsync(async session => await FindAsync(session, id, ct), ct);

    public Task<IReadOnlyList<TenderRow>> ListAsync(TenderFilter filter, Guid after, int limit, CancellationToken ct) =>
        db.RunAsync(async session =>
        {
            var rows = await session.ListAsync<TenderRow>(ListSql, new { After = after, Limit = limit, Now, filter.Status }, ct);
            return await WithUnitsAsync(session, rows, ct);
        }, ct);

    public Task<WriteOutcome<TenderRow>> CreateAsync(CreateTenderRequest request, CancellationToken ct)
    {
        var now = Now;
        var row = ToRow(request, Ids.New(now), EnumText<TenderStatus>.ToText(TenderStatus.Draft), now, now, version: 1);
        return db.TransactAsync(async session =>
        {
            if (await MissingUnitAsync(session, request.UnitIds, ct) is { } missing)
                return missing;
            await session.ExecuteAsync(InsertSql, row, ct);
            await LinkUnitsAsync(session, row.Id, request.UnitIds, ct);
            var created = row with { UnitIds = request.UnitIds.Order().ToList() };
            await audit.RecordAsync(session, AuditEntityType.Tender, row.Id, AuditAction.Created, null, TenderResponse.From(created, now), ct);
            return WriteOutcome<TenderRow>.Done(created);
        }, ct);
    }

    public Task<WriteOutcome<TenderRow>> UpdateAsync(Guid id, int? expectedVersion, UpdateTenderRequest request, CancellationToken ct) =>
        db.TransactAsync(async session =>
        {
            var current = await FindAsync(session, id, ct);
            if (current is null)
                return WriteOutcome<TenderRow>.NotFound;
            if (expectedVersion is { } expected && expected != current.Version)
                return WriteOutcome<TenderRow>.Stale;
            var now = Now;
            if (!TenderRules.Editable(current.StatusAt(now)))
                return WriteOutcome<TenderRow>.Conflict(TenderRules.Frozen,
                    "From publication on a tender's criteria, weights, required sections, eligibility and terms are fixed (the Didam ruling); "
                    + "only a draft can be changed.");
            if (await MissingUnitAsync(session, request.UnitIds, ct) is { } missing)
                return missing;

            var updated = ToRow(request, id, current.Status, current.CreatedAt, now, current.Version + 1) with { UnitIds = request.UnitIds.Order().ToList() };
            await session.ExecuteAsync(UpdateSql, updated, ct);
            await session.ExecuteAsync(DeleteUnitLinksSql, new { TenderId = id }, ct);
            await LinkUnitsAsync(session, id, request.UnitIds, ct);
            await audit.RecordAsync(session, AuditEntityType.Tender, id, AuditAction.Updated, TenderResponse.From(current, now), TenderResponse.From(updated, now), ct);
            return WriteOutcome<TenderRow>.Done(updated);
        }, ct);

    /// <summary>Loads the tender, lets <see cref="TenderRules"/> decide, and writes the decision with what it does to the units.</summary>
    public Task<WriteOutcome<TenderRow>> TransitionAsync(Guid id, TenderTransition transition, CancellationToken ct) =>
        db.TransactAsync(async session =>
        {
            var decided = await DecideAsync(session, id, transition, ct);
            if (decided.Status != WriteStatus.Done)
                return decided.Refusal<TenderRow>();
            return WriteOutcome<TenderRow>.Done(await WriteAsync(session, decided.Value!, ct));
        }, ct);

    /// <summary>The tender, locked, and what <paramref name="transition"/> would make of it; or the refusal (nothing written).</summary>
    internal async Task<WriteOutcome<TenderChange>> DecideAsync(DbSession session, Guid id, TenderTransition transition, CancellationToken ct)
    {
        var current = await FindAsync(session, id, ct);
        if (current is null)
            return WriteOutcome<TenderChange>.NotFound;

        var now = Now;
        var status = current.StatusAt(now);
        var units = (await session.ListAsync<UnitVacancy>(VacancySql, new { TenderId = id, Today }, ct))
            .Select(u => new TenderUnit(u.Id, u.Vacant)).ToList();
        var weights = TenderJson.Read<List<TenderCriterion>>(current.Criteria).Select(c => c.Weight).ToList();
        var jurors = await session.QuerySingleOrDefaultAsync<JurorCount>(JuryPanelSql, new { TenderId = id }, ct);
        var tender = new TenderState(status, weights, current.ClosesAt, units) { Jury = new JuryPanel(jurors!.Residents, jurors.Professionals) };
        var decision = TenderRules.Decide(transition, tender, now);
        if (!decision.Allowed)
            return WriteOutcome<TenderChange>.Conflict(decision.ConflictKind!, decision.Refusal!, new Dictionary<string, object?>
            {
                [Errors.Problem.Member(nameof(Errors.Problem.AllowedTransitions))] = TenderRules.AllowedFrom(status).Select(EnumText<TenderTransition>.ToText).ToList(),
            });

        var next = decision.NextStatus!.Value;
        var changed = current with
        {
            Status = EnumText<TenderStatus>.ToText(next),
            PublishedAt = next == TenderStatus.Published ? now : current.PublishedAt,
            ClosedAt = next == TenderStatus.Closed ? now : current.ClosedAt,
            CancelledAt = next == TenderStatus.Cancelled ? now : current.CancelledAt,
            UpdatedAt = now,
            Version = current.Version + 1,
        };
        return WriteOutcome<TenderChange>.Done(new TenderChange(transition, current, changed, now));
    }

    /// <summary>Writes a decided transition, what it does to the units, and its audit entry.</summary>
    internal async Task<TenderRow> WriteAsync(DbSession session, TenderChange change, CancellationToken ct)
    {
        var (current, changed, now) = (change.Current, change.Changed, change.At);
        await session.ExecuteAsync(TransitionSql, changed, ct);
        var next = EnumText<TenderStatus>.Parse(changed.Status);
        if (next == TenderStatus.Published)
            await MoveUnitsAsync(session, current.UnitIds, UnitStatus.Vacant, UnitStatus.InTender, now, ct);
        else if (next is TenderStatus.Cancelled or TenderStatus.Awarded)
            await MoveUnitsAsync(session, current.UnitIds, UnitStatus.InTender, UnitStatus.Vacant, now, ct);

        await audit.RecordAsync(session, AuditEntityType.Tender, current.Id, AuditActionOf(change.Transition),
            TenderResponse.From(current, now), TenderResponse.From(changed, now), ct);
        return changed;
    }

    async Task MoveUnitsAsync(DbSession session, IReadOnlyList<Guid> unitIds, UnitStatus from, UnitStatus to, DateTimeOffset now, CancellationToken ct)
    {
        var fromText = EnumText<UnitStatus>.ToText(from);
        var toText = EnumText<UnitStatus>.ToText(to);
        foreach (var unitId in unitIds)
        {
            if (await session.ExecuteAsync(SetUnitStatusSql, new { UnitId = unitId, From = fromText, To = toText, Now = now }, ct) == 1)
                await audit.RecordAsync(session, AuditEntityType.Unit, unitId, AuditAction.Updated, new { status = fromText }, new { status = toText }, ct);
        }
    }

    async Task<TenderRow?> FindAsync(DbSession session, Guid id, CancellationToken ct)
    {
        var row = await session.QuerySingleOrDefaultAsync<TenderRow>(FindSql, new { Id = id }, ct);
        return row is null ? null : (await WithUnitsAsync(session, [row], ct))[0];
    }

    static async Task<IReadOnlyList<TenderRow>> WithUnitsAsync(DbSession session, IReadOnlyList<TenderRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
            return rows;
        var range = new { First = rows[0].Id, Last = rows[^1].Id };
        var links = (await session.ListAsync<TenderUnitLink>(UnitIdsSql, range, ct)).ToLookup(l => l.TenderId, l => l.UnitId);
        var places = (await session.ListAsync<ShortlistPlaceRow>(ShortlistPlacesSql, range, ct))
            .ToLookup(p => p.TenderId, p => new ShortlistPlace(p.ApplicationId, p.Position));
        var awards = (await session.ListAsync<TenderAward>(AwardsSql, range, ct)).ToDictionary(a => a.TenderId);
        return rows.Select(r => r with
        {
            UnitIds = links[r.Id].ToList(), Shortlist = places[r.Id].OrderBy(p => p.Position).ToList(), Award = awards.GetValueOrDefault(r.Id),
        }).ToList();
    }

    async Task<WriteOutcome<TenderRow>?> MissingUnitAsync(DbSession session, IReadOnlyList<Guid> unitIds, CancellationToken ct)
    {
        var missing = new List<Guid>();
        foreach (var unitId in unitIds)
        {
            if (await session.ExecuteScalarAsync<int>(UnitExistsSql, new { UnitId = unitId }, ct) == 0)
                missing.Add(unitId);
        }

        return missing.Count == 0 ? null
            : WriteOutcome<TenderRow>.Invalid("unitIds", $"The tenant has no unit with the id {string.Join(", ", missing)}.");
    }

    Task LinkUnitsAsync(DbSession session, Guid tenderId, IReadOnlyList<Guid> unitIds, CancellationToken ct) =>
        session.ExecuteAsync(InsertUnitLinkSql, unitIds.Select(u => new { TenderId = tenderId, UnitId = u }).ToList(), ct);

    static TenderRow ToRow(TenderFields fields, Guid id, string status, DateTimeOffset createdAt, DateTimeOffset updatedAt, int version) => new()
    {
        Id = id,
        Title = fields.Title.Trim(),
        Description = fields.Description.Trim(),
        NeighbourhoodProfile = fields.NeighbourhoodProfile.Trim(),
        Eligibility = fields.Eligibility.Trim(),
        RequiredSections = TenderJson.SectionList(fields.RequiredSections),
        Criteria = TenderJson.Write(fields.Criteria),
        OpensAt = fields.OpensAt.ToUniversalTime(),
        ClosesAt = fields.ClosesAt.ToUniversalTime(),
        PitchNight = fields.PitchNight is null ? null : TenderJson.Write(fields.PitchNight),
        PitchNightStartsAt = fields.PitchNight?.StartsAt.ToUniversalTime(),
        OfferedTerms = TenderJson.Write(fields.OfferedTerms),
        BaseRentCentsPerMonth = fields.OfferedTerms.BaseRentCentsPerMonth,
        Visibility = EnumText<TenderVisibility>.ToText(fields.Visibility!.Value),
        Status = status,
        CreatedAt = createdAt,
        UpdatedAt = updatedAt,
        Version = version,
    };

    static AuditAction AuditActionOf(TenderTransition transition) => transition switch
    {
        TenderTransition.Publish => AuditAction.Published,
        TenderTransition.Close => AuditAction.Closed,
        TenderTransition.Shortlist => AuditAction.Shortlisted,
        TenderTransition.StartPitching => AuditAction.PitchingStarted,
        TenderTransition.Award => AuditAction.Awarded,
        TenderTransition.Cancel => AuditAction.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(transition)),
    };

    sealed class UnitVacancy
    {
        public Guid Id { get; init; }
        public bool Vacant { get; init; }
    }

    sealed class ShortlistPlaceRow
    {
        public Guid TenderId { get; init; }
        public Guid ApplicationId { get; init; }
        public int Position { get; init; }
    }

    sealed class JurorCount
    {
        public int Residents { get; init; }
        public int Professionals { get; init; }
    }

    sealed class TenderUnitLink
    {
        public Guid TenderId { get; init; }
        public Guid UnitId { get; init; }
    }
}
