using Microsoft.Extensions.Options;
using Platform.Api.Features.ApiClients;
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

    public string ClientSecret { get; set; } = "woonin-demo-secret";
}

/// <summary>
/// Woonin in Utrecht with the Herderplein plinth: an atelier whose regular rent is EUR 1,000 a month, let to a
/// starter. Enough to try every real-estate endpoint on /docs at once.
/// </summary>
public sealed class DemoData(
    IServiceScopeFactory scopes, TenantStore tenants, ApiClientStore clients, IOptions<DemoOptions> options, TimeProvider clock, ILogger<DemoData> logger)
{
    public const string TenantSlug = "woonin-demo";
    public const string ClientId = "woonin-demo-0000000000000001";

    public async Task SeedAsync(CancellationToken ct)
    {
        if (!options.Value.Seed || await tenants.FindBySlugAsync(TenantSlug, ct) is not null)
            return;

        var tenant = new TenantRow
        {
            Id = Ids.New(clock.GetUtcNow()),
            Slug = TenantSlug,
            Name = "Woonin (demo)",
            Kind = EnumText<TenantKind>.ToText(TenantKind.HousingCorporation),
            MunicipalityCode = "GM0344",
            CreatedAt = clock.GetUtcNow(),
        };
        await tenants.TryInsertAsync(tenant, ct);
        await clients.CreateAsync(tenant.Id, ClientId, "Woonin demo client",
            ApiScopes.Descriptions.Keys.Where(s => !ApiScopes.PlatformOnly.Contains(s)), options.Value.ClientSecret, ct);

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(new TenantRef(tenant.Id, tenant.Slug));
        var plinth = await scope.ServiceProvider.GetRequiredService<PlinthStore>().CreateAsync(new PlinthRequest
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
        var unit = await scope.ServiceProvider.GetRequiredService<UnitStore>().CreateAsync(new CreateUnitRequest
        {
            PlinthId = plinth.Id,
            Name = "Herderplein 12 A",
            Category = UnitCategory.Bed,
            DetailCode = "ATE",
            AreaM2 = 85,
            MarketRentCentsPerYear = 12 * 1_000_00,
            ValuationDate = new DateOnly(2026, 1, 1),
            ValuationSource = "taxatie 2026",
            TargetRentCentsPerYear = 12 * 1_000_00,
            Status = UnitStatus.Vacant,
            EnvironmentalCategory = 2,
        }, ct);
        await scope.ServiceProvider.GetRequiredService<LeaseStore>().CreateAsync(new CreateLeaseRequest
        {
            UnitId = unit.Value!.Id,
            Lessee = new Lessee { Name = "Atelier Je Eigen Zaak", KvkNumber = "90001234", SbiCode = "9003", ContactEmail = "atelier@example.org" },
            Regime = LeaseRegime.Article7_230a,
            StartDate = new DateOnly(2026, 1, 1),
            BaseRentCentsPerMonth = 1_000_00,
        }, ct);

        logger.LogInformation("Loaded the demo data set into tenant {Tenant}", TenantSlug);
        Console.WriteLine($"""

            Demo data loaded: tenant '{TenantSlug}' with the Herderplein plinth, an atelier and its lease.
              client_id:     {ClientId}
              client_secret: {options.Value.ClientSecret}

            """);
    }
}
