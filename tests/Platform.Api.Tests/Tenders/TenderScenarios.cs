using Microsoft.Extensions.DependencyInjection;
using Plinth.Platform.Client;
using Platform.Api.Persistence;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Tenders;

/// <summary>Rochdale's "Pitch je plan" for a vacant atelier at Tweede Kostverlorenkade, Amsterdam (GM0363).</summary>
public static class TenderScenarios
{
    public static readonly string[] LandlordScopes = ["tenders:read", "tenders:write", "plinths:read", "plinths:write", "leases:write", "tenant:admin"];

    public static PlinthRequest Kostverlorenkade(string neighbourhoodCode = "BU03630504") => new()
    {
        Name = "Tweede Kostverlorenkade",
        Address = new Address { Street = "Tweede Kostverlorenkade", HouseNumber = 56, Postcode = "1053 RV", City = "Amsterdam" },
        MunicipalityCode = "GM0363",
        NeighbourhoodCode = neighbourhoodCode,
        DwellingsAbove = 24,
        PlinthAreaM2 = 310,
        Theme = "makers",
        PriorityNeighbourhood = true,
    };

    public static CreateUnitRequest Atelier(Guid plinthId, double areaM2 = 85) => new()
    {
        PlinthId = plinthId,
        Name = "Tweede Kostverlorenkade 56 H",
        Category = UnitCategory.Bed,
        DetailCode = "ATE",
        AreaM2 = areaM2,
        Status = UnitStatus.Vacant,
    };

    /// <summary>Four criteria of weight 25, four required sections; open from an hour ago for 30 days unless told otherwise.</summary>
    public static CreateTenderRequest PitchJePlan(IEnumerable<Guid> unitIds, DateTimeOffset? opensAt = null, DateTimeOffset? closesAt = null,
        TenderVisibility visibility = TenderVisibility.Public, int[]? weights = null)
    {
        var opens = opensAt ?? DateTimeOffset.UtcNow.AddHours(-1);
        var w = weights ?? [25, 25, 25, 25];
        return new CreateTenderRequest
        {
            UnitIds = [.. unitIds],
            Title = "Pitch je plan: atelier aan de Tweede Kostverlorenkade",
            Description = "Een atelier van 85 m² in de plint, voor een ondernemer die de buurt iets brengt.",
            NeighbourhoodProfile = "Een jonge buurt met veel gezinnen en weinig voorzieningen op straat.",
            Eligibility = "starting or social entrepreneurs",
            RequiredSections = [TenderSection.Motivation, TenderSection.BusinessPlan, TenderSection.FinancialPlan, TenderSection.StorefrontPlan],
            Criteria =
            [
                new TenderCriterion { Key = "open_function", Name = "Open en uitnodigende functie", Description = "Hoe de ruimte de buurt uitnodigt.", Weight = w[0] },
                new TenderCriterion { Key = "storefront", Name = "Etalageplan", Description = "Wat de etalage de straat laat zien.", Weight = w[1] },
                new TenderCriterion { Key = "affordable", Name = "Betaalbaar aanbod", Description = "Een aanbod voor kleine beurzen.", Weight = w[2] },
                new TenderCriterion { Key = "feasibility", Name = "Haalbaarheid", Description = "Of het plan financieel kan.", Weight = w[3] },
            ],
            OpensAt = opens,
            ClosesAt = closesAt ?? opens.AddDays(30),
            OfferedTerms = new OfferedTerms { BaseRentCentsPerMonth = 1_000_00, LeaseRegime = LeaseRegime.Article7_230a, LeaseStartDate = new DateOnly(2027, 1, 1) },
            Visibility = visibility,
        };
    }

    public static UpdateTenderRequest AsUpdate(this TenderResponse tender) => new()
    {
        UnitIds = [.. tender.UnitIds],
        Title = tender.Title,
        Description = tender.Description,
        NeighbourhoodProfile = tender.NeighbourhoodProfile,
        Eligibility = tender.Eligibility,
        RequiredSections = [.. tender.RequiredSections],
        Criteria = [.. tender.Criteria],
        OpensAt = tender.OpensAt,
        ClosesAt = tender.ClosesAt,
        PitchNight = tender.PitchNight,
        OfferedTerms = tender.OfferedTerms,
        Visibility = tender.Visibility,
    };

