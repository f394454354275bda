using System.Net;
using System.Net.Http.Json;
using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;

namespace Platform.Api.Tests.Tenders;

/// <summary>Rochdale awards its atelier tender to Maakcollectief De Kade: the lease, the discount and everybody's own outcome.</summary>
public sealed class AwardTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    async Task<PlatformApi> FinanceAsync(PitchingPlans plans) =>
        await plans.Rochdale.Tenant.SignInAsync("leases:read", "discounts:read", "discounts:write", "tenders:read");

    [Fact]
    public async Task The_award_makes_De_Kades_lease_on_the_offered_terms_and_its_discount_on_the_leefbaarheid_budget()
    {
        var plans = await app.PitchingPlansAsync(AwardScenarios.GrowthDiscount());
        var finance = await FinanceAsync(plans);
        await finance.Budgets.CreateBudgetAsync(plans.Slug,
            new CreateBudgetRequest { Line = Discounts.DiscountTests.Leefbaarheid, Year = 2027, AmountCents = 10_000_00 }, cancellationToken: Ct);
        await plans.ScoreAllAsync();

        var tender = await plans.Rochdale.Api.Awards.AwardTenderAsync(plans.Slug, plans.TenderId, plans.Award(plans.FromKade), cancellationToken: Ct);

        Assert.Equal(TenderStatus.Awarded, tender.Status);
        Assert.Empty(tender.AllowedTransitions);
        var award = tender.Award!;
        Assert.Equal(plans.FromKade.Id, award.ApplicationId);
        Assert.StartsWith("De jury kiest Maakcollectief De Kade", award.JuryReport);
        Assert.Equal(award.ApplicationId, (await finance.Tenders.GetTenderAsync(plans.Slug, plans.TenderId, Ct)).Award!.ApplicationId);

        var lease = await finance.Leases.GetLeaseAsync(plans.Slug, award.LeaseId, Ct);
        Assert.Equal((plans.Rochdale.Unit.Id, "Maakcollectief De Kade", "12345678"), (lease.UnitId, lease.Lessee.Name, lease.Lessee.KvkNumber));
        Assert.Equal(plans.FromKade.Applicant.Email, lease.Lessee.ContactEmail);
        Assert.Equal((LeaseRegime.Article7_230a, new DateOnly(2027, 1, 1), (DateOnly?)null, 1_000_00L),
            (lease.Regime, lease.StartDate, lease.EndDate, lease.BaseRentCentsPerMonth));

        var discount = await finance.Discounts.GetDiscountAsync(plans.Slug, award.DiscountId!.Value, Ct);
        Assert.Equal((lease.Id, Discounts.DiscountTests.Leefbaarheid, 12), (discount.LeaseId, discount.BudgetLine, discount.EvaluationCadenceMonths));
        Assert.Equal((new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)), (discount.StartDate, discount.EndDate));
        Assert.Equal("workshops", Assert.Single(discount.CounterPerformances).Unit);
        // 25 % of EUR 1,000 for the twelve months of 2027: EUR 3,000 of the EUR 10,000 budget.
        var budget = Assert.Single((await finance.Budgets.ListBudgetsAsync(plans.Slug, line: Discounts.DiscountTests.Leefbaarheid, year: 2027, cancellationToken: Ct)).Items);
        Assert.Equal((3_000_00L, 7_000_00L), (budget.CommittedCents, budget.RemainingCents!.Value));

        var audit = await plans.Rochdale.Api.Audit.ListAuditEventsAsync(plans.Slug, AuditEntityType.Tender, plans.TenderId, cancellationToken: Ct);
        Assert.Equal(AuditAction.Awarded, audit.Items[^1].Action);
        Assert.Contains(audit.Items[^1].Changes, c => c.Field == "status" && c.Old == "pitching" && c.New == "awarded");
        Assert.Contains(audit.Items[^1].Changes, c => c.Field == "award.leaseId" && c.New == lease.Id.ToString());
    }

    [Fact]
    public async Task Without_an_offered_discount_the_award_makes_the_lease_alone_and_leaves_the_other_plans_as_they_were_chosen()
    {
        var plans = await app.PitchingPlansAsync();
        await plans.ScoreAllAsync();

        var tender = await plans.Rochdale.Api.Awards.AwardTenderAsync(plans.Slug, plans.TenderId, plans.Award(plans.FromNoor), cancellationToken: Ct);

        Assert.Null(tender.Award!.DiscountId);
        var finance = await FinanceAsync(plans);
        Assert.Empty((await finance.Discounts.ListDiscountsAsync(plans.Slug, leaseId: tender.Award.LeaseId, cancellationToken: Ct)).Items);
        Assert.Equal("Atelier Noor", (await finance.Leases.GetLeaseAsync(plans.Slug, tender.Award.LeaseId, Ct)).Lessee.Name);
        var statuses = (await finance.Applications.ListTenderApplicationsAsync(plans.Slug, plans.TenderId, cancellationToken: Ct)).Items
            .ToDictionary(a => a.Id, a => a.Status);
        Assert.Equal(ApplicationStatus.Awarded, statuses[plans.FromNoor.Id]);
        Assert.Equal(ApplicationStatus.Rejected, statuses[plans.FromKade.Id]);
        Assert.Equal(ApplicationStatus.Rejected, statuses[plans.FromWerf.Id]);
        Assert.Equal(ApplicationStatus.NotSelected, statuses[plans.NotSelected.Id]);
    }

    [Fact]
    public async Task Rejected_collectives_see_their_own_means_and_band_on_their_receipt_and_in_their_feed_and_nobody_elses()
    {
        var plans = await app.PitchingPlansAsync();
        await plans.ScoreAllAsync();

        await plans.Rochdale.Api.Awards.AwardTenderAsync(plans.Slug, plans.TenderId, plans.Award(plans.FromKade), cancellationToken: Ct);

        var werf = await plans.Werf.Api.Applications.GetApplicationReceiptAsync(plans.Werf.Tenant.Slug, plans.FromWerf.Id, Ct);
        Assert.Equal(ApplicationStatus.Rejected, werf.Status);
        Assert.Equal(RankBand.ThirdQuarter, werf.JuryOutcome!.Band);
        Assert.Equal([("open_function", 5.5), ("storefront", 5.5), ("affordable", 6.5), ("feasibility", 6.5)],
            werf.JuryOutcome.CriterionMeans.Select(m => (m.Key, m.Mean)));
        var kade = await plans.Kade.Api.Applications.GetApplicationReceiptAsync(plans.Kade.Tenant.Slug, plans.FromKade.Id, Ct);
        Assert.Equal((ApplicationStatus.Awarded, RankBand.TopQuarter), (kade.Status, kade.JuryOutcome!.Band));
        var noor = await plans.Rochdale.Api.Applications.GetTenderApplicationAsync(plans.Slug, plans.TenderId, plans.FromNoor.Id, Ct);
        Assert.Equal([7.5, 6.5, 6.5, 7.5], noor.JuryOutcome!.CriterionMeans.Select(m => m.Mean));

        var werfFeed = (await plans.Werf.Api.Notifications.ListNotificationsAsync(plans.Werf.Tenant.Slug, type: NotificationType.ApplicationRejected, cancellationToken: Ct)).Items;
        var rejected = Assert.Single(werfFeed);
        Assert.Equal(plans.FromWerf.Id, rejected.SubjectId);
        Assert.Contains("rank band third_quarter; means open_function 5.50, storefront 5.50, affordable 6.50, feasibility 6.50", rejected.Message);
        Assert.DoesNotContain(plans.FromKade.Id.ToString(), rejected.Message);
        Assert.DoesNotContain("7.50", rejected.Message);
        var kadeFeed = (await plans.Kade.Api.Notifications.ListNotificationsAsync(plans.Kade.Tenant.Slug, cancellationToken: Ct)).Items;
        Assert.Contains(kadeFeed, n => n.Type == NotificationType.ApplicationAwarded && n.SubjectId == plans.FromKade.Id && n.Message.Contains("rank band top_quarter"));
        Assert.DoesNotContain(kadeFeed, n => n.Type == NotificationType.ApplicationRejected);
        var landlordFeed = (await plans.Rochdale.Api.Notifications.ListNotificationsAsync(plans.Slug, cancellationToken: Ct)).Items;
        Assert.Equal(2, landlordFeed.Count(n => n.Type == NotificationType.ApplicationRejected));
        Assert.Single(landlordFeed, n => n.Type == NotificationType.ApplicationAwarded);
    }

    [Fact]
    public async Task After_the_award_the_juror_keys_answer_401()
    {
        var plans = await app.PitchingPlansAsync();
        await plans.ScoreAllAsync();

        await plans.Rochdale.Api.Awards.AwardTenderAsync(plans.Slug, plans.TenderId, plans.Award(plans.FromKade), cancellationToken: Ct);

        await ThrowsProblemAsync(401, () => app.Juror(plans.Resident.Key).GetJuryTenderAsync(plans.TenderId, Ct));
        await ThrowsProblemAsync(401, () => app.Juror(plans.Professional.Key).ScoreApplicationAsync(plans.TenderId, plans.FromWerf.Id, JuryScenarios.Sheet(10, 10, 10, 10), Ct));
    }

    [Fact]
    public async Task A_missing_or_short_jury_report_or_an_unknown_application_is_a_400_naming_it_and_nothing_changes()
    {
        var plans = await app.PitchingPlansAsync();
        await plans.ScoreAllAsync();
        var award = plans.Rochdale.Api.Awards;

        using var missing = await plans.Rochdale.Api.Http.PostAsJsonAsync($"/v1/tenants/{plans.Slug}/tenders/{plans.TenderId}/award",
            new { applicationId = plans.FromKade.Id }, Ct);
        var shortReport = await ThrowsProblemAsync(400, () => award.AwardTenderAsync(plans.Slug, plans.TenderId,
            new AwardTenderRequest { ApplicationId = plans.FromKade.Id, JuryReport = "De Kade wint." }, cancellationToken: Ct));
        var unknown = await ThrowsProblemAsync(400, () => award.AwardTenderAsync(plans.Slug, plans.TenderId,
            new AwardTenderRequest { ApplicationId = Guid.NewGuid(), JuryReport = plans.Award(plans.FromKade).JuryReport }, cancellationToken: Ct));

        Assert.Contains("juryReport", (await missing.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").ToString());
        Assert.Equal(["juryReport"], shortReport.FieldNames());
        Assert.Equal(["applicationId"], unknown.FieldNames());
        var tender = await plans.Rochdale.Api.Tenders.GetTenderAsync(plans.Slug, plans.TenderId, Ct);
        Assert.Equal((TenderStatus.Pitching, (TenderAwardResponse?)null), (tender.Status, tender.Award));
    }

    [Fact]
    public async Task An_application_left_off_the_shortlist_cannot_be_awarded()
    {
        var plans = await app.PitchingPlansAsync();
        await plans.ScoreAllAsync();

        var refused = await ThrowsProblemAsync(409, () => plans.Rochdale.Api.Awards.AwardTenderAsync(plans.Slug, plans.TenderId,
            plans.Award(plans.NotSelected), cancellationToken: Ct));

        Assert.Equal("urn:plinth:problem:application-not-shortlisted", refused.Type);
        Assert.Contains("not_selected", refused.Detail);
    }

    [Fact]
    public async Task While_a_juror_has_not_scored_every_plan_the_award_waits_naming_whom_it_waits_for_without_their_keys()
    {
        var plans = await app.PitchingPlansAsync();
        var resident = app.Juror(plans.Resident.Key);
        foreach (var plan in new[] { plans.FromKade, plans.FromWerf, plans.FromNoor })
            await resident.ScoreApplicationAsync(plans.TenderId, plan.Id, JuryScenarios.Sheet(7, 7, 7, 7), Ct);
        await app.Juror(plans.Professional.Key).ScoreApplicationAsync(plans.TenderId, plans.FromKade.Id, JuryScenarios.Sheet(8, 8, 8, 8), Ct);

        var refused = await ThrowsProblemAsync(409, () => plans.Rochdale.Api.Awards.AwardTenderAsync(plans.Slug, plans.TenderId,
            plans.Award(plans.FromKade), cancellationToken: Ct));

        Assert.Equal("urn:plinth:problem:jury-scores-incomplete", refused.Type);
        Assert.Contains($"Application {plans.FromWerf.Id} lacks scores of Joost de Wit, winkeliersvereniging ({plans.Professional.Juror.Id})", refused.Detail);
        Assert.Contains($"Application {plans.FromNoor.Id} lacks scores of", refused.Detail);
        Assert.DoesNotContain(plans.FromKade.Id.ToString(), refused.Detail);
        Assert.DoesNotContain(plans.Professional.Key, refused.Detail);
        var ranking = await plans.Rochdale.Api.Awards.GetTenderRankingAsync(plans.Slug, plans.TenderId, Ct);
        Assert.Equal([true, false, false], ranking.Applications.OrderBy(a => a.ApplicationId == plans.FromKade.Id ? 0 : 1).Select(a => a.ScoresComplete));
    }

    [Fact]
    public async Task A_tender_is_awarded_once_and_only_while_pitching()
    {
        var plans = await app.PitchingPlansAsync();
        await plans.ScoreAllAsync();
        await plans.Rochdale.Api.Awards.AwardTenderAsync(plans.Slug, plans.TenderId, plans.Award(plans.FromKade), cancellationToken: Ct);
        var another = await plans.Rochdale.AnotherUnitAsync();
        var closed = await plans.Rochdale.ClosedWithEligibleAsync(1, TenderScenarios.PitchJePlan([another.Id]));
        await plans.Rochdale.Api.Tenders.ShortlistTenderAsync(plans.Slug, closed.Id, ShortlistScenarios.Shortlist(closed.Eligible[0]), cancellationToken: Ct);

        var twice = await ThrowsProblemAsync(409, () => plans.Rochdale.Api.Awards.AwardTenderAsync(plans.Slug, plans.TenderId,
            plans.Award(plans.FromWerf), cancellationToken: Ct));
        var early = await ThrowsProblemAsync(409, () => plans.Rochdale.Api.Awards.AwardTenderAsync(plans.Slug, closed.Id,
            new AwardTenderRequest { ApplicationId = closed.Eligible[0].Id, JuryReport = plans.Award(plans.FromKade).JuryReport }, cancellationToken: Ct));

        Assert.Equal("urn:plinth:problem:tender-transition-not-allowed", twice.Type);
        Assert.Empty(twice.AllowedTransitions!);
        Assert.Equal("urn:plinth:problem:tender-transition-not-allowed", early.Type);
        Assert.Equal("StartPitching Cancel", string.Join(' ', early.AllowedTransitions!));
    }

    [Fact]
    public async Task A_discount_the_budget_cannot_carry_refuses_the_award_and_writes_nothing()
    {
        var plans = await app.PitchingPlansAsync(AwardScenarios.GrowthDiscount());
        var finance = await FinanceAsync(plans);
        await finance.Budgets.CreateBudgetAsync(plans.Slug,
            new CreateBudgetRequest { Line = Discounts.DiscountTests.Leefbaarheid, Year = 2027, AmountCents = 1_000_00 }, cancellationToken: Ct);
        await plans.ScoreAllAsync();

        var refused = await ThrowsProblemAsync(409, () => plans.Rochdale.Api.Awards.AwardTenderAsync(plans.Slug, plans.TenderId,
            plans.Award(plans.FromKade), cancellationToken: Ct));

        Assert.Equal("urn:plinth:problem:budget-exceeded", refused.Type);
        Assert.Equal(((int?)2027, (long?)1_000_00, (long?)3_000_00), (refused.Year, refused.RemainingCents, refused.RequiredCents));
        var tender = await finance.Tenders.GetTenderAsync(plans.Slug, plans.TenderId, Ct);
        Assert.Equal((TenderStatus.Pitching, (TenderAwardResponse?)null), (tender.Status, tender.Award));
        Assert.Empty((await finance.Leases.ListLeasesAsync(plans.Slug, unitId: plans.Rochdale.Unit.Id, cancellationToken: Ct)).Items);
        Assert.Equal(ApplicationStatus.Shortlisted, (await finance.Applications.GetTenderApplicationAsync(plans.Slug, plans.TenderId, plans.FromWerf.Id, Ct)).Status);
        Assert.Empty((await plans.Werf.Api.Notifications.ListNotificationsAsync(plans.Werf.Tenant.Slug, type: NotificationType.ApplicationRejected, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task A_discount_against_the_landlords_own_policy_refuses_the_award_as_the_discount_endpoint_does_and_writes_nothing()
    {
        var plans = await app.PitchingPlansAsync(AwardScenarios.GrowthDiscount());
        await plans.Rochdale.Api.DiscountPolicy.UpdateDiscountPolicyAsync(plans.Slug, "\"0\"", new UpdateDiscountPolicyRequest { MaxTermMonths = 6 }, Ct);
        await plans.ScoreAllAsync();

        var refused = await ThrowsProblemAsync(422, () => plans.Rochdale.Api.Awards.AwardTenderAsync(plans.Slug, plans.TenderId,
            plans.Award(plans.FromKade), cancellationToken: Ct));

        Assert.Equal(("urn:plinth:problem:discount-policy", "maxTermMonths"), (refused.Type, refused.Rule));
        var finance = await FinanceAsync(plans);
        Assert.Equal(TenderStatus.Pitching, (await finance.Tenders.GetTenderAsync(plans.Slug, plans.TenderId, Ct)).Status);
        Assert.Empty((await finance.Leases.ListLeasesAsync(plans.Slug, unitId: plans.Rochdale.Unit.Id, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task The_award_replayed_with_its_idempotency_key_answers_the_first_result_and_makes_one_lease()
    {
        var plans = await app.PitchingPlansAsync();
        await plans.ScoreAllAsync();
        var key = Guid.NewGuid().ToString();

        var first = await plans.Rochdale.Api.Awards.AwardTenderAsync(plans.Slug, plans.TenderId, plans.Award(plans.FromKade), key, Ct);
        var replay = await plans.Rochdale.Api.Awards.AwardTenderAsync(plans.Slug, plans.TenderId, plans.Award(plans.FromKade), key, Ct);

        Assert.Equal((first.Award!.LeaseId, first.Etag), (replay.Award!.LeaseId, replay.Etag));
        var finance = await FinanceAsync(plans);
        Assert.Single((await finance.Leases.ListLeasesAsync(plans.Slug, unitId: plans.Rochdale.Unit.Id, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task Without_a_token_401_without_tenders_write_403_and_another_tenants_tender_is_404()
    {
        var plans = await app.PitchingPlansAsync();
        await plans.ScoreAllAsync();
        var reader = await plans.Rochdale.Tenant.SignInAsync("tenders:read");
        var other = await app.LandlordAsync("Ymere");
        using var anonymous = app.Anonymous();
        var request = plans.Award(plans.FromKade);

        using var noToken = await anonymous.PostAsJsonAsync($"/v1/tenants/{plans.Slug}/tenders/{plans.TenderId}/award", request, Ct);
        await noToken.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await ThrowsProblemAsync(403, () => reader.Awards.AwardTenderAsync(plans.Slug, plans.TenderId, request, cancellationToken: Ct));
        await ThrowsProblemAsync(404, () => other.Api.Awards.AwardTenderAsync(other.Slug, plans.TenderId, request, cancellationToken: Ct));
        await ThrowsProblemAsync(404, () => other.Api.Awards.AwardTenderAsync(plans.Slug, plans.TenderId, request, cancellationToken: Ct));
        Assert.Equal(TenderStatus.Pitching, (await reader.Tenders.GetTenderAsync(plans.Slug, plans.TenderId, Ct)).Status);
    }
}
