using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Tenders;

/// <summary>Rochdale's neighbourhood jury for the Kostverlorenkade atelier: residents of the street and professionals.</summary>
public static class JuryScenarios
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static CreateJurorRequest Resident(string name = "Fatima el Amrani") => new() { Name = name, Role = JurorRole.Resident };

    public static CreateJurorRequest Professional(string name = "Joost de Wit, winkeliersvereniging") => new() { Name = name, Role = JurorRole.Professional };

    /// <summary>The landlord's atelier tender with <paramref name="plans"/> eligible plans, closed, and every plan shortlisted.</summary>
    public static async Task<TenderResponse> ShortlistedAsync(this Landlord landlord, int plans = 1)
    {
        var closed = await landlord.ClosedWithEligibleAsync(plans);
        return await landlord.Api.Tenders.ShortlistTenderAsync(landlord.Slug, closed.Id, ShortlistScenarios.Shortlist([.. closed.Eligible]), cancellationToken: Ct);
    }

    /// <summary>A shortlisted tender with one resident and one professional juror, pitching; the jurors' keys with it.</summary>
    public static async Task<(TenderResponse Tender, CreatedJurorResponse Resident, CreatedJurorResponse Professional)> PitchingAsync(this Landlord landlord)
    {
        var jury = await landlord.PitchingJuryAsync(plans: 1);
        return (jury.Tender, jury.Resident, jury.Professional);
    }

    /// <summary>
    /// The atelier tender with a pitch night, closed with <paramref name="plans"/> eligible plans that are all shortlisted (in the
    /// order submitted), and a resident and a professional juror appointed; not pitching yet.
    /// </summary>
    public static async Task<SittingJury> ShortlistedJuryAsync(this Landlord landlord, int plans = 2)
    {
        var request = TenderScenarios.PitchJePlan([landlord.Unit.Id]);
        request.PitchNight = new PitchNight { StartsAt = request.ClosesAt.AddDays(7), Location = "Buurthuis De Kostverloren", MinutesPerPitch = 15 };
        var closed = await landlord.ClosedWithEligibleAsync(plans, request);
        var tender = await landlord.Api.Tenders.ShortlistTenderAsync(landlord.Slug, closed.Id, ShortlistScenarios.Shortlist([.. closed.Eligible]), cancellationToken: Ct);
        var resident = await landlord.AppointAsync(tender.Id, Resident());
        var professional = await landlord.AppointAsync(tender.Id, Professional());
        return new SittingJury(tender, resident, professional, closed.Eligible);
    }

    /// <summary>As <see cref="ShortlistedJuryAsync"/>, and pitching: the jurors score.</summary>
    public static async Task<SittingJury> PitchingJuryAsync(this Landlord landlord, int plans = 2)
    {
        var jury = await landlord.ShortlistedJuryAsync(plans);
        return jury with { Tender = await landlord.Api.Tenders.StartPitchingTenderAsync(landlord.Slug, jury.Tender.Id, cancellationToken: Ct) };
    }

    /// <summary>A score sheet for the atelier tender's four criteria, in their order.</summary>
    public static ScoreApplicationRequest Sheet(int openFunction, int storefront, int affordable, int feasibility, string? comment = null) => new()
    {
        Scores =
        [
            new CriterionScore { CriterionKey = "open_function", Score = openFunction, Comment = comment },
            new CriterionScore { CriterionKey = "storefront", Score = storefront },
            new CriterionScore { CriterionKey = "affordable", Score = affordable },
            new CriterionScore { CriterionKey = "feasibility", Score = feasibility },
        ],
    };

    public static Task<CreatedJurorResponse> AppointAsync(this Landlord landlord, Guid tenderId, CreateJurorRequest juror) =>
        landlord.Api.Jurors.CreateJurorAsync(landlord.Slug, tenderId, juror, Ct);

    /// <summary>The jury's client for one juror: no token, its key in the Juror-Key header; responses checked against the contract.</summary>
    public static JuryClient Juror(this PlatformApp app, string key) => new(app.JurorHttp(key));

    /// <summary>Plain HTTP as one juror, for what the generated client does not show (the raw body).</summary>
    public static HttpClient JurorHttp(this PlatformApp app, string key)
    {
        var http = app.Anonymous();
        http.DefaultRequestHeaders.Add("Juror-Key", key);
        return http;
    }
}

/// <summary>A shortlisted tender's jury: a resident and a professional with their keys, and the shortlisted plans in pitch order.</summary>
public sealed record SittingJury(TenderResponse Tender, CreatedJurorResponse Resident, CreatedJurorResponse Professional, IReadOnlyList<ApplicationResponse> Plans)
{
    public Guid TenderId => Tender.Id;
}
