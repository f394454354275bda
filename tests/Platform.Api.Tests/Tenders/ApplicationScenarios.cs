using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Tenders;

/// <summary>Plans for Rochdale's atelier, from collectives with their own tenant and from people through the landlord's website.</summary>
public static class ApplicationScenarios
{
    public static ApplicationSections FourSections() => new()
    {
        Motivation = "Wij willen een open werkplaats waar buurtbewoners zelf leren repareren en maken.",
        BusinessPlan = "Inkomsten uit workshops, reparaties en de verkoop van eigen werk; drie vaste makers.",
        FinancialPlan = "Begroting voor twee jaar: huur, materialen en een kleine reserve, sluitend vanaf maand zes.",
        StorefrontPlan = "De etalage toont wat er die week gemaakt is, met een bank voor wie even wil kijken.",
    };

    public static SubmitApplicationRequest Plan(string email, string? kvkNumber = null, string name = "Maakcollectief De Kade") => new()
    {
        Applicant = new Applicant { Name = name, Organisation = name, KvkNumber = kvkNumber, Email = email, Phone = "+31 20 123 4567" },
        Sections = FourSections(),
        RequestedStartDate = new DateOnly(2027, 4, 1),
    };

    public static UpdateApplicationRequest AsUpdate(this ApplicationResponse application) => new()
    {
        Applicant = application.Applicant,
        Sections = application.Sections,
        RequestedStartDate = application.RequestedStartDate,
    };

    /// <summary>A collective with its own tenant and a client that submits applications.</summary>
    public static async Task<(TestTenant Tenant, PlatformApi Api)> CollectiveAsync(this PlatformApp app, string name = "Maakcollectief De Kade")
    {
        var tenant = await app.CreateTenantAsync(TenantKind.Collective, name);
        return (tenant, await tenant.SignInAsync("applications:submit"));
    }

    public static string UniqueEmail(string who = "plan") => $"{who}-{Guid.NewGuid():N}@dekade.example";
}
