using System.Net;
using System.Net.Http.Json;
using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;
using static Platform.Api.Tests.Tenders.ApplicationScenarios;
using static Platform.Api.Tests.Tenders.ShortlistScenarios;

namespace Platform.Api.Tests.Tenders;

public sealed class ShortlistTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_named_plans_are_shortlisted_in_order_with_their_notes_and_the_other_eligible_ones_not_selected()
    {
        var rochdale = await app.LandlordAsync();
        var closed = await rochdale.ClosedWithEligibleAsync(4);
        var (first, second, left, alsoLeft) = (closed.Eligible[0], closed.Eligible[1], closed.Eligible[2], closed.Eligible[3]);

        var shortlisted = await rochdale.Api.Tenders.ShortlistTenderAsync(rochdale.Slug, closed.Id, Shortlist(second, first), cancellationToken: Ct);

        Assert.Equal(TenderStatus.Shortlisted, shortlisted.Status);
        Assert.Equal([TenderTransition.StartPitching, TenderTransition.Cancel], shortlisted.AllowedTransitions);
        var applications = (await rochdale.Api.Applications.ListTenderApplicationsAsync(rochdale.Slug, closed.Id, cancellationToken: Ct)).Items.ToDictionary(a => a.Id);
        Assert.Equal((ApplicationStatus.Shortlisted, $"Sterk etalageplan van {second.Applicant.Name}."),
            (applications[second.Id].Status, applications[second.Id].ShortlistNote));
        Assert.Equal(ApplicationStatus.Shortlisted, applications[first.Id].Status);
        Assert.Equal((ApplicationStatus.NotSelected, null), (applications[left.Id].Status, applications[left.Id].ShortlistNote));
        Assert.Equal(ApplicationStatus.NotSelected, applications[alsoLeft.Id].Status);
        var onlyShortlisted = await rochdale.Api.Applications.ListTenderApplicationsAsync(rochdale.Slug, closed.Id, ApplicationStatus.Shortlisted, cancellationToken: Ct);
        Assert.Equal([first.Id, second.Id], onlyShortlisted.Items.Select(a => a.Id).Order());
    }

    [Fact]
    public async Task Submitted_ineligible_and_withdrawn_plans_stay_as_they_are()
    {
        var rochdale = await app.LandlordAsync();
        var open = await rochdale.PublishedAsync();
        var website = await rochdale.Tenant.SignInAsync("applications:submit");
        var eligible = await SubmitAsync(website, open.Id, "eligible");
        var ineligible = await SubmitAsync(website, open.Id, "ineligible");
        var unassessed = await SubmitAsync(website, open.Id, "unassessed");
        var withdrawn = await SubmitAsync(website, open.Id, "withdrawn");
        await Assess(rochdale, open.Id, eligible.Id, AssessmentDecision.Eligible);
        await Assess(rochdale, open.Id, ineligible.Id, AssessmentDecision.Ineligible);
        await website.Applications.WithdrawApplicationAsync(rochdale.Slug, withdrawn.Id, cancellationToken: Ct);
        await rochdale.Api.Tenders.CloseTenderAsync(rochdale.Slug, open.Id, cancellationToken: Ct);

        await rochdale.Api.Tenders.ShortlistTenderAsync(rochdale.Slug, open.Id, Shortlist(eligible), cancellationToken: Ct);

        var statuses = (await rochdale.Api.Applications.ListTenderApplicationsAsync(rochdale.Slug, open.Id, cancellationToken: Ct)).Items.ToDictionary(a => a.Id, a => a.Status);
        Assert.Equal(ApplicationStatus.Shortlisted, statuses[eligible.Id]);
        Assert.Equal(ApplicationStatus.Ineligible, statuses[ineligible.Id]);
        Assert.Equal(ApplicationStatus.Submitted, statuses[unassessed.Id]);
        Assert.Equal(ApplicationStatus.Withdrawn, statuses[withdrawn.Id]);
    }

    [Fact]
    public async Task The_shortlist_is_audited_on_the_tender_and_on_each_application()
    {
        var rochdale = await app.LandlordAsync();
        var closed = await rochdale.ClosedWithEligibleAsync(2);

        await rochdale.Api.Tenders.ShortlistTenderAsync(rochdale.Slug, closed.Id, Shortlist(closed.Eligible[0]), cancellationToken: Ct);

        var tenderEvents = await rochdale.Api.Audit.ListAuditEventsAsync(rochdale.Slug, AuditEntityType.Tender, closed.Id, cancellationToken: Ct);
        Assert.Contains(tenderEvents.Items[^1].Changes, c => c.Field == "status" && c.Old == "closed" && c.New == "shortlisted");
        Assert.Equal(AuditAction.Shortlisted, tenderEvents.Items[^1].Action);
        var chosen = await rochdale.Api.Audit.ListAuditEventsAsync(rochdale.Slug, AuditEntityType.Application, closed.Eligible[0].Id, cancellationToken: Ct);
        Assert.Equal(AuditAction.Shortlisted, chosen.Items[^1].Action);
        Assert.Contains(chosen.Items[^1].Changes, c => c.Field == "status" && c.Old == "eligible" && c.New == "shortlisted");
        Assert.Contains(chosen.Items[^1].Changes, c => c.Field == "shortlistPosition" && c.New == "1");
        var left = await rochdale.Api.Audit.ListAuditEventsAsync(rochdale.Slug, AuditEntityType.Application, closed.Eligible[1].Id, cancellationToken: Ct);
        Assert.Equal(AuditAction.NotSelected, left.Items[^1].Action);
        Assert.Contains(left.Items[^1].Changes, c => c.Field == "status" && c.Old == "eligible" && c.New == "not_selected");
    }

    [Fact]
    public async Task The_applicant_sees_its_plan_shortlisted_on_its_receipt()
    {
        var rochdale = await app.LandlordAsync();
        var (kade, kadeApi) = await app.CollectiveAsync();
        var closed = await rochdale.ClosedWithEligibleAsync(1, submitters: kadeApi);

        await rochdale.Api.Tenders.ShortlistTenderAsync(rochdale.Slug, closed.Id, Shortlist(closed.Eligible[0]), cancellationToken: Ct);

        var receipt = await kadeApi.Applications.GetApplicationReceiptAsync(kade.Slug, closed.Eligible[0].Id, Ct);
        Assert.Equal(ApplicationStatus.Shortlisted, receipt.Status);
        Assert.Equal($"Sterk etalageplan van {closed.Eligible[0].Applicant.Name}.", receipt.ShortlistNote);
    }

    [Fact]
    public async Task A_plan_that_is_not_eligible_is_a_409_and_nothing_changes()
    {
        var rochdale = await app.LandlordAsync();
        var open = await rochdale.PublishedAsync();
        var website = await rochdale.Tenant.SignInAsync("applications:submit");
        var eligible = await SubmitAsync(website, open.Id, "eligible");
        var ineligible = await SubmitAsync(website, open.Id, "ineligible");
        var unassessed = await SubmitAsync(website, open.Id, "unassessed");
        await Assess(rochdale, open.Id, eligible.Id, AssessmentDecision.Eligible);
        await Assess(rochdale, open.Id, ineligible.Id, AssessmentDecision.Ineligible);
        var closed = await rochdale.Api.Tenders.CloseTenderAsync(rochdale.Slug, open.Id, cancellationToken: Ct);

        var refusedIneligible = await ThrowsProblemAsync(409, () => rochdale.Api.Tenders.ShortlistTenderAsync(rochdale.Slug, open.Id, Shortlist(eligible, ineligible), cancellationToken: Ct));
        var refusedUnassessed = await ThrowsProblemAsync(409, () => rochdale.Api.Tenders.ShortlistTenderAsync(rochdale.Slug, open.Id, Shortlist(unassessed), cancellationToken: Ct));

        Assert.Equal("urn:plinth:problem:application-not-eligible", refusedIneligible.Type);
        Assert.Contains($"{ineligible.Id} (ineligible)", refusedIneligible.Detail);
        Assert.Contains($"{unassessed.Id} (submitted)", refusedUnassessed.Detail);
        Assert.Equal(closed.Etag, (await rochdale.Api.Tenders.GetTenderAsync(rochdale.Slug, open.Id, Ct)).Etag);
        Assert.Equal(ApplicationStatus.Eligible, (await rochdale.Api.Applications.GetTenderApplicationAsync(rochdale.Slug, open.Id, eligible.Id, Ct)).Status);
    }

    [Fact]
    public async Task An_application_of_another_tender_is_a_400_naming_the_entry_and_nothing_changes()
    {
        var rochdale = await app.LandlordAsync();
        var closed = await rochdale.ClosedWithEligibleAsync(1);
        var otherTender = await rochdale.ClosedWithEligibleAsync(1, TenderScenarios.PitchJePlan([(await rochdale.AnotherUnitAsync()).Id]));

        var problem = await ThrowsProblemAsync(400, () => rochdale.Api.Tenders.ShortlistTenderAsync(rochdale.Slug, closed.Id,
            Shortlist(closed.Eligible[0], otherTender.Eligible[0]), cancellationToken: Ct));

        Assert.Equal(["entries[1].applicationId"], problem.FieldNames());
        Assert.Equal(TenderStatus.Closed, (await rochdale.Api.Tenders.GetTenderAsync(rochdale.Slug, closed.Id, Ct)).Status);
        Assert.Equal(ApplicationStatus.Eligible, (await rochdale.Api.Applications.GetTenderApplicationAsync(rochdale.Slug, closed.Id, closed.Eligible[0].Id, Ct)).Status);
    }

    [Theory]
    [InlineData("none", "entries")]
    [InlineData("twice", "entries")]
    [InlineData("empty id", "entries[0].applicationId")]
    [InlineData("long note", "entries[0].note")]
    public async Task A_bad_shortlist_is_a_400_naming_the_field_and_nothing_changes(string change, string field)
    {
        var rochdale = await app.LandlordAsync();
        var closed = await rochdale.ClosedWithEligibleAsync(1);
        var request = change == "twice" ? Shortlist(closed.Eligible[0], closed.Eligible[0]) : Shortlist(closed.Eligible[0]);
        switch (change)
        {
            case "none": request.Entries = []; break;
            case "empty id": request.Entries[0].ApplicationId = Guid.Empty; break;
            case "long note": request.Entries[0].Note = new string('a', 1001); break;
        }

        var problem = await ThrowsProblemAsync(400, () => rochdale.Api.Tenders.ShortlistTenderAsync(rochdale.Slug, closed.Id, request, cancellationToken: Ct));

        Assert.Contains(field, problem.FieldNames());
        Assert.Equal(TenderStatus.Closed, (await rochdale.Api.Tenders.GetTenderAsync(rochdale.Slug, closed.Id, Ct)).Status);
    }

    [Fact]
    public async Task A_body_without_entries_is_a_400()
    {
        var rochdale = await app.LandlordAsync();
        var closed = await rochdale.ClosedWithEligibleAsync(1);

        using var response = await rochdale.Api.Http.PostAsJsonAsync($"/v1/tenants/{rochdale.Slug}/tenders/{closed.Id}/shortlist", new { }, Ct);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(TenderStatus.Closed, (await rochdale.Api.Tenders.GetTenderAsync(rochdale.Slug, closed.Id, Ct)).Status);
    }

    [Fact]
    public async Task Shortlisting_an_open_tender_is_a_409_naming_the_allowed_transitions()
    {
        var rochdale = await app.LandlordAsync();
        var open = await rochdale.PublishedAsync();
        var website = await rochdale.Tenant.SignInAsync("applications:submit");
        var plan = await SubmitAsync(website, open.Id, "early");
        await Assess(rochdale, open.Id, plan.Id, AssessmentDecision.Eligible);

        var refused = await ThrowsProblemAsync(409, () => rochdale.Api.Tenders.ShortlistTenderAsync(rochdale.Slug, open.Id, Shortlist(plan), cancellationToken: Ct));

        Assert.Equal("urn:plinth:problem:tender-transition-not-allowed", refused.Type);
        Assert.Equal("close cancel", string.Join(' ', refused.AllowedTransitions!.Select(t => t.ToString().ToLowerInvariant())));
        Assert.Equal(ApplicationStatus.Eligible, (await rochdale.Api.Applications.GetTenderApplicationAsync(rochdale.Slug, open.Id, plan.Id, Ct)).Status);
    }

    [Fact]
    public async Task After_the_shortlist_plans_are_no_longer_assessed()
    {
        var rochdale = await app.LandlordAsync();
        var closed = await rochdale.ClosedWithEligibleAsync(2);
        await rochdale.Api.Tenders.ShortlistTenderAsync(rochdale.Slug, closed.Id, Shortlist(closed.Eligible[0]), cancellationToken: Ct);

        var refused = await ThrowsProblemAsync(409, () => Assess(rochdale, closed.Id, closed.Eligible[1].Id, AssessmentDecision.Eligible));

        Assert.Equal("urn:plinth:problem:shortlist-made", refused.Type);
        Assert.Equal(ApplicationStatus.NotSelected, (await rochdale.Api.Applications.GetTenderApplicationAsync(rochdale.Slug, closed.Id, closed.Eligible[1].Id, Ct)).Status);
    }

    [Fact]
    public async Task Without_a_token_401_without_tenders_write_403_and_another_tenants_tender_is_404()
    {
        var rochdale = await app.LandlordAsync();
        var closed = await rochdale.ClosedWithEligibleAsync(1);
        var reader = await rochdale.Tenant.SignInAsync("tenders:read");
        var other = await app.LandlordAsync("Ymere");
        using var anonymous = app.Anonymous();
        var request = Shortlist(closed.Eligible[0]);

        using var noToken = await anonymous.PostAsJsonAsync($"/v1/tenants/{rochdale.Slug}/tenders/{closed.Id}/shortlist", request, Ct);
        await noToken.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await ThrowsProblemAsync(403, () => reader.Tenders.ShortlistTenderAsync(rochdale.Slug, closed.Id, request, cancellationToken: Ct));
        await ThrowsProblemAsync(404, () => other.Api.Tenders.ShortlistTenderAsync(other.Slug, closed.Id, request, cancellationToken: Ct));
        await ThrowsProblemAsync(404, () => other.Api.Tenders.ShortlistTenderAsync(rochdale.Slug, closed.Id, request, cancellationToken: Ct));
        Assert.Equal(TenderStatus.Closed, (await reader.Tenders.GetTenderAsync(rochdale.Slug, closed.Id, Ct)).Status);
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_answers_the_first_result()
    {
        var rochdale = await app.LandlordAsync();
        var closed = await rochdale.ClosedWithEligibleAsync(1);
        var key = Guid.NewGuid().ToString();

        var first = await rochdale.Api.Tenders.ShortlistTenderAsync(rochdale.Slug, closed.Id, Shortlist(closed.Eligible[0]), key, Ct);
        var retry = await rochdale.Api.Tenders.ShortlistTenderAsync(rochdale.Slug, closed.Id, Shortlist(closed.Eligible[0]), key, Ct);

        Assert.Equal(first.Etag, retry.Etag);
        Assert.Equal(TenderStatus.Shortlisted, retry.Status);
    }

    static Task<ApplicationResponse> SubmitAsync(PlatformApi submitter, Guid tenderId, string who) =>
        submitter.Applications.SubmitApplicationAsync(tenderId, Plan(UniqueEmail(who), name: who), cancellationToken: Ct);

    static Task<ApplicationResponse> Assess(Landlord landlord, Guid tenderId, Guid applicationId, AssessmentDecision decision) =>
        landlord.Api.Applications.AssessApplicationAsync(landlord.Slug, tenderId, applicationId,
            new AssessApplicationRequest { Decision = decision, Reason = "Getoetst aan de doelgroep." }, cancellationToken: Ct);
}
