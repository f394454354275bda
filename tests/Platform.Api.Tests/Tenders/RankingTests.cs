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