    const string LinkUnitSql = "INSERT INTO tender_units (tenant_id, tender_id, unit_id) VALUES (@TenantId, @TenderId, @UnitId)";

    const string PutUnitInTenderSql = "UPDATE units SET status = 'in_tender', version = version + 1 WHERE tenant_id = @TenantId AND id = @UnitId";

    /// <summary>
    /// Adds a second unit to the tender straight in the database, as a tender stored before a tender let exactly one unit holds it
    /// (the API refuses a second unit since); in_tender as publication left it when the tender is published.
    /// </summary>
    public static async Task AddUnitTheOldWayAsync(this PlatformApp app, Landlord landlord, Guid tenderId, Guid unitId, bool published)
    {
        var link = new { TenantId = landlord.Tenant.Tenant.Id, TenderId = tenderId, UnitId = unitId };
        await app.Services.GetRequiredService<SystemDb>().TransactAsync(async session =>
        {
            await session.ExecuteAsync(LinkUnitSql, link, TestContext.Current.CancellationToken);
            return published ? await session.ExecuteAsync(PutUnitInTenderSql, link, TestContext.Current.CancellationToken) : 0;
        }, TestContext.Current.CancellationToken);
    }

    /// <summary>A new landlord tenant with the Kostverlorenkade plinth and one vacant atelier, signed in to run tenders.</summary>
    public static async Task<Landlord> LandlordAsync(this PlatformApp app, string name = "Rochdale")
    {
        var ct = TestContext.Current.CancellationToken;
        var tenant = await app.CreateTenantAsync(name: name);
        var api = await tenant.SignInAsync(LandlordScopes);
        var plinth = await api.Plinths.CreatePlinthAsync(tenant.Slug, Kostverlorenkade(), cancellationToken: ct);
        var unit = await api.Units.CreateUnitAsync(tenant.Slug, Atelier(plinth.Id), cancellationToken: ct);
        return new Landlord(tenant, api, plinth, unit);
    }
}

public sealed record Landlord(TestTenant Tenant, PlatformApi Api, PlinthResponse Plinth, UnitResponse Unit)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public string Slug => Tenant.Slug;

    public async Task<UnitResponse> AnotherUnitAsync(double areaM2 = 85) =>
        await Api.Units.CreateUnitAsync(Slug, TenderScenarios.Atelier(Plinth.Id, areaM2), cancellationToken: Ct);

    /// <summary>A vacant unit in a new plinth of this landlord in <paramref name="neighbourhoodCode"/> (Amsterdam).</summary>
    public async Task<UnitResponse> UnitInAsync(string neighbourhoodCode, UnitCategory category = UnitCategory.Bed, string detailCode = "ATE", double areaM2 = 85)
    {
        var plinth = await Api.Plinths.CreatePlinthAsync(Slug, TenderScenarios.Kostverlorenkade(neighbourhoodCode), cancellationToken: Ct);
        var unit = TenderScenarios.Atelier(plinth.Id, areaM2);
        unit.Category = category;
        unit.DetailCode = detailCode;
        return await Api.Units.CreateUnitAsync(Slug, unit, cancellationToken: Ct);
    }

    public Task<TenderResponse> DraftAsync(CreateTenderRequest? request = null) =>
        Api.Tenders.CreateTenderAsync(Slug, request ?? TenderScenarios.PitchJePlan([Unit.Id]), cancellationToken: Ct);

    /// <summary>A tender for the landlord's atelier (or the request's units), published; open unless opensAt lies ahead.</summary>
    public async Task<TenderResponse> PublishedAsync(CreateTenderRequest? request = null)
    {
        var draft = await DraftAsync(request);
        return await Api.Tenders.PublishTenderAsync(Slug, draft.Id, cancellationToken: Ct);
    }
}
