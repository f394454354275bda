using Microsoft.Extensions.Options;
using Platform.Api.Features.ApiClients;
using Platform.Api.Features.DiscountBudgets;
using Platform.Api.Features.DiscountPolicy;
using Platform.Api.Features.Discounts;
using Platform.Api.Features.Leases;
using Platform.Api.Features.Plinths;
using Platform.Api.Features.Tenants;
using Platform.Api.Features.Units;
using Platform.Api.Persistence;
using Platform.Api.Security;
using Platform.Api.Tenancy;
using Platform.Api.Validation;

namespace Platform.Api.Demo;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Load the demo data set on start (once; a second start finds it and leaves it).</summary>
    public bool Seed { get; set; }

    /// <summary>The secret of both demo clients (Woonin's and Staedion's).</summary>
    public string ClientSecret { get; set; } = "woonin-demo-secret";
}

/// <summary>
/// Two housing corporations as in the seed documents, enough to try every discount endpoint on /docs at once.
/// Woonin in Utrecht: the Herderplein lunchroom (HOR, art. 7:290), regular rent EUR 1,000 a month with a growth-in
/// rent of EUR 750 for the first two years (Je Eigen Zaak). Staedion in The Hague: an atelier in a priority
/// neighbourhood with a one-year 25 % discount for workshops, on the budget line "Maatschappelijke verhuur in het
/// kader van leefbaarheid", under Staedion's policy (10–40 % below the market rent, one year, priority neighbourhoods).
/// </summary>
public sealed class DemoData(
    IServiceScopeFactory scopes, TenantStore tenants, ApiClientStore clients, IOptions<DemoOptions> options, TimeProvider clock, ILogger<DemoData> logger)
{
    public const string TenantSlug = "woonin-demo";
    public const string ClientId = "woonin-demo-0000000000000001";
    public const string StaedionSlug = "staedion-demo";
    public const string StaedionClientId = "staedion-demo-0000000000000001";
    public const string LeefbaarheidLine = "Maatschappelijke verhuur in het kader van leefbaarheid";

    static readonly DateOnly January2026 = new(2026, 1, 1);

    public async Task SeedAsync(CancellationToken ct)
    {
        if (!options.Value.Seed)
            return;
        await SeedTenantAsync(TenantSlug, "Woonin (demo)", "GM0344", ClientId, SeedWooninAsync, ct);
        await SeedTenantAsync(StaedionSlug, "Staedion (demo)", "GM0518", StaedionClientId, SeedStaedionAsync, ct);
    }

    /// <summary>Creates the tenant, its client holding every tenant scope, and its data; a tenant already there is left as it is.</summary>
    async Task SeedTenantAsync(string slug, string name, string municipalityCode, string clientId, Func<IServiceProvider, CancellationToken, Task> seed, CancellationToken ct)
    {
        if (await tenants.FindBySlugAsync(slug, ct) is not null)
            return;

        var tenant = new TenantRow
        {
            Id = Ids.New(clock.GetUtcNow()),
            Slug = slug,
            Name = name,
            Kind = EnumText<TenantKind>.ToText(TenantKind.HousingCorporation),
            MunicipalityCode = municipalityCode,
            CreatedAt = clock.GetUtcNow(),
        };
        await tenants.TryInsertAsync(tenant, ct);
        await clients.CreateAsync(tenant.Id, clientId, $"{name} client",
            ApiScopes.Descriptions.Keys.Where(s => !ApiScopes.PlatformOnly.Contains(s)), options.Value.ClientSecret, ct);

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(new TenantRef(tenant.Id, tenant.Slug));
        await seed(scope.ServiceProvider, ct);

        logger.LogInformation("Loaded the demo data set into tenant {Tenant}", slug);
        Console.WriteLine($"""

            Demo data loaded: tenant '{slug}'.
              client_id:     {clientId}
              client_secret: {options.Value.ClientSecret}

            """);
    }

    static async Task SeedWooninAsync(IServiceProvider services, CancellationToken ct)
    {
        var plinth = await services.GetRequiredService<PlinthStore>().CreateAsync(new PlinthRequest
        {
            Name = "Herderplein",
            Address = new Address { Street = "Herderplein", HouseNumber = 12, Postcode = "3555 AB", City = "Utrecht" },
            MunicipalityCode = "GM0344",
            NeighbourhoodCode = "BU03440101",
            DwellingsAbove = 48,
            PlinthAreaM2 = 640,
            Theme = "makers",
            PriorityNeighbourhood = true,
        }, ct);
        var lunchroom = await LetAsync(services, new CreateUnitRequest
        {
            PlinthId = plinth.Id,
            Name = "Herderplein 12 A",
            Category = UnitCategory.Bed,
            DetailCode = "HOR",
            AreaM2 = 85,
            MarketRentCentsPerYear = 12 * 1_000_00,
            ValuationDate = January2026,
            ValuationSource = "taxatie 2026",
            TargetRentCentsPerYear = 12 * 1_000_00,
            Status = UnitStatus.Vacant,
            EnvironmentalCategory = 2,
        }, new Lessee { Name = "Lunchroom Je Eigen Zaak", KvkNumber = "90001234", SbiCode = "56102", ContactEmail = "lunchroom@example.org" },
            LeaseRegime.Article7_290, ct);
        await services.GetRequiredService<DiscountStore>().CreateAsync(lunchroom, new CreateDiscountRequest
        {
            Kind = DiscountKind.Stepped,
            Steps = [new RentStep { FromDate = January2026, MonthlyRentCents = 750_00 }],
            StartDate = January2026,
            EndDate = new DateOnly(2027, 12, 31),
            Justification = "Je Eigen Zaak: ingroeihuur voor een startende ondernemer, de eerste twee jaar EUR 750 per maand.",
            EvaluationCadenceMonths = 24,
        }, ct);
    }

    static async Task SeedStaedionAsync(IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<DiscountPolicyStore>().ReplaceAsync(null, new UpdateDiscountPolicyRequest
        {
            MinBelowMarketPercent = 10, MaxBelowMarketPercent = 40, MaxTermMonths = 12, PriorityNeighbourhoodsOnly = true,
        }, ct);
        await services.GetRequiredService<BudgetStore>().CreateAsync(new CreateBudgetRequest { Line = LeefbaarheidLine, Year = 2026, AmountCents = 50_000_00 }, ct);
        var plinth = await services.GetRequiredService<PlinthStore>().CreateAsync(new PlinthRequest
        {
            Name = "Erasmusweg",
            Address = new Address { Street = "Erasmusweg", HouseNumber = 1044, Postcode = "2532 CN", City = "Den Haag" },
            MunicipalityCode = "GM0518",
            NeighbourhoodCode = "BU05184291",
            DwellingsAbove = 36,
            PlinthAreaM2 = 420,
            Theme = "makers",
            PriorityNeighbourhood = true,
        }, ct);
        var atelier = await LetAsync(services, new CreateUnitRequest
        {
            PlinthId = plinth.Id,
            Name = "Erasmusweg 1044 A",
            Category = UnitCategory.Bed,
            DetailCode = "ATE",
            AreaM2 = 60,
            MarketRentCentsPerYear = 12 * 1_000_00,
            ValuationDate = January2026,
            ValuationSource = "taxatie 2026",
            TargetRentCentsPerYear = 12 * 900_00,
            Status = UnitStatus.Vacant,
            EnvironmentalCategory = 2,
        }, new Lessee { Name = "Atelier Moerwijk", KvkNumber = "90005678", SbiCode = "9003", ContactEmail = "atelier@example.org" },
            LeaseRegime.Article7_230a, ct);
        await services.GetRequiredService<DiscountStore>().CreateAsync(atelier, new CreateDiscountRequest
        {
            Kind = DiscountKind.Percentage,
            Percentage = 25,
            StartDate = January2026,
            EndDate = new DateOnly(2026, 12, 31),
            Justification = "Atelier in een prioriteitswijk: maatschappelijke verhuur in het kader van leefbaarheid.",
            BudgetLine = LeefbaarheidLine,
            CounterPerformances =
            [
                new CounterPerformanceRequest { Description = "Open workshops voor kinderen uit de buurt", Unit = "workshops", Target = 24, Theme = "makers", Radius = ImpactRadius.Neighbourhood },
            ],
        }, ct);
    }

    /// <summary>Lets the unit from 1 January 2026 for EUR 1,000 a month, open-ended; the lease's terms, for its discount.</summary>
    static async Task<LeaseTerms> LetAsync(IServiceProvider services, CreateUnitRequest unit, Lessee lessee, LeaseRegime regime, CancellationToken ct)
    {
        var created = await services.GetRequiredService<UnitStore>().CreateAsync(unit, ct);
        var lease = await services.GetRequiredService<LeaseStore>().CreateAsync(new CreateLeaseRequest
        {
            UnitId = created.Value!.Id,
            Lessee = lessee,
            Regime = regime,
            StartDate = January2026,
            BaseRentCentsPerMonth = 1_000_00,
        }, ct);
        return (await services.GetRequiredService<DiscountStore>().LeaseAsync(lease.Value!.Id, ct))!;
    }
}
