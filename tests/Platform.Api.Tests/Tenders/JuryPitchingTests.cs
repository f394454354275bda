using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;

namespace Platform.Api.Tests.Tenders;

/// <summary>The pitching starts from the shortlist, with at least one resident and one professional juror who are still active.</summary>
public sealed class JuryPitchingTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_shortlisted_tender_with_a_resident_and_a_professional_starts_pitching()
    {
        var rochdale = await app.LandlordAsync();

        var (tender, resident, _) = await rochdale.PitchingAsync();

        Assert.Equal(TenderStatus.Pitching, tender.Status);
        Assert.Equal([TenderTransition.Award, TenderTransition.Cancel], tender.AllowedTransitions);
        Assert.Equal(TenderStatus.Pitching, (await app.Juror(resident.Key).GetJuryTenderAsync(tender.Id, Ct)).Status);
        var audit = await rochdale.Api.Audit.ListAuditEventsAsync(rochdale.Slug, AuditEntityType.Tender, tender.Id, cancellationToken: Ct);
        Assert.Equal(AuditAction.PitchingStarted, audit.Items[^1].Action);
        Assert.Contains(audit.Items[^1].Changes, c => c.Field == "status" && c.Old == "shortlisted" && c.New == "pitching");
    }

    [Fact]
    public async Task Without_an_active_professional_the_pitching_does_not_start_and_nothing_changes()
    {
        var rochdale = await app.LandlordAsync();
        var tender = await rochdale.ShortlistedAsync();
        await rochdale.AppointAsync(tender.Id, JuryScenarios.Resident());
        var professional = await rochdale.AppointAsync(tender.Id, JuryScenarios.Professional());
        await rochdale.Api.Jurors.RevokeJurorAsync(rochdale.Slug, tender.Id, professional.Juror.Id, cancellationToken: Ct);

        var refused = await ThrowsProblemAsync(409, () => rochdale.Api.Tenders.StartPitchingTenderAsync(rochdale.Slug, tender.Id, cancellationToken: Ct));

        Assert.Equal("urn:plinth:problem:tender-jury-incomplete", refused.Type);
        Assert.Contains("1 active resident(s) and 0 active professional(s)", refused.Detail);
        Assert.Equal("StartPitching Cancel", string.Join(' ', refused.AllowedTransitions!));
        Assert.Equal(TenderStatus.Shortlisted, (await rochdale.Api.Tenders.GetTenderAsync(rochdale.Slug, tender.Id, Ct)).Status);
    }

    [Fact]
    public async Task Without_any_resident_the_pitching_does_not_start()
    {
        var rochdale = await app.LandlordAsync();
        var tender = await rochdale.ShortlistedAsync();
        await rochdale.AppointAsync(tender.Id, JuryScenarios.Professional());

        var refused = await ThrowsProblemAsync(409, () => rochdale.Api.Tenders.StartPitchingTenderAsync(rochdale.Slug, tender.Id, cancellationToken: Ct));

        Assert.Equal("urn:plinth:problem:tender-jury-incomplete", refused.Type);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_pitching_starts_only_from_the_shortlist(bool alreadyPitching)
    {
        var rochdale = await app.LandlordAsync();
        var tender = alreadyPitching ? (await rochdale.PitchingAsync()).Tender : await rochdale.PublishedAsync();
        if (!alreadyPitching)
        {
            await rochdale.AppointAsync(tender.Id, JuryScenarios.Resident());
            await rochdale.AppointAsync(tender.Id, JuryScenarios.Professional());
        }

        var refused = await ThrowsProblemAsync(409, () => rochdale.Api.Tenders.StartPitchingTenderAsync(rochdale.Slug, tender.Id, cancellationToken: Ct));

        Assert.Equal("urn:plinth:problem:tender-transition-not-allowed", refused.Type);
        Assert.Equal(alreadyPitching ? "Award Cancel" : "Close Cancel", string.Join(' ', refused.AllowedTransitions!));
    }

    [Fact]
    public async Task Starting_the_pitching_needs_tenders_write_and_the_landlords_own_tender()
    {
        var rochdale = await app.LandlordAsync();
        var tender = await rochdale.ShortlistedAsync();
        var reader = await rochdale.Tenant.SignInAsync("tenders:read");
        var other = await app.LandlordAsync("Eigen Haard");

        await ThrowsProblemAsync(403, () => reader.Tenders.StartPitchingTenderAsync(rochdale.Slug, tender.Id, cancellationToken: Ct));
        await ThrowsProblemAsync(404, () => other.Api.Tenders.StartPitchingTenderAsync(other.Slug, tender.Id, cancellationToken: Ct));
    }
}
