using System.Net;
using System.Net.Http.Json;
using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;

namespace Platform.Api.Tests.Tenders;

public sealed class TenderTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rochdale_drafts_a_pitch_je_plan_tender_and_reads_it_back()
    {
        var rochdale = await app.LandlordAsync();

        using var response = await rochdale.Api.Http.PostAsJsonAsync($"/v1/tenants/{rochdale.Slug}/tenders",
            TenderScenarios.PitchJePlan([rochdale.Unit.Id]), Platform.Api.ApiJson.Options, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag!.Tag);
        var read = await rochdale.Api.Tenders.GetTenderAsync(rochdale.Slug, Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]), Ct);

        Assert.Equal(TenderStatus.Draft, read.Status);
        Assert.Equal([TenderTransition.Publish, TenderTransition.Cancel], read.AllowedTransitions);
        Assert.Equal([rochdale.Unit.Id], read.UnitIds);
        Assert.Equal(4, read.Criteria.Count);
        Assert.All(read.Criteria, c => Assert.Equal(25, c.Weight));
        Assert.Contains(TenderSection.StorefrontPlan, read.RequiredSections);
        Assert.Equal("starting or social entrepreneurs", read.Eligibility);
        Assert.Equal(1_000_00, read.OfferedTerms.BaseRentCentsPerMonth);
        Assert.Equal(TenderVisibility.Public, read.Visibility);
        Assert.Null(read.PublishedAt);
        Assert.Equal(UnitStatus.Vacant, (await rochdale.Api.Units.GetUnitAsync(rochdale.Slug, rochdale.Unit.Id, Ct)).Status);
    }

    [Fact]
    public async Task Publishing_opens_the_tender_and_puts_its_unit_in_tender_and_both_are_audited()
    {
        var rochdale = await app.LandlordAsync();

        var open = await rochdale.PublishedAsync();

        Assert.Equal(TenderStatus.Open, open.Status);
        Assert.Equal([TenderTransition.Close, TenderTransition.Cancel], open.AllowedTransitions);
        Assert.NotNull(open.PublishedAt);
        Assert.Equal("\"2\"", open.Etag);
        var unit = await rochdale.Api.Units.GetUnitAsync(rochdale.Slug, rochdale.Unit.Id, Ct);
        Assert.Equal(UnitStatus.InTender, unit.Status);
        Assert.NotEqual(rochdale.Unit.Etag, unit.Etag);

        var tenderEvents = await rochdale.Api.Audit.ListAuditEventsAsync(rochdale.Slug, AuditEntityType.Tender, open.Id, cancellationToken: Ct);
        Assert.Equal([AuditAction.Created, AuditAction.Published], tenderEvents.Items.Select(e => e.Action));
        Assert.Contains(tenderEvents.Items[1].Changes, c => c.Field == "status" && c.Old == "draft" && c.New == "open");
        var unitEvents = await rochdale.Api.Audit.ListAuditEventsAsync(rochdale.Slug, AuditEntityType.Unit, rochdale.Unit.Id, cancellationToken: Ct);
        Assert.Contains(unitEvents.Items, e => e.Changes.Any(c => c.Field == "status" && c.Old == "vacant" && c.New == "in_tender"));
    }

    [Fact]
    public async Task A_tender_published_ahead_of_its_opening_is_published_until_then_and_lists_by_status()
    {
        var rochdale = await app.LandlordAsync();
        var later = await rochdale.PublishedAsync(TenderScenarios.PitchJePlan([rochdale.Unit.Id], opensAt: DateTimeOffset.UtcNow.AddDays(7)));
        var now = await rochdale.PublishedAsync(TenderScenarios.PitchJePlan([(await rochdale.AnotherUnitAsync()).Id]));
        var draft = await rochdale.DraftAsync(TenderScenarios.PitchJePlan([(await rochdale.AnotherUnitAsync()).Id]));

        Assert.Equal(TenderStatus.Published, later.Status);
        Assert.Equal([TenderTransition.Cancel], later.AllowedTransitions);
        Assert.Equal([later.Id], (await rochdale.Api.Tenders.ListTendersAsync(rochdale.Slug, TenderStatus.Published, cancellationToken: Ct)).Items.Select(t => t.Id));
        Assert.Equal([now.Id], (await rochdale.Api.Tenders.ListTendersAsync(rochdale.Slug, TenderStatus.Open, cancellationToken: Ct)).Items.Select(t => t.Id));
        Assert.Equal([draft.Id], (await rochdale.Api.Tenders.ListTendersAsync(rochdale.Slug, TenderStatus.Draft, cancellationToken: Ct)).Items.Select(t => t.Id));
        Assert.Equal([later.Id, now.Id, draft.Id], (await rochdale.Api.Tenders.ListTendersAsync(rochdale.Slug, cancellationToken: Ct)).Items.Select(t => t.Id));
    }

    [Fact]
    public async Task Pages_through_more_tenders_than_fit_on_one_page()
    {
        var rochdale = await app.LandlordAsync();
        var created = new List<Guid>();
        for (var i = 0; i < 3; i++)
            created.Add((await rochdale.DraftAsync()).Id);

        var first = await rochdale.Api.Tenders.ListTendersAsync(rochdale.Slug, limit: 2, cancellationToken: Ct);
        var second = await rochdale.Api.Tenders.ListTendersAsync(rochdale.Slug, limit: 2, cursor: first.NextCursor, cancellationToken: Ct);

        Assert.Equal(created, first.Items.Concat(second.Items).Select(t => t.Id));
        Assert.Null(second.NextCursor);
    }

    public enum Stage { Draft, Published, Open, Closed, Shortlisted, Pitching, Awarded, Cancelled }

    async Task<(Landlord Landlord, TenderResponse Tender)> TenderAtAsync(Stage stage)
    {
        var rochdale = await app.LandlordAsync();
        var tenders = rochdale.Api.Tenders;
        if (stage == Stage.Shortlisted)
            return (rochdale, await rochdale.ShortlistedAsync());
        if (stage == Stage.Pitching)
            return (rochdale, (await rochdale.PitchingAsync()).Tender);
        if (stage == Stage.Awarded)
        {
            var plans = await app.PitchingPlansAsync();
            await plans.ScoreAllAsync();
            return (plans.Rochdale, await plans.Rochdale.Api.Awards.AwardTenderAsync(plans.Slug, plans.TenderId, plans.Award(plans.FromKade), cancellationToken: Ct));
        }

        var request = TenderScenarios.PitchJePlan([rochdale.Unit.Id], opensAt: stage == Stage.Published ? DateTimeOffset.UtcNow.AddDays(2) : null);
        var tender = await rochdale.DraftAsync(request);
        if (stage != Stage.Draft)
            tender = stage == Stage.Cancelled ? await tenders.CancelTenderAsync(rochdale.Slug, tender.Id, cancellationToken: Ct)
                : await tenders.PublishTenderAsync(rochdale.Slug, tender.Id, cancellationToken: Ct);
        if (stage == Stage.Closed)
            tender = await tenders.CloseTenderAsync(rochdale.Slug, tender.Id, cancellationToken: Ct);
        return (rochdale, tender);
    }

    static Task<TenderResponse> Apply(Landlord landlord, Guid tenderId, TenderTransition transition) => transition switch
    {
        TenderTransition.Publish => landlord.Api.Tenders.PublishTenderAsync(landlord.Slug, tenderId, cancellationToken: Ct),
        TenderTransition.Close => landlord.Api.Tenders.CloseTenderAsync(landlord.Slug, tenderId, cancellationToken: Ct),
        TenderTransition.Shortlist => landlord.Api.Tenders.ShortlistTenderAsync(landlord.Slug, tenderId,
            new ShortlistTenderRequest { Entries = [new ShortlistEntry { ApplicationId = Guid.NewGuid() }] }, cancellationToken: Ct),
        TenderTransition.StartPitching => landlord.Api.Tenders.StartPitchingTenderAsync(landlord.Slug, tenderId, cancellationToken: Ct),
        TenderTransition.Award => landlord.Api.Awards.AwardTenderAsync(landlord.Slug, tenderId, new AwardTenderRequest
        {
            ApplicationId = Guid.NewGuid(), JuryReport = "De jury kiest een plan dat er niet is; de status van de tender weigert het eerst.",
        }, cancellationToken: Ct),
        TenderTransition.Cancel => landlord.Api.Tenders.CancelTenderAsync(landlord.Slug, tenderId, cancellationToken: Ct),
        _ => throw new ArgumentOutOfRangeException(nameof(transition), transition, "A transition this table does not know yet: give it a call here."),
    };

    /// <summary>The answer to one transition: its status, the problem type, and the allowed transitions the problem names.</summary>
    static async Task<(TenderTransition Transition, int Status, string? Type, string Allowed)> TryAsync(Landlord landlord, Guid tenderId, TenderTransition transition)
    {
        try
        {
            await Apply(landlord, tenderId, transition);
            return (transition, 200, null, "");
        }
        catch (PlatformApiException<Problem> refused)
        {
            return (transition, refused.StatusCode, refused.Result.Type, string.Join(' ', refused.Result.AllowedTransitions ?? []));
        }
    }

    /// <summary>
    /// The whole table: in each status every transition of the contract that the status does not allow (the client's enum, so a new
    /// transition joins the table by itself) is a 409 naming the allowed ones, and the tender keeps its version.
    /// </summary>
    [Theory]
    [InlineData(Stage.Draft, new[] { TenderTransition.Publish, TenderTransition.Cancel })]
    [InlineData(Stage.Published, new[] { TenderTransition.Cancel })]
    [InlineData(Stage.Open, new[] { TenderTransition.Close, TenderTransition.Cancel })]
    [InlineData(Stage.Closed, new[] { TenderTransition.Shortlist, TenderTransition.Cancel })]
    [InlineData(Stage.Shortlisted, new[] { TenderTransition.StartPitching, TenderTransition.Cancel })]
    [InlineData(Stage.Pitching, new[] { TenderTransition.Award, TenderTransition.Cancel })]
    [InlineData(Stage.Awarded, new TenderTransition[0])]
    [InlineData(Stage.Cancelled, new TenderTransition[0])]
    public async Task Every_transition_a_status_does_not_allow_is_a_409_naming_the_allowed_ones_and_changes_nothing(Stage stage, TenderTransition[] allowed)
    {
        var (rochdale, tender) = await TenderAtAsync(stage);
        var illegal = Enum.GetValues<TenderTransition>().Except(allowed).ToList();

        var answers = new List<(TenderTransition, int, string?, string)>();
        foreach (var transition in illegal)
            answers.Add(await TryAsync(rochdale, tender.Id, transition));

        Assert.Equal(allowed, tender.AllowedTransitions);
        Assert.Equal(illegal.Select(t => (t, 409, (string?)"urn:plinth:problem:tender-transition-not-allowed", string.Join(' ', allowed))), answers);
        var after = await rochdale.Api.Tenders.GetTenderAsync(rochdale.Slug, tender.Id, Ct);
        Assert.Equal((tender.Etag, tender.Status), (after.Etag, after.Status));
    }

    [Fact]
    public async Task Publishing_needs_weights_that_sum_to_100()
    {
        var rochdale = await app.LandlordAsync();
        var draft = await rochdale.DraftAsync(TenderScenarios.PitchJePlan([rochdale.Unit.Id], weights: [25, 25, 25, 20]));

        var refused = await ThrowsProblemAsync(409, () => rochdale.Api.Tenders.PublishTenderAsync(rochdale.Slug, draft.Id, cancellationToken: Ct));

        Assert.Equal("urn:plinth:problem:tender-weights-not-complete", refused.Type);
        Assert.Contains("95", refused.Detail);
        Assert.Equal(TenderStatus.Draft, (await rochdale.Api.Tenders.GetTenderAsync(rochdale.Slug, draft.Id, Ct)).Status);
        Assert.Equal(UnitStatus.Vacant, (await rochdale.Api.Units.GetUnitAsync(rochdale.Slug, rochdale.Unit.Id, Ct)).Status);
    }

    [Fact]
    public async Task Publishing_needs_vacant_units_so_a_let_unit_or_one_in_another_tender_is_a_409()
    {
        var rochdale = await app.LandlordAsync();
        await rochdale.Api.Leases.CreateLeaseAsync(rochdale.Slug, Infrastructure.RealEstate.Lease(rochdale.Unit.Id, Infrastructure.RealEstate.Today.AddDays(-10)), cancellationToken: Ct);
        var forLetUnit = await rochdale.DraftAsync();
        var free = await rochdale.AnotherUnitAsync();
        await rochdale.PublishedAsync(TenderScenarios.PitchJePlan([free.Id]));
        var forTakenUnit = await rochdale.DraftAsync(TenderScenarios.PitchJePlan([free.Id]));

        var let = await ThrowsProblemAsync(409, () => rochdale.Api.Tenders.PublishTenderAsync(rochdale.Slug, forLetUnit.Id, cancellationToken: Ct));
        var taken = await ThrowsProblemAsync(409, () => rochdale.Api.Tenders.PublishTenderAsync(rochdale.Slug, forTakenUnit.Id, cancellationToken: Ct));

        Assert.Equal("urn:plinth:problem:tender-units-not-vacant", let.Type);
        Assert.Contains(rochdale.Unit.Id.ToString(), let.Detail);
        Assert.Equal("urn:plinth:problem:tender-units-not-vacant", taken.Type);
        Assert.Contains(free.Id.ToString(), taken.Detail);
        Assert.Equal(TenderStatus.Draft, (await rochdale.Api.Tenders.GetTenderAsync(rochdale.Slug, forTakenUnit.Id, Ct)).Status);
    }

    [Fact]
    public async Task Publishing_after_closesAt_has_passed_is_a_409()
    {
        var rochdale = await app.LandlordAsync();
        var draft = await rochdale.DraftAsync(TenderScenarios.PitchJePlan([rochdale.Unit.Id],
            opensAt: DateTimeOffset.UtcNow.AddDays(-10), closesAt: DateTimeOffset.UtcNow.AddDays(-1)));

        var refused = await ThrowsProblemAsync(409, () => rochdale.Api.Tenders.PublishTenderAsync(rochdale.Slug, draft.Id, cancellationToken: Ct));

        Assert.Equal("urn:plinth:problem:tender-closes-in-the-past", refused.Type);
    }

    [Fact]
    public async Task A_draft_changes_with_the_current_etag_only()
    {
        var rochdale = await app.LandlordAsync();
        var draft = await rochdale.DraftAsync();
        var change = draft.AsUpdate();
        change.Criteria[0].Weight = 40;
        change.Criteria[1].Weight = 10;
        change.Eligibility = "social entrepreneurs";

        var updated = await rochdale.Api.Tenders.UpdateTenderAsync(rochdale.Slug, draft.Id, draft.Etag, change, Ct);
        var stale = await ThrowsProblemAsync(412, () => rochdale.Api.Tenders.UpdateTenderAsync(rochdale.Slug, draft.Id, draft.Etag, change, Ct));
        using var missing = await rochdale.Api.Http.PutAsJsonAsync($"/v1/tenants/{rochdale.Slug}/tenders/{draft.Id}", change, Ct);

        Assert.Equal([40, 10, 25, 25], updated.Criteria.Select(c => c.Weight));
        Assert.Equal("social entrepreneurs", updated.Eligibility);
        Assert.Equal("\"2\"", updated.Etag);
        Assert.Equal("urn:plinth:problem:precondition-failed", stale.Type);
        await missing.AssertProblemAsync(HttpStatusCode.PreconditionRequired, "urn:plinth:problem:precondition-required");
        var events = await rochdale.Api.Audit.ListAuditEventsAsync(rochdale.Slug, AuditEntityType.Tender, draft.Id, cancellationToken: Ct);
        Assert.Contains(events.Items[1].Changes, c => c.Field == "eligibility" && c.Old == "starting or social entrepreneurs" && c.New == "social entrepreneurs");
    }

    [Theory]
    [InlineData(Stage.Published)]
    [InlineData(Stage.Open)]
    [InlineData(Stage.Closed)]
    [InlineData(Stage.Shortlisted)]
    [InlineData(Stage.Pitching)]
    [InlineData(Stage.Awarded)]
    [InlineData(Stage.Cancelled)]
    public async Task From_publication_on_criteria_weights_sections_and_eligibility_are_frozen(Stage stage)
    {
        var (rochdale, tender) = await TenderAtAsync(stage);
        var change = tender.AsUpdate();
        change.Criteria[0].Weight = 40;
        change.Criteria[1].Weight = 10;
        change.RequiredSections.Remove(TenderSection.StorefrontPlan);
        change.Eligibility = "anyone";

        var refused = await ThrowsProblemAsync(409, () => rochdale.Api.Tenders.UpdateTenderAsync(rochdale.Slug, tender.Id, tender.Etag, change, Ct));

        Assert.Equal("urn:plinth:problem:tender-frozen", refused.Type);
        var read = await rochdale.Api.Tenders.GetTenderAsync(rochdale.Slug, tender.Id, Ct);
        Assert.All(read.Criteria, c => Assert.Equal(25, c.Weight));
        Assert.Contains(TenderSection.StorefrontPlan, read.RequiredSections);
        Assert.Equal("starting or social entrepreneurs", read.Eligibility);
    }

    /// <summary>Each frozen part on its own: the Didam ruling fixes every one of them, not only a change of all four together.</summary>
    [Theory]
    [InlineData("criteria")]
    [InlineData("weights")]
    [InlineData("requiredSections")]
    [InlineData("eligibility")]
    public async Task Once_open_a_change_to_any_one_frozen_part_alone_is_a_409_and_the_published_version_stays(string part)
    {
        var (rochdale, open) = await TenderAtAsync(Stage.Open);
        var change = open.AsUpdate();
        switch (part)
        {
            case "criteria": change.Criteria[2] = new TenderCriterion { Key = "bond", Name = "Binding met de buurt", Description = "Wie de buurt al kent.", Weight = 25 }; break;
            case "weights": change.Criteria[0].Weight = 30; change.Criteria[3].Weight = 20; break;
            case "requiredSections": change.RequiredSections.Add(TenderSection.NeighbourhoodValue); break;
            case "eligibility": change.Eligibility = "social entrepreneurs only"; break;
        }

        var refused = await ThrowsProblemAsync(409, () => rochdale.Api.Tenders.UpdateTenderAsync(rochdale.Slug, open.Id, open.Etag, change, Ct));

        Assert.Equal("urn:plinth:problem:tender-frozen", refused.Type);
        var read = await rochdale.Api.Tenders.GetTenderAsync(rochdale.Slug, open.Id, Ct);
        Assert.Equal(open.Etag, read.Etag);
        Assert.Equal(["open_function", "storefront", "affordable", "feasibility"], read.Criteria.Select(c => c.Key));
        Assert.All(read.Criteria, c => Assert.Equal(25, c.Weight));
        Assert.Equal(open.RequiredSections, read.RequiredSections);
        Assert.Equal("starting or social entrepreneurs", read.Eligibility);
    }

    [Fact]
    public async Task Cancelling_an_open_tender_makes_its_unit_vacant_again()
    {
        var rochdale = await app.LandlordAsync();
        var open = await rochdale.PublishedAsync();

        var cancelled = await rochdale.Api.Tenders.CancelTenderAsync(rochdale.Slug, open.Id, cancellationToken: Ct);

        Assert.Equal(TenderStatus.Cancelled, cancelled.Status);
        Assert.Empty(cancelled.AllowedTransitions);
        Assert.NotNull(cancelled.CancelledAt);
        Assert.Equal(UnitStatus.Vacant, (await rochdale.Api.Units.GetUnitAsync(rochdale.Slug, rochdale.Unit.Id, Ct)).Status);
        Assert.Equal(TenderStatus.Open, (await rochdale.PublishedAsync()).Status);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("unitIds")]
    [InlineData("criteria")]
    [InlineData("criteria[0].weight")]
    [InlineData("criteria[0].key")]
    [InlineData("requiredSections")]
    [InlineData("closesAt")]
    [InlineData("pitchNight")]
    [InlineData("offeredTerms.baseRentCentsPerMonth")]
    public async Task A_bad_field_is_a_400_naming_it_and_nothing_is_stored(string field)
    {
        var rochdale = await app.LandlordAsync();
        var request = TenderScenarios.PitchJePlan([rochdale.Unit.Id]);
        switch (field)
        {
            case "title": request.Title = ""; break;
            case "unitIds": request.UnitIds = [Guid.NewGuid()]; break;
            case "criteria": request.Criteria[1].Key = request.Criteria[0].Key; break;
            case "criteria[0].weight": request.Criteria[0].Weight = 0; break;
            case "criteria[0].key": request.Criteria[0].Key = "Open Function"; break;
            case "requiredSections": request.RequiredSections = []; break;
            case "closesAt": request.ClosesAt = request.OpensAt.AddMinutes(-1); break;
            case "pitchNight": request.PitchNight = new PitchNight { StartsAt = request.ClosesAt.AddDays(-1), Location = "Buurthuis", MinutesPerPitch = 10 }; break;
            case "offeredTerms.baseRentCentsPerMonth": request.OfferedTerms.BaseRentCentsPerMonth = -1; break;
        }

        var problem = await ThrowsProblemAsync(400, () => rochdale.Api.Tenders.CreateTenderAsync(rochdale.Slug, request, cancellationToken: Ct));

        Assert.Contains(field, problem.FieldNames());
        Assert.Empty((await rochdale.Api.Tenders.ListTendersAsync(rochdale.Slug, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task A_unit_of_another_tenant_cannot_be_put_in_a_tender()
    {
        var rochdale = await app.LandlordAsync();
        var other = await app.LandlordAsync("Ymere");

        var problem = await ThrowsProblemAsync(400, () => rochdale.Api.Tenders.CreateTenderAsync(rochdale.Slug,
            TenderScenarios.PitchJePlan([other.Unit.Id]), cancellationToken: Ct));

        Assert.Equal(["unitIds"], problem.FieldNames());
        Assert.Empty((await other.Api.Tenders.ListTendersAsync(other.Slug, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task Without_a_token_401_with_a_read_scope_403_for_writes_and_another_tenants_tender_is_404()
    {
        var rochdale = await app.LandlordAsync();
        var open = await rochdale.PublishedAsync();
        var reader = await rochdale.Tenant.SignInAsync("tenders:read");
        var plinthsOnly = await rochdale.Tenant.SignInAsync("plinths:read");
        var other = await app.LandlordAsync("Ymere");
        using var anonymous = app.Anonymous();

        using var noToken = await anonymous.GetAsync($"/v1/tenants/{rochdale.Slug}/tenders/{open.Id}", Ct);
        await noToken.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(open.Id, (await reader.Tenders.GetTenderAsync(rochdale.Slug, open.Id, Ct)).Id);
        await ThrowsProblemAsync(403, () => reader.Tenders.CloseTenderAsync(rochdale.Slug, open.Id, cancellationToken: Ct));
        await ThrowsProblemAsync(403, () => reader.Tenders.CreateTenderAsync(rochdale.Slug, TenderScenarios.PitchJePlan([rochdale.Unit.Id]), cancellationToken: Ct));
        await ThrowsProblemAsync(403, () => plinthsOnly.Tenders.ListTendersAsync(rochdale.Slug, cancellationToken: Ct));
        await ThrowsProblemAsync(404, () => other.Api.Tenders.GetTenderAsync(other.Slug, open.Id, Ct));
        await ThrowsProblemAsync(404, () => other.Api.Tenders.CancelTenderAsync(other.Slug, open.Id, cancellationToken: Ct));
        await ThrowsProblemAsync(404, () => other.Api.Tenders.GetTenderAsync(rochdale.Slug, open.Id, Ct));
        Assert.Equal(TenderStatus.Open, (await reader.Tenders.GetTenderAsync(rochdale.Slug, open.Id, Ct)).Status);
    }
}
