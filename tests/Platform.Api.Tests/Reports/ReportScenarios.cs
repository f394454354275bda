using Plinth.Platform.Client;
using Platform.Api.Tests.Discounts;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Sharing;
using Estate = Platform.Api.Tests.Infrastructure.RealEstate;

namespace Platform.Api.Tests.Reports;

/// <summary>The reports' clock: 15 September 2026, unless a test moves it.</summary>
public sealed class ReportsApp() : ClockedApp(sqliteFile: null, new DateTimeOffset(2026, 9, 15, 8, 0, 0, TimeSpan.Zero))
{
    public static readonly DateOnly ReportDay = new(2026, 9, 15);
}

/// <summary>Staedion's small portfolio, as the report tests count it by hand, and the tenants around it.</summary>
public sealed record StaedionPortfolio(
    TestTenant Staedion, PlatformApi Owner, UnitResponse Atelier, UnitResponse Buurthuis, UnitResponse Shop, UnitResponse Office,
    DiscountResponse Discount, TestTenant Utrecht, PlatformApi Municipality, TestTenant Mitros);

public static class ReportScenarios
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static readonly string[] OwnerScopes = ["tenant:admin", "plinths:write", "plinths:read", "leases:write", "leases:read", "discounts:write", "discounts:read", "reports:read"];

    /// <summary>
    /// Staedion on 1 February 2026 creates, in Utrecht (GM0344): on the Herderplein (BU03440101) an atelier (BED ATE, 85 m², market
    /// EUR 12,000 a year) let from 1 January 2026 at EUR 1,000 a month with 25 % off from 1 July 2026 for a year on the budget line
    /// "leefbaarheid" (EUR 50,000 for 2026), and a neighbourhood centre (MOG BUU, 120 m², market EUR 6,000) whose lease at EUR 500
    /// ended on 31 March 2026; on Kanaleneiland (BU03440202) a shop (BED WIR, 60 m², market EUR 9,000) never let. In Amersfoort
    /// (GM0307, BU03070101) an office (BED KAN, 50 m², market EUR 5,000) let from 1 January 2026 at EUR 400. It shares its reports
    /// on Utrecht's plinths with the municipality of Utrecht; Mitros, with a let atelier in Utrecht too, shares nothing.
    /// The clock ends on 15 September 2026.
    /// </summary>
    public static async Task<StaedionPortfolio> StaedionAsync(ReportsApp app)
    {
        app.MoveTo(new DateOnly(2026, 2, 1));
        var staedion = await app.CreateTenantAsync(name: "Staedion");
        var owner = await staedion.SignInAsync(OwnerScopes);
        await owner.Budgets.CreateBudgetAsync(staedion.Slug, new CreateBudgetRequest { Line = DiscountTests.Leefbaarheid, Year = 2026, AmountCents = 50_000_00 }, cancellationToken: Ct);

        var herderplein = await PlinthAsync(owner, staedion, "Herderplein", "GM0344", "BU03440101");
        var kanaleneiland = await PlinthAsync(owner, staedion, "Kanaleneiland", "GM0344", "BU03440202");
        var amersfoort = await PlinthAsync(owner, staedion, "Hof van Amersfoort", "GM0307", "BU03070101");

        var atelier = await UnitAsync(owner, staedion, herderplein, UnitCategory.Bed, "ATE", 85, 12_000_00);
        var buurthuis = await UnitAsync(owner, staedion, herderplein, UnitCategory.Mog, "BUU", 120, 6_000_00);
        var shop = await UnitAsync(owner, staedion, kanaleneiland, UnitCategory.Bed, "WIR", 60, 9_000_00);
        var office = await UnitAsync(owner, staedion, amersfoort, UnitCategory.Bed, "KAN", 50, 5_000_00);

        var atelierLease = await LeaseAsync(owner, staedion, atelier, new DateOnly(2026, 1, 1), null, 1_000_00);
        await LeaseAsync(owner, staedion, buurthuis, new DateOnly(2025, 1, 1), new DateOnly(2026, 3, 31), 500_00);
        await LeaseAsync(owner, staedion, office, new DateOnly(2026, 1, 1), null, 400_00);
        var discount = await owner.Discounts.CreateDiscountAsync(staedion.Slug, atelierLease.Id,
            DiscountTests.TwentyFivePercent(new DateOnly(2026, 7, 1), DiscountTests.Leefbaarheid), cancellationToken: Ct);

        var utrecht = await app.CreateTenantAsync(TenantKind.Municipality, "Gemeente Utrecht");
        var grant = SharingGrantTests.PerformanceAgreements(utrecht.Slug, SharedResource.Reports);
        grant.Filter = new SharingGrantFilter { MunicipalityCodes = ["GM0344"] };
        await owner.Sharing.CreateSharingGrantAsync(staedion.Slug, grant, cancellationToken: Ct);
        var municipality = await utrecht.SignInAsync("reports:read");

        var mitros = await app.CreateTenantAsync(name: "Mitros");
        var mitrosOwner = await mitros.SignInAsync(OwnerScopes);
        var mitrosPlinth = await PlinthAsync(mitrosOwner, mitros, "Lombok", "GM0344", "BU03440303");
        var mitrosAtelier = await UnitAsync(mitrosOwner, mitros, mitrosPlinth, UnitCategory.Bed, "ATE", 70, 8_000_00);
        await LeaseAsync(mitrosOwner, mitros, mitrosAtelier, new DateOnly(2026, 1, 1), null, 600_00);

        app.MoveTo(ReportsApp.ReportDay);
        return new StaedionPortfolio(staedion, owner, atelier, buurthuis, shop, office, discount, utrecht, municipality, mitros);
    }

    /// <summary>
    /// <see cref="StaedionAsync"/>, and on the Amersfoort office (not shared) 25 % off for the first half of 2026 in one period of six
    /// months, for 2 internships (theme makers, radius city) and 4 open days (theme buurt, radius building), evaluated on
    /// 15 June 2026 at 3 internships and 2 open days, and ended with the period.
    /// </summary>
    public static async Task<StaedionPortfolio> StaedionWithEvaluatedOfficeAsync(ReportsApp app)
    {
        var world = await StaedionAsync(app);
        var officeLease = Assert.Single((await world.Owner.Leases.ListLeasesAsync(world.Staedion.Slug, unitId: world.Office.Id, cancellationToken: Ct)).Items);
        var discount = await world.Owner.Discounts.CreateDiscountAsync(world.Staedion.Slug, officeLease.Id, new CreateDiscountRequest
        {
            Kind = DiscountKind.Percentage,
            Percentage = 25,
            StartDate = new DateOnly(2026, 1, 1),
            EndDate = new DateOnly(2026, 6, 30),
            EvaluationCadenceMonths = 6,
            Justification = "Werkplaats met stages voor jongeren uit de stad.",
            CounterPerformances =
            [
                new CounterPerformanceRequest { Description = "Stageplaatsen voor mbo-studenten", Unit = "internships", Target = 2, Theme = "makers", Radius = ImpactRadius.City },
                new CounterPerformanceRequest { Description = "Open dagen voor de huurders van het gebouw", Unit = "open days", Target = 4, Theme = "buurt", Radius = ImpactRadius.Building },
            ],
        }, cancellationToken: Ct);
        var (internships, openDays) = (discount.CounterPerformances.Single(c => c.Unit == "internships"), discount.CounterPerformances.Single(c => c.Unit == "open days"));
        await world.Owner.Discounts.CreateEvaluationAsync(world.Staedion.Slug, discount.Id, new CreateEvaluationRequest
        {
            PeriodNumber = 1,
            EvaluatedOn = new DateOnly(2026, 6, 15),
            Decision = EvaluationDecision.End,
            Results =
            [
                new CounterPerformanceResult { CounterPerformanceId = internships.Id, Actual = 3 },
                new CounterPerformanceResult { CounterPerformanceId = openDays.Id, Actual = 2 },
            ],
        }, cancellationToken: Ct);
        return world;
    }

    public static async Task<PlinthResponse> PlinthAsync(PlatformApi api, TestTenant tenant, string name, string municipalityCode, string neighbourhoodCode)
    {
        var request = Estate.Herderplein();
        request.Name = name;
        request.MunicipalityCode = municipalityCode;
        request.NeighbourhoodCode = neighbourhoodCode;
        return await api.Plinths.CreatePlinthAsync(tenant.Slug, request, cancellationToken: Ct);
    }

    public static async Task<UnitResponse> UnitAsync(PlatformApi api, TestTenant tenant, PlinthResponse plinth, UnitCategory category, string detailCode, double areaM2, long marketRentCentsPerYear)
    {
        var request = Estate.Atelier(plinth.Id);
        request.Name = $"{plinth.Name} {detailCode}";
        request.Category = category;
        request.DetailCode = detailCode;
        request.AreaM2 = areaM2;
        request.MarketRentCentsPerYear = marketRentCentsPerYear;
        request.TargetRentCentsPerYear = marketRentCentsPerYear;
        return await api.Units.CreateUnitAsync(tenant.Slug, request, cancellationToken: Ct);
    }

    static async Task<LeaseResponse> LeaseAsync(PlatformApi api, TestTenant tenant, UnitResponse unit, DateOnly start, DateOnly? end, long baseRentCentsPerMonth)
    {
        var request = Estate.Lease(unit.Id, start, end);
        request.BaseRentCentsPerMonth = baseRentCentsPerMonth;
        return await api.Leases.CreateLeaseAsync(tenant.Slug, request, cancellationToken: Ct);
    }
}
