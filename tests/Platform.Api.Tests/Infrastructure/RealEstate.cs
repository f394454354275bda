using Plinth.Platform.Client;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>Requests with the figures of DOMAIN.md: Utrecht's Herderplein, a unit let for EUR 1,000 a month.</summary>
public static class RealEstate
{
    public static PlinthRequest Herderplein() => new()
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

    public static CreateUnitRequest Atelier(Guid plinthId) => new()
    {
        PlinthId = plinthId,
        Name = "Herderplein 12 A",
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

    /// <summary>A lease under 7:230a unless another regime is given; null leaves the regime to the unit's detail code.</summary>
    public static CreateLeaseRequest Lease(Guid unitId, DateOnly start, DateOnly? end = null, LeaseRegime? regime = LeaseRegime.Article7_230a) => new()
    {
        UnitId = unitId,
        Lessee = new Lessee { Name = "Atelier De Plint", KvkNumber = "12345678", SbiCode = "9003", ContactEmail = "info@deplint.example" },
        Regime = regime,
        StartDate = start,
        EndDate = end,
        BaseRentCentsPerMonth = 1_000_00,
    };

    public static UpdateUnitRequest AsUpdate(this UnitResponse unit) => new()
    {
        Name = unit.Name,
        Category = unit.Category,
        DetailCode = unit.DetailCode,
        AreaM2 = unit.AreaM2,
        MarketRentCentsPerYear = unit.MarketRentCentsPerYear,
        ValuationDate = unit.ValuationDate,
        ValuationSource = unit.ValuationSource,
        TargetRentCentsPerYear = unit.TargetRentCentsPerYear,
        Status = unit.Status == UnitStatus.Let ? UnitStatus.Vacant : unit.Status,
        EnvironmentalCategory = unit.EnvironmentalCategory,
        DaebOverride = unit.DaebOverride,
    };

    public static UpdateLeaseRequest AsUpdate(this LeaseResponse lease) => new()
    {
        Lessee = lease.Lessee,
        Regime = lease.Regime,
        StartDate = lease.StartDate,
        EndDate = lease.EndDate,
    };

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A new tenant (Woonin) with one vacant BOG unit of this detail code in Herderplein, and a client that manages it.</summary>
    public static async Task<(TestTenant Tenant, PlatformApi Api, UnitResponse Unit)> UnitAsync(PlatformApp app, string detailCode)
    {
        var ct = TestContext.Current.CancellationToken;
        var tenant = await app.CreateTenantAsync(name: "Woonin");
        var api = await tenant.SignInAsync("plinths:read", "plinths:write", "leases:write", "leases:read", "discounts:read", "discounts:write");
        var plinth = await api.Plinths.CreatePlinthAsync(tenant.Slug, Herderplein(), cancellationToken: ct);
        var unit = Atelier(plinth.Id);
        unit.DetailCode = detailCode;
        return (tenant, api, await api.Units.CreateUnitAsync(tenant.Slug, unit, cancellationToken: ct));
    }

    /// <summary>
    /// A new tenant with the Herderplein atelier let for EUR 1,000 a month, and a client that manages its leases and discounts;
    /// <paramref name="plinth"/> and <paramref name="unit"/> replace the Herderplein and its atelier.
    /// </summary>
    public static async Task<LetAtelier> LetAtelierAsync(this PlatformApp app, DateOnly leaseStart, DateOnly? leaseEnd = null, string name = "Staedion",
        PlinthRequest? plinth = null, Func<Guid, CreateUnitRequest>? unit = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var tenant = await app.CreateTenantAsync(name: name);
        var api = await tenant.SignInAsync("plinths:write", "leases:write", "leases:read", "discounts:read", "discounts:write", "tenant:admin");
        var plinthId = (await api.Plinths.CreatePlinthAsync(tenant.Slug, plinth ?? Herderplein(), cancellationToken: ct)).Id;
        var let = await api.Units.CreateUnitAsync(tenant.Slug, (unit ?? Atelier)(plinthId), cancellationToken: ct);
        return new LetAtelier(tenant, api, await api.Leases.CreateLeaseAsync(tenant.Slug, Lease(let.Id, leaseStart, leaseEnd), cancellationToken: ct));
    }
}

public sealed record LetAtelier(TestTenant Tenant, PlatformApi Api, LeaseResponse Lease);
