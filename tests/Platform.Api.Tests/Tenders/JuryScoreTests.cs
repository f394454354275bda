using System.Net;
using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;

namespace Platform.Api.Tests.Tenders;

/// <summary>Rochdale's neighbourhood jury scores the shortlisted plans for the Kostverlorenkade atelier, each juror with its own key.</summary>
public sealed class JuryScoreTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_juror_reads_the_shortlist_in_pitch_order_without_the_applicants_contact_details()
    {
        var rochdale = await app.LandlordAsync();
        var jury = await rochdale.PitchingJuryAsync(plans: 2);

        var seen = await app.Juror(jury.Resident.Key).GetJuryTenderAsync(jury.TenderId, Ct);
        var raw = await app.JurorHttp(jury.Resident.Key).GetStringAsync($"/v1/jury/tenders/{jury.TenderId}", Ct);

        Assert.Equal(jury.Plans.Select(p => p.Id), seen.Applications.Select(a => a.Id));
        Assert.Equal([1, 2], seen.Applications.Select(a => a.Position));
        var first = seen.Applications.First();
        Assert.Equal("Plan 1", first.Applicant.Name);
        Assert.Equal("Plan 1", first.Applicant.Organisation);
        Assert.Equal(ApplicationScenarios.FourSections().StorefrontPlan, first.Sections.StorefrontPlan);
        var night = jury.Tender.PitchNight!;
        Assert.Equal(night.StartsAt, first.PitchSlot!.StartsAt);
        Assert.Equal(night.StartsAt.AddMinutes(15), seen.Applications.Last().PitchSlot!.StartsAt);
        Assert.All(seen.Applications, a => Assert.Null(a.Conflict));
        Assert.All(seen.Applications, a => Assert.Null(a.Scores));
        Assert.DoesNotContain(jury.Plans[0].Applicant.Email, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("+31 20 123 4567", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("email", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("kvkNumber", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_juror_scores_a_plan_on_every_criterion_and_the_audit_trail_keeps_who_and_when()
    {
        var rochdale = await app.LandlordAsync();
        var jury = await rochdale.PitchingJuryAsync(plans: 2);
        var plan = jury.Plans[1];
        var resident = app.Juror(jury.Resident.Key);

        var scored = await resident.ScoreApplicationAsync(jury.TenderId, plan.Id, JuryScenarios.Sheet(8, 9, 6, 7, "Een werkplaats waar de buurt binnenloopt."), Ct);

        Assert.Equal(plan.Id, scored.ApplicationId);
        Assert.Equal(jury.Resident.Juror.Id, scored.JurorId);
        Assert.Equal(["open_function:8", "storefront:9", "affordable:6", "feasibility:7"], scored.Scores.Select(s => $"{s.CriterionKey}:{s.Score}"));
        Assert.Equal("Een werkplaats waar de buurt binnenloopt.", scored.Scores.First().Comment);
        Assert.Equal(TimeSpan.Zero, scored.ScoredAt.Offset);
        Assert.InRange(scored.ScoredAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        var seen = await resident.GetJuryTenderAsync(jury.TenderId, Ct);
        Assert.Null(seen.Applications.Single(a => a.Id == jury.Plans[0].Id).Scores);
        Assert.Equal(scored.Scores.Select(s => s.Score), seen.Applications.Single(a => a.Id == plan.Id).Scores!.Scores.Select(s => s.Score));
        var audit = await rochdale.Api.Audit.ListAuditEventsAsync(rochdale.Slug, AuditEntityType.JuryScore, plan.Id, cancellationToken: Ct);
        var created = Assert.Single(audit.Items);
        Assert.Equal(AuditAction.Created, created.Action);
        Assert.Equal($"juror-{jury.Resident.Juror.Id}", created.ClientId);
        Assert.InRange(created.OccurredAt, scored.ScoredAt.AddSeconds(-5), scored.ScoredAt.AddSeconds(5));
        Assert.Contains(created.Changes, c => c.Field == "jurorId" && c.New == jury.Resident.Juror.Id.ToString());
        Assert.Contains(created.Changes, c => c.Field == "scores.storefront.score" && c.Old == null && c.New == "9");
    }

    [Fact]
    public async Task A_revision_replaces_the_jurors_scores_and_both_are_in_the_audit_trail()
    {
        var rochdale = await app.LandlordAsync();
        var jury = await rochdale.PitchingJuryAsync(plans: 1);
        var plan = jury.Plans[0];
        var resident = app.Juror(jury.Resident.Key);
        await resident.ScoreApplicationAsync(jury.TenderId, plan.Id, JuryScenarios.Sheet(8, 9, 6, 7, "Sterk"), Ct);

        var revised = await resident.ScoreApplicationAsync(jury.TenderId, plan.Id, JuryScenarios.Sheet(8, 5, 6, 7), Ct);

        Assert.Equal([8, 5, 6, 7], revised.Scores.Select(s => s.Score));
        Assert.All(revised.Scores, s => Assert.Null(s.Comment));
        var seen = await resident.GetJuryTenderAsync(jury.TenderId, Ct);
        Assert.Equal([8, 5, 6, 7], seen.Applications.Single().Scores!.Scores.Select(s => s.Score));
        var audit = await rochdale.Api.Audit.ListAuditEventsAsync(rochdale.Slug, AuditEntityType.JuryScore, plan.Id, cancellationToken: Ct);
        Assert.Equal([AuditAction.Created, AuditAction.Updated], audit.Items.Select(e => e.Action));
        Assert.All(audit.Items, e => Assert.Equal($"juror-{jury.Resident.Juror.Id}", e.ClientId));
        var revision = audit.Items[1];
        Assert.Contains(revision.Changes, c => c.Field == "scores.storefront.score" && c.Old == "9" && c.New == "5");
        Assert.Contains(revision.Changes, c => c.Field == "scores.open_function.comment" && c.Old == "Sterk" && c.New == null);
        Assert.DoesNotContain(revision.Changes, c => c.Field == "scores.affordable.score");
    }

    [Fact]
    public async Task Another_jurors_scores_are_never_in_the_jury_view()
    {
        var rochdale = await app.LandlordAsync();
        var jury = await rochdale.PitchingJuryAsync(plans: 1);
        var plan = jury.Plans[0];
        await app.Juror(jury.Resident.Key).ScoreApplicationAsync(jury.TenderId, plan.Id, JuryScenarios.Sheet(3, 4, 5, 6, "Alleen voor mijn ogen"), Ct);

        var professional = await app.Juror(jury.Professional.Key).GetJuryTenderAsync(jury.TenderId, Ct);
        var raw = await app.JurorHttp(jury.Professional.Key).GetStringAsync($"/v1/jury/tenders/{jury.TenderId}", Ct);

        Assert.Null(professional.Applications.Single().Scores);
        Assert.DoesNotContain("Alleen voor mijn ogen", raw, StringComparison.Ordinal);
        Assert.DoesNotContain(jury.Resident.Juror.Id.ToString(), raw, StringComparison.OrdinalIgnoreCase);
        var own = await app.Juror(jury.Professional.Key).ScoreApplicationAsync(jury.TenderId, plan.Id, JuryScenarios.Sheet(9, 9, 9, 9), Ct);
        Assert.Equal([3, 4, 5, 6], (await app.Juror(jury.Resident.Key).GetJuryTenderAsync(jury.TenderId, Ct)).Applications.Single().Scores!.Scores.Select(s => s.Score));
        Assert.Equal([9, 9, 9, 9], own.Scores.Select(s => s.Score));
    }

    public static TheoryData<string, string> BadSheets => new()
    {
        { """[{"criterionKey":"open_function","score":0},{"criterionKey":"storefront","score":5},{"criterionKey":"affordable","score":5},{"criterionKey":"feasibility","score":5}]""", "scores[0].score" },
        { """[{"criterionKey":"open_function","score":5},{"criterionKey":"storefront","score":11},{"criterionKey":"affordable","score":5},{"criterionKey":"feasibility","score":5}]""", "scores[1].score" },
        { """[{"criterionKey":"open_function","score":5},{"criterionKey":"storefront","score":5},{"criterionKey":"affordable","score":5}]""", "scores" },
        { """[{"criterionKey":"open_function","score":5},{"criterionKey":"storefront","score":5},{"criterionKey":"affordable","score":5},{"criterionKey":"feasibility","score":5},{"criterionKey":"location","score":5}]""", "scores[4].criterionKey" },
        { """[{"criterionKey":"open_function","score":5},{"criterionKey":"storefront","score":5},{"criterionKey":"storefront","score":6},{"criterionKey":"feasibility","score":5}]""", "scores[2].criterionKey" },
        { """[{"criterionKey":"open_function","score":5,"comment":"COMMENT"},{"criterionKey":"storefront","score":5},{"criterionKey":"affordable","score":5},{"criterionKey":"feasibility","score":5}]""", "scores[0].comment" },
        { """[{"criterionKey":"open_function"},{"criterionKey":"storefront","score":5},{"criterionKey":"affordable","score":5},{"criterionKey":"feasibility","score":5}]""", "scores[0].score" },
        { "[]", "scores" },
    };

    [Theory]
    [MemberData(nameof(BadSheets))]
    public async Task A_score_sheet_that_does_not_score_every_criterion_once_from_1_to_10_is_refused_naming_the_field_and_nothing_is_stored(string scores, string field)
    {
        var rochdale = await app.LandlordAsync();
        var jury = await rochdale.PitchingJuryAsync(plans: 1);
        var plan = jury.Plans[0];
        // 2,001 code points: within 4,002 UTF-16 units, one over the limit.
        var body = $$"""{"scores":{{scores.Replace("COMMENT", new string('é', 2001))}}}""";

        using var response = await app.JurorHttp(jury.Resident.Key).PutAsync($"/v1/jury/tenders/{jury.TenderId}/scores/{plan.Id}",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.Null((await app.Juror(jury.Resident.Key).GetJuryTenderAsync(jury.TenderId, Ct)).Applications.Single().Scores);
        Assert.Empty((await rochdale.Api.Audit.ListAuditEventsAsync(rochdale.Slug, AuditEntityType.JuryScore, plan.Id, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task A_comment_of_2000_characters_is_taken()
    {
        var rochdale = await app.LandlordAsync();
        var jury = await rochdale.PitchingJuryAsync(plans: 1);

        var scored = await app.Juror(jury.Resident.Key).ScoreApplicationAsync(jury.TenderId, jury.Plans[0].Id, JuryScenarios.Sheet(1, 10, 5, 5, new string('é', 2000)), Ct);

        Assert.Equal(2000, scored.Scores.First().Comment!.Length);
        Assert.Equal([1, 10, 5, 5], scored.Scores.Select(s => s.Score));
    }

    [Fact]
    public async Task Scoring_a_shortlisted_tender_before_the_pitching_starts_is_a_409_naming_the_status()
    {
        var rochdale = await app.LandlordAsync();
        var jury = await rochdale.ShortlistedJuryAsync(plans: 1);

        var refused = await ThrowsProblemAsync(409, () => app.Juror(jury.Resident.Key).ScoreApplicationAsync(jury.TenderId, jury.Plans[0].Id, JuryScenarios.Sheet(5, 5, 5, 5), Ct));

        Assert.Equal("urn:plinth:problem:tender-not-pitching", refused.Type);
        Assert.Contains("shortlisted", refused.Detail);
        Assert.Empty((await rochdale.Api.Audit.ListAuditEventsAsync(rochdale.Slug, AuditEntityType.JuryScore, jury.Plans[0].Id, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task Scoring_a_closed_tender_is_a_409_naming_the_status()
    {
        var rochdale = await app.LandlordAsync();
        var closed = await rochdale.ClosedWithEligibleAsync(1);
        var resident = await rochdale.AppointAsync(closed.Id, JuryScenarios.Resident());

        var refused = await ThrowsProblemAsync(409, () => app.Juror(resident.Key).ScoreApplicationAsync(closed.Id, closed.Eligible[0].Id, JuryScenarios.Sheet(5, 5, 5, 5), Ct));

        Assert.Equal("urn:plinth:problem:tender-not-pitching", refused.Type);
        Assert.Contains("closed", refused.Detail);
    }

    [Fact]
    public async Task Only_a_plan_on_this_tenders_shortlist_is_scored()
    {
        var rochdale = await app.LandlordAsync();
        var jury = await rochdale.PitchingJuryAsync(plans: 1);
        var elsewhere = await rochdale.ClosedWithEligibleAsync(1, TenderScenarios.PitchJePlan([(await rochdale.AnotherUnitAsync()).Id]));
        var resident = app.Juror(jury.Resident.Key);

        var other = await ThrowsProblemAsync(404, () => resident.ScoreApplicationAsync(jury.TenderId, elsewhere.Eligible[0].Id, JuryScenarios.Sheet(5, 5, 5, 5), Ct));
        await ThrowsProblemAsync(404, () => resident.ScoreApplicationAsync(jury.TenderId, Guid.NewGuid(), JuryScenarios.Sheet(5, 5, 5, 5), Ct));

        Assert.Equal("urn:plinth:problem:not-found", other.Type);
        Assert.Empty((await rochdale.Api.Audit.ListAuditEventsAsync(rochdale.Slug, AuditEntityType.JuryScore, elsewhere.Eligible[0].Id, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task A_jurors_key_scores_on_its_own_tender_only()
    {
        var rochdale = await app.LandlordAsync();
        var jury = await rochdale.PitchingJuryAsync(plans: 1);
        var another = await new Landlord(rochdale.Tenant, rochdale.Api, rochdale.Plinth, await rochdale.AnotherUnitAsync()).PitchingJuryAsync(plans: 1);

        var refused = await ThrowsProblemAsync(404, () => app.Juror(jury.Resident.Key).ScoreApplicationAsync(another.TenderId, another.Plans[0].Id, JuryScenarios.Sheet(5, 5, 5, 5), Ct));

        Assert.Equal("urn:plinth:problem:not-found", refused.Type);
        Assert.Null((await app.Juror(another.Resident.Key).GetJuryTenderAsync(another.TenderId, Ct)).Applications.Single().Scores);
        Assert.Empty((await rochdale.Api.Audit.ListAuditEventsAsync(rochdale.Slug, AuditEntityType.JuryScore, another.Plans[0].Id, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task Scoring_takes_an_active_jurors_key_and_no_token()
    {
        var rochdale = await app.LandlordAsync();
        var jury = await rochdale.PitchingJuryAsync(plans: 1);
        var plan = jury.Plans[0];
        var sheet = JuryScenarios.Sheet(5, 5, 5, 5);
        var landlordToken = await rochdale.Tenant.SignInAsync("tenders:write");
        await rochdale.Api.Jurors.RevokeJurorAsync(rochdale.Slug, jury.TenderId, jury.Professional.Juror.Id, cancellationToken: Ct);

        await ThrowsProblemAsync(401, () => new JuryClient(app.Anonymous()).ScoreApplicationAsync(jury.TenderId, plan.Id, sheet, Ct));
        await ThrowsProblemAsync(401, () => new JuryClient(landlordToken.Http).ScoreApplicationAsync(jury.TenderId, plan.Id, sheet, Ct));
        await ThrowsProblemAsync(401, () => app.Juror(jury.Professional.Key).ScoreApplicationAsync(jury.TenderId, plan.Id, sheet, Ct));
        Assert.Empty((await rochdale.Api.Audit.ListAuditEventsAsync(rochdale.Slug, AuditEntityType.JuryScore, plan.Id, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task Cancelling_the_tender_ends_the_scoring_with_the_keys()
    {
        var rochdale = await app.LandlordAsync();
        var jury = await rochdale.PitchingJuryAsync(plans: 1);
        await rochdale.Api.Tenders.CancelTenderAsync(rochdale.Slug, jury.TenderId, cancellationToken: Ct);

        await ThrowsProblemAsync(401, () => app.Juror(jury.Resident.Key).ScoreApplicationAsync(jury.TenderId, jury.Plans[0].Id, JuryScenarios.Sheet(5, 5, 5, 5), Ct));
    }
}
