using System.Net;
using System.Net.Http.Json;
using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;
using static Platform.Api.Tests.Tenders.ApplicationScenarios;

namespace Platform.Api.Tests.Tenders;

public sealed class ApplicationTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_collective_applies_the_landlord_owns_the_application_and_the_collective_keeps_a_receipt()
    {
        var rochdale = await app.LandlordAsync();
        var open = await rochdale.PublishedAsync();
        var (kade, kadeApi) = await app.CollectiveAsync();

        using var response = await kadeApi.Http.PostAsJsonAsync($"/v1/tenders/{open.Id}/applications", Plan(UniqueEmail(), "12345678"), Platform.Api.ApiJson.Options, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var submitted = (await response.Content.ReadFromJsonAsync<ApplicationResponse>(Ct))!;
        var receipts = await kadeApi.Applications.ListApplicationReceiptsAsync(kade.Slug, cancellationToken: Ct);
        var atLandlord = await rochdale.Api.Applications.ListTenderApplicationsAsync(rochdale.Slug, open.Id, cancellationToken: Ct);

        Assert.Equal($"/v1/tenants/{kade.Slug}/applications/{submitted.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(ApplicationStatus.Submitted, submitted.Status);
        Assert.Equal(rochdale.Slug, submitted.Landlord);
        Assert.Equal(kade.Slug, submitted.SubmittedBy);
        Assert.Equal([submitted.Id], receipts.Items.Select(a => a.Id));
        var seen = Assert.Single(atLandlord.Items);
        Assert.Equal((submitted.Id, kade.Slug, "12345678"), (seen.Id, seen.SubmittedBy, seen.Applicant.KvkNumber));
        Assert.Equal(FourSections().StorefrontPlan, seen.Sections.StorefrontPlan);
        var website = await rochdale.Tenant.SignInAsync("applications:submit");
        Assert.Empty((await website.Applications.ListApplicationReceiptsAsync(rochdale.Slug, cancellationToken: Ct)).Items);
        var audit = await rochdale.Api.Audit.ListAuditEventsAsync(rochdale.Slug, AuditEntityType.Application, submitted.Id, cancellationToken: Ct);
        Assert.Equal(AuditAction.Submitted, Assert.Single(audit.Items).Action);
        Assert.Contains(audit.Items[0].Changes, c => c.Field == "sections.storefront_plan" && c.New!.EndsWith(" characters", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_landlords_website_submits_for_a_person_and_the_receipt_stays_with_the_landlord()
    {
        var rochdale = await app.LandlordAsync();
        var open = await rochdale.PublishedAsync();
        var website = await rochdale.Tenant.SignInAsync("applications:submit");
        var plan = Plan(UniqueEmail("fatima"), name: "Fatima El Amrani");
        plan.Applicant.Organisation = null;

        var submitted = await website.Applications.SubmitApplicationAsync(open.Id, plan, cancellationToken: Ct);

        Assert.Equal(rochdale.Slug, submitted.SubmittedBy);
        Assert.Equal([submitted.Id], (await website.Applications.ListApplicationReceiptsAsync(rochdale.Slug, cancellationToken: Ct)).Items.Select(a => a.Id));
        Assert.Equal([submitted.Id], (await rochdale.Api.Applications.ListTenderApplicationsAsync(rochdale.Slug, open.Id, cancellationToken: Ct)).Items.Select(a => a.Id));
    }

    [Fact]
    public async Task An_application_without_a_required_section_is_a_400_naming_each_missing_one_and_nothing_is_stored()
    {
        var rochdale = await app.LandlordAsync();
        var open = await rochdale.PublishedAsync();
        var (_, kadeApi) = await app.CollectiveAsync();
        var withoutStorefront = Plan(UniqueEmail());
        withoutStorefront.Sections.StorefrontPlan = null;
        var withoutTwo = Plan(UniqueEmail());
        withoutTwo.Sections.StorefrontPlan = null;
        withoutTwo.Sections.Motivation = null;

        var one = await ThrowsProblemAsync(400, () => kadeApi.Applications.SubmitApplicationAsync(open.Id, withoutStorefront, cancellationToken: Ct));
        var two = await ThrowsProblemAsync(400, () => kadeApi.Applications.SubmitApplicationAsync(open.Id, withoutTwo, cancellationToken: Ct));

        Assert.Equal(["sections.storefrontPlan"], one.FieldNames());
        Assert.Equal(["sections.motivation", "sections.storefrontPlan"], two.FieldNames().Order());
        Assert.Empty((await rochdale.Api.Applications.ListTenderApplicationsAsync(rochdale.Slug, open.Id, cancellationToken: Ct)).Items);
    }

    [Theory]
    [InlineData(49)]
    [InlineData(10_001)]
    public async Task A_section_outside_50_to_10000_characters_is_a_400_naming_it(int length)
    {
        var rochdale = await app.LandlordAsync();
        var open = await rochdale.PublishedAsync();
        var (_, kadeApi) = await app.CollectiveAsync();
        var plan = Plan(UniqueEmail());
        plan.Sections.BusinessPlan = new string('x', length);

        var problem = await ThrowsProblemAsync(400, () => kadeApi.Applications.SubmitApplicationAsync(open.Id, plan, cancellationToken: Ct));

        Assert.Equal(["sections.businessPlan"], problem.FieldNames());
    }

    [Fact]
    public async Task A_plan_of_10000_emoji_fits_because_sections_count_characters_not_utf16_units()
    {
        var rochdale = await app.LandlordAsync();
        var open = await rochdale.PublishedAsync();
        var (_, kadeApi) = await app.CollectiveAsync();
        var plan = Plan(UniqueEmail());
        plan.Sections.Motivation = string.Concat(Enumerable.Repeat("😀", 10_000));

        var submitted = await kadeApi.Applications.SubmitApplicationAsync(open.Id, plan, cancellationToken: Ct);

        Assert.Equal(20_000, submitted.Sections.Motivation!.Length);
    }

    [Fact]
    public async Task Applications_are_taken_only_while_the_tender_is_open()
    {
        var rochdale = await app.LandlordAsync();
        var (_, kadeApi) = await app.CollectiveAsync();
        var notYet = await rochdale.PublishedAsync(TenderScenarios.PitchJePlan([(await rochdale.AnotherUnitAsync()).Id], opensAt: DateTimeOffset.UtcNow.AddDays(1)));
        var closed = await rochdale.PublishedAsync();
        await rochdale.Api.Tenders.CloseTenderAsync(rochdale.Slug, closed.Id, cancellationToken: Ct);
        var past = await rochdale.PublishedAsync(TenderScenarios.PitchJePlan([(await rochdale.AnotherUnitAsync()).Id],
            opensAt: DateTimeOffset.UtcNow.AddDays(-1), closesAt: DateTimeOffset.UtcNow.AddSeconds(2)));
        var draft = await rochdale.DraftAsync(TenderScenarios.PitchJePlan([(await rochdale.AnotherUnitAsync()).Id]));
        await Task.Delay(TimeSpan.FromSeconds(2.5), Ct);

        foreach (var tender in new[] { notYet, closed, past })
        {
            var late = await ThrowsProblemAsync(409, () => kadeApi.Applications.SubmitApplicationAsync(tender.Id, Plan(UniqueEmail()), cancellationToken: Ct));
            Assert.Equal("urn:plinth:problem:tender-not-open", late.Type);
            Assert.Empty((await rochdale.Api.Applications.ListTenderApplicationsAsync(rochdale.Slug, tender.Id, cancellationToken: Ct)).Items);
        }

        await ThrowsProblemAsync(404, () => kadeApi.Applications.SubmitApplicationAsync(draft.Id, Plan(UniqueEmail()), cancellationToken: Ct));
        await ThrowsProblemAsync(404, () => kadeApi.Applications.SubmitApplicationAsync(Guid.NewGuid(), Plan(UniqueEmail()), cancellationToken: Ct));
    }

    [Fact]
    public async Task An_invite_only_tender_takes_applications_from_whoever_has_its_id()
    {
        var rochdale = await app.LandlordAsync();
        var invite = await rochdale.PublishedAsync(TenderScenarios.PitchJePlan([rochdale.Unit.Id], visibility: TenderVisibility.Invite));
        var (kade, kadeApi) = await app.CollectiveAsync();

        var submitted = await kadeApi.Applications.SubmitApplicationAsync(invite.Id, Plan(UniqueEmail()), cancellationToken: Ct);

        Assert.Equal(kade.Slug, submitted.SubmittedBy);
    }

    [Fact]
    public async Task One_application_per_email_or_kvk_number_per_tender_until_it_is_withdrawn()
    {
        var rochdale = await app.LandlordAsync();
        var open = await rochdale.PublishedAsync();
        var other = await rochdale.PublishedAsync(TenderScenarios.PitchJePlan([(await rochdale.AnotherUnitAsync()).Id]));
        var (kade, kadeApi) = await app.CollectiveAsync();
        var email = UniqueEmail();
        var first = await kadeApi.Applications.SubmitApplicationAsync(open.Id, Plan(email, "12345678"), cancellationToken: Ct);

        var sameEmail = await ThrowsProblemAsync(409, () => kadeApi.Applications.SubmitApplicationAsync(open.Id, Plan(email.ToUpperInvariant()), cancellationToken: Ct));
        var sameKvk = await ThrowsProblemAsync(409, () => kadeApi.Applications.SubmitApplicationAsync(open.Id, Plan(UniqueEmail(), "12345678"), cancellationToken: Ct));
        await kadeApi.Applications.SubmitApplicationAsync(other.Id, Plan(email, "12345678"), cancellationToken: Ct);
        await kadeApi.Applications.WithdrawApplicationAsync(kade.Slug, first.Id, cancellationToken: Ct);
        var again = await kadeApi.Applications.SubmitApplicationAsync(open.Id, Plan(email, "12345678"), cancellationToken: Ct);

        Assert.Equal("urn:plinth:problem:application-duplicate", sameEmail.Type);
        Assert.Equal("urn:plinth:problem:application-duplicate", sameKvk.Type);
        var all = await rochdale.Api.Applications.ListTenderApplicationsAsync(rochdale.Slug, open.Id, cancellationToken: Ct);
        Assert.Equal([(first.Id, ApplicationStatus.Withdrawn), (again.Id, ApplicationStatus.Submitted)], all.Items.Select(a => (a.Id, a.Status)));
    }

    [Fact]
    public async Task The_applicant_changes_its_plan_with_the_current_etag_and_withdraws_it_once()
    {
        var rochdale = await app.LandlordAsync();
        var open = await rochdale.PublishedAsync();
        var (kade, kadeApi) = await app.CollectiveAsync();
        var submitted = await kadeApi.Applications.SubmitApplicationAsync(open.Id, Plan(UniqueEmail()), cancellationToken: Ct);
        var change = submitted.AsUpdate();
        change.Sections.NeighbourhoodValue = "Kinderen uit de buurt leren elke woensdag solderen, naaien en timmeren.";

        var changed = await kadeApi.Applications.UpdateApplicationAsync(kade.Slug, submitted.Id, submitted.Etag, change, Ct);
        var stale = await ThrowsProblemAsync(412, () => kadeApi.Applications.UpdateApplicationAsync(kade.Slug, submitted.Id, submitted.Etag, change, Ct));
        var incomplete = changed.AsUpdate();
        incomplete.Sections.FinancialPlan = null;
        var missing = await ThrowsProblemAsync(400, () => kadeApi.Applications.UpdateApplicationAsync(kade.Slug, submitted.Id, changed.Etag, incomplete, Ct));
        var withdrawn = await kadeApi.Applications.WithdrawApplicationAsync(kade.Slug, submitted.Id, cancellationToken: Ct);
        var twice = await ThrowsProblemAsync(409, () => kadeApi.Applications.WithdrawApplicationAsync(kade.Slug, submitted.Id, cancellationToken: Ct));
        var afterwards = await ThrowsProblemAsync(409, () => kadeApi.Applications.UpdateApplicationAsync(kade.Slug, submitted.Id, "*", change, Ct));

        Assert.Equal(change.Sections.NeighbourhoodValue, changed.Sections.NeighbourhoodValue);
        Assert.Equal("\"2\"", changed.Etag);
        Assert.Equal("urn:plinth:problem:precondition-failed", stale.Type);
        Assert.Equal(["sections.financialPlan"], missing.FieldNames());
        Assert.Equal(ApplicationStatus.Withdrawn, withdrawn.Status);
        Assert.Equal("urn:plinth:problem:application-withdrawn", twice.Type);
        Assert.Equal("urn:plinth:problem:application-withdrawn", afterwards.Type);
        Assert.Equal(ApplicationStatus.Withdrawn, (await rochdale.Api.Applications.GetTenderApplicationAsync(rochdale.Slug, open.Id, submitted.Id, Ct)).Status);
    }

    [Fact]
    public async Task After_closing_the_applicant_can_neither_change_nor_withdraw()
    {
        var rochdale = await app.LandlordAsync();
        var open = await rochdale.PublishedAsync();
        var (kade, kadeApi) = await app.CollectiveAsync();
        var submitted = await kadeApi.Applications.SubmitApplicationAsync(open.Id, Plan(UniqueEmail()), cancellationToken: Ct);
        await rochdale.Api.Tenders.CloseTenderAsync(rochdale.Slug, open.Id, cancellationToken: Ct);

        var change = await ThrowsProblemAsync(409, () => kadeApi.Applications.UpdateApplicationAsync(kade.Slug, submitted.Id, submitted.Etag, submitted.AsUpdate(), Ct));
        var withdraw = await ThrowsProblemAsync(409, () => kadeApi.Applications.WithdrawApplicationAsync(kade.Slug, submitted.Id, cancellationToken: Ct));

        Assert.Equal("urn:plinth:problem:tender-not-open", change.Type);
        Assert.Equal("urn:plinth:problem:tender-not-open", withdraw.Type);
        Assert.Equal(ApplicationStatus.Submitted, (await kadeApi.Applications.GetApplicationReceiptAsync(kade.Slug, submitted.Id, Ct)).Status);
    }

    [Fact]
    public async Task The_landlord_marks_applications_eligible_or_ineligible_and_the_applicant_sees_it_on_its_receipt()
    {
        var rochdale = await app.LandlordAsync();
        var open = await rochdale.PublishedAsync();
        var (kade, kadeApi) = await app.CollectiveAsync();
        var (werf, werfApi) = await app.CollectiveAsync("De Werf");
        var fromKade = await kadeApi.Applications.SubmitApplicationAsync(open.Id, Plan(UniqueEmail()), cancellationToken: Ct);
        var fromWerf = await werfApi.Applications.SubmitApplicationAsync(open.Id, Plan(UniqueEmail(), name: "De Werf"), cancellationToken: Ct);
        await rochdale.Api.Tenders.CloseTenderAsync(rochdale.Slug, open.Id, cancellationToken: Ct);

        var eligible = await rochdale.Api.Applications.AssessApplicationAsync(rochdale.Slug, open.Id, fromKade.Id,
            new AssessApplicationRequest { Decision = AssessmentDecision.Eligible, Reason = "Startende sociale ondernemers." }, cancellationToken: Ct);
        await rochdale.Api.Applications.AssessApplicationAsync(rochdale.Slug, open.Id, fromWerf.Id,
            new AssessApplicationRequest { Decision = AssessmentDecision.Ineligible, Reason = "Al tien jaar gevestigd: geen starter." }, cancellationToken: Ct);

        Assert.Equal(ApplicationStatus.Eligible, eligible.Status);
        Assert.Equal([fromKade.Id], (await rochdale.Api.Applications.ListTenderApplicationsAsync(rochdale.Slug, open.Id, ApplicationStatus.Eligible, cancellationToken: Ct)).Items.Select(a => a.Id));
        Assert.Equal([fromWerf.Id], (await rochdale.Api.Applications.ListTenderApplicationsAsync(rochdale.Slug, open.Id, ApplicationStatus.Ineligible, cancellationToken: Ct)).Items.Select(a => a.Id));
        var receipt = await werfApi.Applications.GetApplicationReceiptAsync(werf.Slug, fromWerf.Id, Ct);
        Assert.Equal((ApplicationStatus.Ineligible, "Al tien jaar gevestigd: geen starter."), (receipt.Status, receipt.AssessmentReason));
        Assert.Equal(ApplicationStatus.Eligible, (await kadeApi.Applications.ListApplicationReceiptsAsync(kade.Slug, cancellationToken: Ct)).Items.Single().Status);
        var refused = await ThrowsProblemAsync(400, () => rochdale.Api.Applications.AssessApplicationAsync(rochdale.Slug, open.Id, fromKade.Id,
            new AssessApplicationRequest { Decision = AssessmentDecision.Eligible, Reason = "" }, cancellationToken: Ct));
        Assert.Equal(["reason"], refused.FieldNames());
    }

    [Fact]
    public async Task An_applicant_tenant_reading_or_changing_another_applicants_application_gets_404()
    {
        var rochdale = await app.LandlordAsync();
        var open = await rochdale.PublishedAsync();
        var (kade, kadeApi) = await app.CollectiveAsync();
        var (werf, werfApi) = await app.CollectiveAsync("De Werf");
        var fromKade = await kadeApi.Applications.SubmitApplicationAsync(open.Id, Plan(UniqueEmail()), cancellationToken: Ct);

        await ThrowsProblemAsync(404, () => werfApi.Applications.GetApplicationReceiptAsync(werf.Slug, fromKade.Id, Ct));
        await ThrowsProblemAsync(404, () => werfApi.Applications.GetApplicationReceiptAsync(kade.Slug, fromKade.Id, Ct));
        await ThrowsProblemAsync(404, () => werfApi.Applications.UpdateApplicationAsync(werf.Slug, fromKade.Id, "*", fromKade.AsUpdate(), Ct));
        await ThrowsProblemAsync(404, () => werfApi.Applications.WithdrawApplicationAsync(werf.Slug, fromKade.Id, cancellationToken: Ct));
        await ThrowsProblemAsync(404, () => werfApi.Applications.ListTenderApplicationsAsync(rochdale.Slug, open.Id, cancellationToken: Ct));
        var website = await rochdale.Tenant.SignInAsync("applications:submit");
        await ThrowsProblemAsync(404, () => website.Applications.GetApplicationReceiptAsync(rochdale.Slug, fromKade.Id, Ct));
        Assert.Empty((await werfApi.Applications.ListApplicationReceiptsAsync(werf.Slug, cancellationToken: Ct)).Items);
        var other = await app.LandlordAsync("Ymere");
        await ThrowsProblemAsync(404, () => other.Api.Applications.GetTenderApplicationAsync(other.Slug, open.Id, fromKade.Id, Ct));
        Assert.Equal(ApplicationStatus.Submitted, (await kadeApi.Applications.GetApplicationReceiptAsync(kade.Slug, fromKade.Id, Ct)).Status);
    }

    [Fact]
    public async Task Submitting_needs_a_token_with_applications_submit_and_reading_a_tenders_applications_needs_tenders_read()
    {
        var rochdale = await app.LandlordAsync();
        var open = await rochdale.PublishedAsync();
        var (kade, kadeApi) = await app.CollectiveAsync();
        var readsTenders = await rochdale.Tenant.SignInAsync("tenders:read");
        using var anonymous = app.Anonymous();

        using var noToken = await anonymous.PostAsJsonAsync($"/v1/tenders/{open.Id}/applications", Plan(UniqueEmail()), Platform.Api.ApiJson.Options, Ct);
        await noToken.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await ThrowsProblemAsync(403, () => readsTenders.Applications.SubmitApplicationAsync(open.Id, Plan(UniqueEmail()), cancellationToken: Ct));
        await ThrowsProblemAsync(403, () => kadeApi.Applications.ListTenderApplicationsAsync(kade.Slug, open.Id, cancellationToken: Ct));
        await ThrowsProblemAsync(403, () => readsTenders.Applications.AssessApplicationAsync(rochdale.Slug, open.Id, Guid.NewGuid(),
            new AssessApplicationRequest { Decision = AssessmentDecision.Eligible, Reason = "ok" }, cancellationToken: Ct));
        Assert.Empty((await readsTenders.Applications.ListTenderApplicationsAsync(rochdale.Slug, open.Id, cancellationToken: Ct)).Items);
    }
}
