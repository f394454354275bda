using System.Net;
using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;

namespace Platform.Api.Tests.Tenders;

/// <summary>The landlord reads its jury's ranking of the shortlist from the pitching on.</summary>
public sealed class RankingTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Before_any_score_every_shortlisted_plan_is_listed_unranked_and_incomplete()
    {
        var rochdale = await app.LandlordAsync();
        var (tender, _, _) = await rochdale.PitchingAsync();

        var ranking = await rochdale.Api.Awards.GetTenderRankingAsync(rochdale.Slug, tender.Id, Ct);

        Assert.Equal(tender.Id, ranking.TenderId);
        Assert.Equal(TenderStatus.Pitching, ranking.Status);
        Assert.Equal(2, ranking.SittingJurors);
        var plan = Assert.Single(ranking.Applications);
        Assert.Equal("Plan 1", plan.ApplicantName);
        Assert.Null(plan.WeightedScore);
        Assert.Empty(plan.CriterionMeans);
        Assert.Equal(0, plan.Jurors);
        Assert.Equal(0, plan.ConflictedJurors);
        Assert.Null(plan.Rank);
        Assert.Null(plan.Band);
        Assert.False(plan.Tied);
        Assert.False(plan.ScoresComplete);
    }

    [Fact]
    public async Task The_ranking_weighs_each_jurors_scores_leaves_out_a_conflicted_juror_and_flags_the_tie()
    {
        // ScoreAllAsync's sheets, and Ria, a third juror: 10s for De Kade, 4s for Atelier Noor, a conflict with De Werf.
        // De Kade (8 + 8 + 10) / 3 = 8.67; means (9+7+10)/3, (8+9+10)/3, (7+9+10)/3, (8+7+10)/3 = 8.67, 9, 8.67, 8.33.
        // Atelier Noor (7 + 7 + 4) / 3 = 6.00 and De Werf (6 + 6) / 2 = 6.00, exactly: both rank 2, tied, second quarter.
        var plans = await app.PitchingPlansAsync();
        var ria = await plans.Rochdale.AppointAsync(plans.TenderId, JuryScenarios.Resident("Ria Koster"));
        await plans.ScoreAllAsync();
        var juror = app.Juror(ria.Key);
        await juror.ScoreApplicationAsync(plans.TenderId, plans.FromKade.Id, JuryScenarios.Sheet(10, 10, 10, 10), Ct);
        await juror.ScoreApplicationAsync(plans.TenderId, plans.FromNoor.Id, JuryScenarios.Sheet(4, 4, 4, 4), Ct);
        await juror.DeclareJuryConflictAsync(plans.TenderId, plans.FromWerf.Id, new DeclareJuryConflictRequest { Reason = "De Werf is van mijn zus." }, cancellationToken: Ct);

        var ranking = await plans.Rochdale.Api.Awards.GetTenderRankingAsync(plans.Slug, plans.TenderId, Ct);

        Assert.Equal(3, ranking.SittingJurors);
        Assert.DoesNotContain(ranking.Applications, a => a.ApplicationId == plans.NotSelected.Id);
        var (kade, second, third) = (ranking.Applications[0], ranking.Applications[1], ranking.Applications[2]);
        Assert.Equal((plans.FromKade.Id, "Maakcollectief De Kade", 8.67, 3, 1, false, RankBand.TopQuarter),
            (kade.ApplicationId, kade.ApplicantName, kade.WeightedScore!.Value, kade.Jurors, kade.Rank!.Value, kade.Tied, kade.Band!.Value));
        Assert.Equal([8.67, 9, 8.67, 8.33], kade.CriterionMeans.Select(m => m.Mean));
        Assert.Equal(["open_function", "storefront", "affordable", "feasibility"], kade.CriterionMeans.Select(m => m.Key));
        var noor = new[] { second, third }.Single(a => a.ApplicationId == plans.FromNoor.Id);
        var werf = new[] { second, third }.Single(a => a.ApplicationId == plans.FromWerf.Id);
        Assert.Equal((6.0, 3, 0, 2, true, RankBand.SecondQuarter), (noor.WeightedScore!.Value, noor.Jurors, noor.ConflictedJurors, noor.Rank!.Value, noor.Tied, noor.Band!.Value));
        Assert.Equal((6.0, 2, 1, 2, true, RankBand.SecondQuarter), (werf.WeightedScore!.Value, werf.Jurors, werf.ConflictedJurors, werf.Rank!.Value, werf.Tied, werf.Band!.Value));
        Assert.Equal([6.33, 5.67, 5.67, 6.33], noor.CriterionMeans.Select(m => m.Mean));
        Assert.All(ranking.Applications, a => Assert.True(a.ScoresComplete));
    }

    [Fact]
    public async Task A_revoked_juror_no_longer_sits()
    {
        var rochdale = await app.LandlordAsync();
        var (tender, resident, _) = await rochdale.PitchingAsync();

        await rochdale.Api.Jurors.RevokeJurorAsync(rochdale.Slug, tender.Id, resident.Juror.Id, cancellationToken: Ct);

        Assert.Equal(1, (await rochdale.Api.Awards.GetTenderRankingAsync(rochdale.Slug, tender.Id, Ct)).SittingJurors);
    }

    [Fact]
    public async Task Before_the_pitching_the_ranking_is_a_409_naming_the_status()
    {
        var rochdale = await app.LandlordAsync();
        var tender = await rochdale.ShortlistedAsync();

        var refused = await ThrowsProblemAsync(409, () => rochdale.Api.Awards.GetTenderRankingAsync(rochdale.Slug, tender.Id, Ct));

        Assert.Equal("urn:plinth:problem:tender-not-ranked", refused.Type);
        Assert.Contains("The tender is shortlisted", refused.Detail);
    }

    [Fact]
    public async Task Without_a_token_401_without_a_tenders_scope_403_and_another_tenants_tender_is_404()
    {
        var rochdale = await app.LandlordAsync();
        var (tender, _, _) = await rochdale.PitchingAsync();
        var leases = await rochdale.Tenant.SignInAsync("leases:read");
        var other = await app.LandlordAsync("Ymere");
        using var anonymous = app.Anonymous();

        using var noToken = await anonymous.GetAsync($"/v1/tenants/{rochdale.Slug}/tenders/{tender.Id}/ranking", Ct);
        await noToken.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await ThrowsProblemAsync(403, () => leases.Awards.GetTenderRankingAsync(rochdale.Slug, tender.Id, Ct));
        await ThrowsProblemAsync(404, () => other.Api.Awards.GetTenderRankingAsync(other.Slug, tender.Id, Ct));
        await ThrowsProblemAsync(404, () => other.Api.Awards.GetTenderRankingAsync(rochdale.Slug, tender.Id, Ct));
        var reader = await rochdale.Tenant.SignInAsync("tenders:read");
        Assert.Single((await reader.Awards.GetTenderRankingAsync(rochdale.Slug, tender.Id, Ct)).Applications);
    }
}
