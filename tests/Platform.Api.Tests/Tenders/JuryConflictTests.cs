using System.Net;
using System.Net.Http.Json;
using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;

namespace Platform.Api.Tests.Tenders;

/// <summary>A juror who knows an applicant says so: it then does not score that plan, and what it scored is removed.</summary>
public sealed class JuryConflictTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static DeclareJuryConflictRequest Neighbour => new() { Reason = "De aanvrager is mijn buurvrouw." };

    [Fact]
    public async Task A_conflicted_juror_no_longer_scores_the_plan_and_its_scores_of_it_are_removed_in_the_audit_trail()
    {
        var rochdale = await app.LandlordAsync();
        var jury = await rochdale.PitchingJuryAsync(plans: 2);
        var plan = jury.Plans[0];
        var resident = app.Juror(jury.Resident.Key);
        await resident.ScoreApplicationAsync(jury.TenderId, plan.Id, JuryScenarios.Sheet(9, 9, 9, 9), Ct);
        await resident.ScoreApplicationAsync(jury.TenderId, jury.Plans[1].Id, JuryScenarios.Sheet(6, 6, 6, 6), Ct);

        var declared = await resident.DeclareJuryConflictAsync(jury.TenderId, plan.Id, Neighbour, cancellationToken: Ct);

        Assert.Equal(plan.Id, declared.ApplicationId);
        Assert.Equal(jury.Resident.Juror.Id, declared.JurorId);
        Assert.Equal("De aanvrager is mijn buurvrouw.", declared.Reason);
        var seen = await resident.GetJuryTenderAsync(jury.TenderId, Ct);
        var conflicted = seen.Applications.Single(a => a.Id == plan.Id);
        Assert.Equal(declared.DeclaredAt, conflicted.Conflict!.DeclaredAt);
        Assert.Null(conflicted.Scores);
        Assert.Equal([6, 6, 6, 6], seen.Applications.Single(a => a.Id == jury.Plans[1].Id).Scores!.Scores.Select(s => s.Score));
        var refused = await ThrowsProblemAsync(409, () => resident.ScoreApplicationAsync(jury.TenderId, plan.Id, JuryScenarios.Sheet(9, 9, 9, 9), Ct));
        Assert.Equal("urn:plinth:problem:juror-conflicted", refused.Type);
        Assert.Null((await app.Juror(jury.Professional.Key).GetJuryTenderAsync(jury.TenderId, Ct)).Applications.Single(a => a.Id == plan.Id).Conflict);
        var scoreAudit = await rochdale.Api.Audit.ListAuditEventsAsync(rochdale.Slug, AuditEntityType.JuryScore, plan.Id, cancellationToken: Ct);
        Assert.Equal([AuditAction.Created, AuditAction.Deleted], scoreAudit.Items.Select(e => e.Action));
        Assert.Contains(scoreAudit.Items[1].Changes, c => c.Field == "scores.storefront.score" && c.Old == "9" && c.New == null);
        var conflictAudit = Assert.Single((await rochdale.Api.Audit.ListAuditEventsAsync(rochdale.Slug, AuditEntityType.JuryConflict, plan.Id, cancellationToken: Ct)).Items);
        Assert.Equal(AuditAction.Created, conflictAudit.Action);
        Assert.Equal($"juror-{jury.Resident.Juror.Id}", conflictAudit.ClientId);
        Assert.Contains(conflictAudit.Changes, c => c.Field == "reason" && c.New == "De aanvrager is mijn buurvrouw.");
    }

    [Fact]
    public async Task A_second_declaration_answers_the_stored_conflict_and_stores_no_second()
    {
        var rochdale = await app.LandlordAsync();
        var jury = await rochdale.ShortlistedJuryAsync(plans: 1);
        var plan = jury.Plans[0];
        var resident = app.Juror(jury.Resident.Key);
        var first = await resident.DeclareJuryConflictAsync(jury.TenderId, plan.Id, Neighbour, cancellationToken: Ct);

        var second = await resident.DeclareJuryConflictAsync(jury.TenderId, plan.Id, new DeclareJuryConflictRequest { Reason = "Toch nog eens." }, cancellationToken: Ct);

        Assert.Equal(first.DeclaredAt, second.DeclaredAt);
        Assert.Equal(first.Reason, second.Reason);
        Assert.Single((await rochdale.Api.Audit.ListAuditEventsAsync(rochdale.Slug, AuditEntityType.JuryConflict, plan.Id, cancellationToken: Ct)).Items);
        Assert.Empty((await rochdale.Api.Audit.ListAuditEventsAsync(rochdale.Slug, AuditEntityType.JuryScore, plan.Id, cancellationToken: Ct)).Items);
        await rochdale.Api.Tenders.StartPitchingTenderAsync(rochdale.Slug, jury.TenderId, cancellationToken: Ct);
        await ThrowsProblemAsync(409, () => resident.ScoreApplicationAsync(jury.TenderId, plan.Id, JuryScenarios.Sheet(5, 5, 5, 5), Ct));
    }

    [Fact]
    public async Task A_declaration_retried_with_its_idempotency_key_answers_the_first_one()
    {
        var rochdale = await app.LandlordAsync();
        var jury = await rochdale.ShortlistedJuryAsync(plans: 1);
        var plan = jury.Plans[0];
        var resident = app.Juror(jury.Resident.Key);

        var first = await resident.DeclareJuryConflictAsync(jury.TenderId, plan.Id, Neighbour, "conflict-retry-1", Ct);
        var retried = await resident.DeclareJuryConflictAsync(jury.TenderId, plan.Id, Neighbour, "conflict-retry-1", Ct);

        Assert.Equal((first.DeclaredAt, first.Reason, first.JurorId), (retried.DeclaredAt, retried.Reason, retried.JurorId));
        Assert.Single((await rochdale.Api.Audit.ListAuditEventsAsync(rochdale.Slug, AuditEntityType.JuryConflict, plan.Id, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task Before_the_shortlist_a_conflict_is_a_409_naming_the_status()
    {
        var rochdale = await app.LandlordAsync();
        var closed = await rochdale.ClosedWithEligibleAsync(1);
        var resident = await rochdale.AppointAsync(closed.Id, JuryScenarios.Resident());

        var refused = await ThrowsProblemAsync(409, () => app.Juror(resident.Key).DeclareJuryConflictAsync(closed.Id, closed.Eligible[0].Id, Neighbour, cancellationToken: Ct));

        Assert.Equal("urn:plinth:problem:tender-not-shortlisted", refused.Type);
        Assert.Contains("closed", refused.Detail);
        Assert.Empty((await rochdale.Api.Audit.ListAuditEventsAsync(rochdale.Slug, AuditEntityType.JuryConflict, closed.Eligible[0].Id, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task A_conflict_with_a_plan_off_the_shortlist_is_a_404()
    {
        var rochdale = await app.LandlordAsync();
        var jury = await rochdale.ShortlistedJuryAsync(plans: 1);
        var elsewhere = await rochdale.ClosedWithEligibleAsync(1, TenderScenarios.PitchJePlan([(await rochdale.AnotherUnitAsync()).Id]));
        var resident = app.Juror(jury.Resident.Key);

        await ThrowsProblemAsync(404, () => resident.DeclareJuryConflictAsync(jury.TenderId, elsewhere.Eligible[0].Id, Neighbour, cancellationToken: Ct));
        await ThrowsProblemAsync(404, () => resident.DeclareJuryConflictAsync(jury.TenderId, Guid.NewGuid(), Neighbour, cancellationToken: Ct));
        await ThrowsProblemAsync(404, () => resident.DeclareJuryConflictAsync(elsewhere.Id, elsewhere.Eligible[0].Id, Neighbour, cancellationToken: Ct));

        Assert.Empty((await rochdale.Api.Audit.ListAuditEventsAsync(rochdale.Slug, AuditEntityType.JuryConflict, elsewhere.Eligible[0].Id, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task A_conflict_without_a_reason_or_with_one_too_long_is_refused_naming_it()
    {
        var rochdale = await app.LandlordAsync();
        var jury = await rochdale.ShortlistedJuryAsync(plans: 1);
        var plan = jury.Plans[0];
        var resident = app.Juror(jury.Resident.Key);

        var empty = await ThrowsProblemAsync(400, () => resident.DeclareJuryConflictAsync(jury.TenderId, plan.Id, new DeclareJuryConflictRequest { Reason = " " }, cancellationToken: Ct));
        var tooLong = await ThrowsProblemAsync(400, () => resident.DeclareJuryConflictAsync(jury.TenderId, plan.Id, new DeclareJuryConflictRequest { Reason = new string('é', 1001) }, cancellationToken: Ct));
        using var missing = await app.JurorHttp(jury.Resident.Key).PostAsJsonAsync($"/v1/jury/tenders/{jury.TenderId}/conflicts/{plan.Id}", new { }, Ct);

        Assert.Equal(["reason"], empty.FieldNames());
        Assert.Equal(["reason"], tooLong.FieldNames());
        Assert.Equal("reason", (await missing.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors")[0].GetProperty("name").GetString());
        Assert.Null((await resident.GetJuryTenderAsync(jury.TenderId, Ct)).Applications.Single().Conflict);
    }

    [Fact]
    public async Task Declaring_takes_an_active_jurors_key_of_this_tender_and_no_token()
    {
        var rochdale = await app.LandlordAsync();
        var jury = await rochdale.ShortlistedJuryAsync(plans: 1);
        var plan = jury.Plans[0];
        var landlord = await rochdale.Tenant.SignInAsync("tenders:write");
        var other = await new Landlord(rochdale.Tenant, rochdale.Api, rochdale.Plinth, await rochdale.AnotherUnitAsync()).ShortlistedJuryAsync(plans: 1);
        await rochdale.Api.Jurors.RevokeJurorAsync(rochdale.Slug, jury.TenderId, jury.Professional.Juror.Id, cancellationToken: Ct);

        await ThrowsProblemAsync(401, () => new JuryClient(app.Anonymous()).DeclareJuryConflictAsync(jury.TenderId, plan.Id, Neighbour, cancellationToken: Ct));
        await ThrowsProblemAsync(401, () => new JuryClient(landlord.Http).DeclareJuryConflictAsync(jury.TenderId, plan.Id, Neighbour, cancellationToken: Ct));
        await ThrowsProblemAsync(401, () => app.Juror(jury.Professional.Key).DeclareJuryConflictAsync(jury.TenderId, plan.Id, Neighbour, cancellationToken: Ct));
        await ThrowsProblemAsync(404, () => app.Juror(other.Resident.Key).DeclareJuryConflictAsync(jury.TenderId, plan.Id, Neighbour, cancellationToken: Ct));

        Assert.Empty((await rochdale.Api.Audit.ListAuditEventsAsync(rochdale.Slug, AuditEntityType.JuryConflict, plan.Id, cancellationToken: Ct)).Items);
    }
}
