using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Programmes;

/// <summary>Developments as the seeds describe them: housing first, with the work space that is the first thing cut.</summary>
public static class DevelopmentScenarios
{
    public const string Utrecht = "GM0344";
    public const string Merwedekanaal = "BU03440101";
    public const string Kanaleneiland = "BU03440102";

    /// <summary>Merwede in Utrecht: 38 dwellings on a former business site of 1,200 m².</summary>
    public static DevelopmentRequest Merwede() => new()
    {
        Name = "Merwede",
        MunicipalityCode = Utrecht,
        NeighbourhoodCodes = [Merwedekanaal],
        DwellingsAdded = 38,
        DwellingsRemoved = 0,
        WorkSpaceRemovedM2 = 1_200,
    };

    public static ProgrammeLineRequest Line(ProgrammeFunction function, int m2, int affordableM2 = 0) =>
        new() { Function = function, M2 = m2, AffordableM2 = affordableM2 };

    /// <summary>The original programme: 80 % housing, 20 % work and facilities, a fifth of the work affordable.</summary>
    public static CreateProgrammeVersionRequest Original() => new()
    {
        DecidedOn = new DateOnly(2026, 2, 1),
        Lines =
        [
            Line(ProgrammeFunction.Housing, 16_000),
            Line(ProgrammeFunction.Work, 2_500, affordableM2: 500),
            Line(ProgrammeFunction.Facilities, 1_000),
            Line(ProgrammeFunction.Social, 500),
        ],
    };

    /// <summary>The budget tightened: work space down to 1,500 m², housing up.</summary>
    public static CreateProgrammeVersionRequest WorkCut(string? reason = "The developer's business case did not close.") => new()
    {
        DecidedOn = new DateOnly(2026, 9, 1),
        Reason = reason,
        Lines =
        [
            Line(ProgrammeFunction.Housing, 17_000),
            Line(ProgrammeFunction.Work, 1_500, affordableM2: 300),
            Line(ProgrammeFunction.Facilities, 1_000),
            Line(ProgrammeFunction.Social, 500),
        ],
    };

    public static async Task<(TestTenant Tenant, PlatformApi Api)> CorporationAsync(PlatformApp app, string name = "Mitros") =>
        await OwnerAsync(app, TenantKind.HousingCorporation, name);

    public static async Task<(TestTenant Tenant, PlatformApi Api)> OwnerAsync(PlatformApp app, TenantKind kind, string name)
    {
        var tenant = await app.CreateTenantAsync(kind, name);
        return (tenant, await tenant.SignInAsync("programmes:read", "programmes:write"));
    }
}
