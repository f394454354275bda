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
        var tender = await landlord.ShortlistedAsync();
        var resident = await landlord.AppointAsync(tender.Id, Resident());
        var professional = await landlord.AppointAsync(tender.Id, Professional());
        tender = await landlord.Api.Tenders.StartPitchingTenderAsync(landlord.Slug, tender.Id, cancellationToken: Ct);
        return (tender, resident, professional);
    }

    public static Task<CreatedJurorResponse> AppointAsync(this Landlord landlord, Guid tenderId, CreateJurorRequest juror) =>
        landlord.Api.Jurors.CreateJurorAsync(landlord.Slug, tenderId, juror, Ct);

    /// <summary>The jury's client for one juror: no token, its key in the Juror-Key header; responses checked against the contract.</summary>
    public static JuryClient Juror(this PlatformApp app, string key)
    {
        var http = app.Anonymous();
        http.DefaultRequestHeaders.Add("Juror-Key", key);
        return new JuryClient(http);
    }
}
