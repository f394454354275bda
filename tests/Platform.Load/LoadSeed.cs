using Plinth.Platform.Client;

namespace Platform.Load;

/// <summary>
/// Seeds one tenant through the API (the generated client, as a partner would): 200 units on one plinth, a lease on
/// each of the first 60 and a discount on the first lease.
/// </summary>
public static class LoadSeed
{
    const int Units = 200;
    const int Leases = 60;

    public sealed record Seeded(string Tenant, string ClientId, string ClientSecret, string Token, Guid PlinthId, Guid UnitId, Guid DiscountId);

    /// <summary>Seeds over loopback and prints what the wrk scripts need as shell variables.</summary>
    public static async Task<int> RunAsync(Uri api, string adminId, string adminSecret)
    {
        var seeded = await SeedAsync(api, () => new SocketsHttpHandler(), adminId, adminSecret);
        Console.WriteLine($"TENANT={seeded.Tenant}");
        Console.WriteLine($"CLIENT_ID={seeded.ClientId}");
        Console.WriteLine($"CLIENT_SECRET={seeded.ClientSecret}");
        Console.WriteLine($"TOKEN={seeded.Token}");
        Console.WriteLine($"PLINTH_ID={seeded.PlinthId}");
        Console.WriteLine($"UNIT_ID={seeded.UnitId}");
        Console.WriteLine($"DISCOUNT_ID={seeded.DiscountId}");
        return 0;
    }

    public static async Task<Seeded> SeedAsync(Uri api, Func<HttpMessageHandler> transport, string adminId, string adminSecret)
    {
        var ct = CancellationToken.None;
        using var admin = SignIn(api, transport, adminId, adminSecret, out _);
        var slug = $"load-{Guid.NewGuid():N}"[..16];
        await new TenantsClient(admin).CreateTenantAsync(new CreateTenantRequest
        {
            Slug = slug,
            Name = "Woningcorporatie Lasttest",
            Kind = TenantKind.HousingCorporation,
            MunicipalityCode = "GM0344",
        }, cancellationToken: ct);
        var client = await new ApiClientsClient(admin).CreateApiClientAsync(slug, new CreateApiClientRequest
        {
            DisplayName = "load benchmark",
            Scopes = [.. Enum.GetValues<ApiScope>().Where(s => s is not (ApiScope.PlatformAdmin or ApiScope.PlatformOperations))],
        }, ct);

        using var http = SignIn(api, transport, client.ClientId, client.ClientSecret, out var tokens);
        var plinth = await new PlinthsClient(http).CreatePlinthAsync(slug, Herderplein(), cancellationToken: ct);
        var unitsClient = new UnitsClient(http);
        var units = new List<UnitResponse>(Units);
        for (var i = 0; i < Units; i++)
            units.Add(await unitsClient.CreateUnitAsync(slug, Atelier(plinth.Id, i), cancellationToken: ct));

        var leasesClient = new LeasesClient(http);
        var leases = new List<LeaseResponse>(Leases);
        foreach (var unit in units.Take(Leases))
            leases.Add(await leasesClient.CreateLeaseAsync(slug, Lease(unit.Id), cancellationToken: ct));
        var discount = await new DiscountsClient(http).CreateDiscountAsync(slug, leases[0].Id, TwentyFivePercent(leases[0].StartDate), cancellationToken: ct);

        return new Seeded(slug, client.ClientId, client.ClientSecret, await tokens.GetTokenAsync(cancellationToken: ct), plinth.Id, units[^1].Id, discount.Id);
    }

    static HttpClient SignIn(Uri api, Func<HttpMessageHandler> transport, string clientId, string secret, out ClientCredentialsTokenSource tokens)
    {
        tokens = new ClientCredentialsTokenSource(new HttpClient(transport()) { BaseAddress = api },
            new PlatformClientOptions { BaseAddress = api, ClientId = clientId, ClientSecret = secret });
        return new HttpClient(new ClientCredentialsHandler(tokens) { InnerHandler = transport() }) { BaseAddress = api };
    }

    static PlinthRequest Herderplein() => new()
    {
        Name = "Herderplein",
        Address = new Address { Street = "Herderplein", HouseNumber = 12, Postcode = "3555 AB", City = "Utrecht" },
        MunicipalityCode = "GM0344",
        NeighbourhoodCode = "BU03440101",
        DwellingsAbove = 48,
        PlinthAreaM2 = 640.5,
        Theme = "makers",
        PriorityNeighbourhood = true,
    };

    static CreateUnitRequest Atelier(Guid plinthId, int number) => new()
    {
        PlinthId = plinthId,
        Name = $"Herderplein 12 unit {number + 1}",
        Category = UnitCategory.Bed,
        DetailCode = "ATE",
        AreaM2 = 85,
        MarketRentCentsPerYear = 1_200_000_00,
        ValuationDate = new DateOnly(2026, 3, 1),
        ValuationSource = "taxatie 2026",
        TargetRentCentsPerYear = 1_200_000_00,
        Status = UnitStatus.Vacant,
        EnvironmentalCategory = 2,
    };

    static CreateLeaseRequest Lease(Guid unitId) => new()
    {
        UnitId = unitId,
        Lessee = new Lessee { Name = "Atelier De Plint", KvkNumber = "12345678", SbiCode = "9003", ContactEmail = "info@deplint.example" },
        Regime = LeaseRegime.Article7_230a,
        StartDate = new DateOnly(2026, 1, 1),
        BaseRentCentsPerMonth = 1_000_00,
    };

    static CreateDiscountRequest TwentyFivePercent(DateOnly start) => new()
    {
        Kind = DiscountKind.Percentage,
        Percentage = 25,
        StartDate = start,
        EndDate = start.AddYears(1).AddDays(-1),
        Justification = "Sociale ondernemer in een prioriteitswijk: workshops voor buurtkinderen.",
        CounterPerformances =
        [
            new CounterPerformanceRequest { Description = "Open workshops voor kinderen uit de buurt", Unit = "workshops", Target = 24, Theme = "makers", Radius = ImpactRadius.Neighbourhood },
        ],
    };
}
