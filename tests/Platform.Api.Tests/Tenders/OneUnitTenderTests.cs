using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;

namespace Platform.Api.Tests.Tenders;

/// <summary>
/// A tender lets exactly one unit (a tender per available space): refused where Rochdale can still fix it, at create and at a
/// draft's update; a tender stored with two units before that rule is refused at publication and at the award, and can be cancelled.
/// </summary>
public sealed class OneUnitTenderTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_tender_for_two_ateliers_is_a_400_on_unitIds_and_nothing_is_stored()
    {
        var rochdale = await app.LandlordAsync();
        var second = await rochdale.AnotherUnitAsync();

        var refused = await ThrowsProblemAsync(400, () => rochdale.Api.Tenders.CreateTenderAsync(rochdale.Slug,
            TenderScenarios.PitchJePlan([rochdale.Unit.Id, second.Id]), cancellationToken: Ct));

        Assert.Equal(["unitIds"], refused.FieldNames());
        Assert.Contains("exactly one unit", refused.Errors!.Single().Reason);
        Assert.Empty((await rochdale.Api.Tenders.ListTendersAsync(rochdale.Slug, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task A_draft_updated_to_two_ateliers_is_a_400_on_unitIds_and_keeps_its_one_unit()
    {
        var rochdale = await app.LandlordAsync();
        var draft = await rochdale.DraftAsync();
        var change = draft.AsUpdate();
        change.UnitIds = [rochdale.Unit.Id, (await rochdale.AnotherUnitAsync()).Id];

        var refused = await ThrowsProblemAsync(400, () => rochdale.Api.Tenders.UpdateTenderAsync(rochdale.Slug, draft.Id, draft.Etag, change, Ct));

        Assert.Equal(["unitIds"], refused.FieldNames());
        var read = await rochdale.Api.Tenders.GetTenderAsync(rochdale.Slug, draft.Id, Ct);
        Assert.Equal(draft.Etag, read.Etag);
        Assert.Equal([rochdale.Unit.Id], read.UnitIds);
    }

    [Fact]
    public async Task A_draft_stored_with_two_units_is_not_published_until_it_is_updated_to_one()
    {
        var rochdale = await app.LandlordAsync();
        var second = await rochdale.AnotherUnitAsync();
        var draft = await rochdale.DraftAsync();
        await app.AddUnitTheOldWayAsync(rochdale, draft.Id, second.Id, published: false);
        var stored = await rochdale.Api.Tenders.GetTenderAsync(rochdale.Slug, draft.Id, Ct);

        var refused = await ThrowsProblemAsync(409, () => rochdale.Api.Tenders.PublishTenderAsync(rochdale.Slug, draft.Id, cancellationToken: Ct));

        Assert.Equal("urn:plinth:problem:tender-several-units", refused.Type);
        Assert.Equal("Publish Cancel", string.Join(' ', refused.AllowedTransitions!));
        var after = await rochdale.Api.Tenders.GetTenderAsync(rochdale.Slug, draft.Id, Ct);
        Assert.Equal((TenderStatus.Draft, stored.Etag, 2), (after.Status, after.Etag, after.UnitIds.Count));
        foreach (var unit in after.UnitIds)
            Assert.Equal(UnitStatus.Vacant, (await rochdale.Api.Units.GetUnitAsync(rochdale.Slug, unit, Ct)).Status);

        var change = after.AsUpdate();
        change.UnitIds = [rochdale.Unit.Id];
        var fixedDraft = await rochdale.Api.Tenders.UpdateTenderAsync(rochdale.Slug, draft.Id, after.Etag, change, Ct);
        var published = await rochdale.Api.Tenders.PublishTenderAsync(rochdale.Slug, draft.Id, cancellationToken: Ct);

        Assert.Equal([rochdale.Unit.Id], fixedDraft.UnitIds);
        Assert.Equal(TenderStatus.Open, published.Status);
        Assert.Equal(UnitStatus.Vacant, (await rochdale.Api.Units.GetUnitAsync(rochdale.Slug, second.Id, Ct)).Status);
    }

    [Fact]
    public async Task A_pitching_tender_stored_with_two_units_is_not_awarded_writes_nothing_and_can_be_cancelled()
    {
        var plans = await app.PitchingPlansAsync();
        var second = await plans.Rochdale.AnotherUnitAsync();
        await app.AddUnitTheOldWayAsync(plans.Rochdale, plans.TenderId, second.Id, published: true);
        await plans.ScoreAllAsync();
        var finance = await plans.Rochdale.Tenant.SignInAsync("leases:read", "tenders:read");

        var refused = await ThrowsProblemAsync(409, () => plans.Rochdale.Api.Awards.AwardTenderAsync(plans.Slug, plans.TenderId,
            plans.Award(plans.FromKade), cancellationToken: Ct));

        Assert.Equal("urn:plinth:problem:tender-several-units", refused.Type);
        Assert.Contains("2 units", refused.Detail);
        var tender = await finance.Tenders.GetTenderAsync(plans.Slug, plans.TenderId, Ct);
        Assert.Equal((TenderStatus.Pitching, (TenderAwardResponse?)null), (tender.Status, tender.Award));
        Assert.Empty((await finance.Leases.ListLeasesAsync(plans.Slug, unitId: plans.Rochdale.Unit.Id, cancellationToken: Ct)).Items);
        Assert.Equal(ApplicationStatus.Shortlisted, (await finance.Applications.GetTenderApplicationAsync(plans.Slug, plans.TenderId, plans.FromKade.Id, Ct)).Status);

        var cancelled = await plans.Rochdale.Api.Tenders.CancelTenderAsync(plans.Slug, plans.TenderId, cancellationToken: Ct);

        Assert.Equal(TenderStatus.Cancelled, cancelled.Status);
        foreach (var unit in new[] { plans.Rochdale.Unit.Id, second.Id })
            Assert.Equal(UnitStatus.Vacant, (await plans.Rochdale.Api.Units.GetUnitAsync(plans.Slug, unit, Ct)).Status);
    }
}
