using Platform.Api.Features.DiscountBudgets;
using Platform.Api.Features.Units;

namespace Platform.Api.Features.Reports.Portfolio;

/// <summary>A unit as the portfolio counts it: its classification, place, area and market rent, and whether it is let on the report's day.</summary>
public sealed record PortfolioUnit(
    Guid Id, UnitCategory Category, string DetailCode, string NeighbourhoodCode, decimal AreaM2, long? MarketRentCentsPerYear, bool Let, DateOnly? VacantSince);

/// <summary>What a lease brings in during the year: base rent, discount money, and the months it was in force.</summary>
public sealed record LeaseYear(long BaseCents, long DiscountCents, int MonthsInForce);

/// <summary>The portfolio figures of a group of units in one year.</summary>
public sealed record PortfolioFigures(
    int Units, decimal AreaM2, decimal LetAreaM2, int VacantUnits, decimal? VacancyPercent, DateOnly? VacantSince,
    long MarketRentCents, long BaseRentCents, long DiscountCents, decimal? DiscountShareOfMarketPercent,
    long? ActualRentCentsPerM2PerYear, AffordableBand AffordableBand)
{
    public long ActualRentCents => BaseRentCents - DiscountCents;
}

/// <summary>Where an actual rent per m² per year lies against the affordable band for work space (EUR 75–125 per m² per year).</summary>
public enum AffordableBand
{
    /// <summary>Nothing was let in the year, so there is no actual rent to place.</summary>
    NotLet,
    Below,
    Within,
    Above,
}

/// <summary>
/// The cross-subsidy (verevening) view in pure arithmetic. Money follows RentArithmetic: a month counts at the terms in force
/// on its first day, so a lease or discount that starts mid-month counts from the next month (a discount from 1 July counts
/// six months of its year, one from 15 July five). Occupancy (let, vacant, vacant since) is taken on the report's day.
/// Percentages are rounded half away from zero to two decimals, cents per m² to whole cents.
/// </summary>
public static class PortfolioArithmetic
{
    public const long AffordableMinCentsPerM2PerYear = 75_00;
    public const long AffordableMaxCentsPerM2PerYear = 125_00;

    /// <summary>The day occupancy is taken on: today within the year, else the year's last day (past) or first day (future).</summary>
    public static DateOnly AsOf(int year, DateOnly today)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        return today < first ? first : today > last ? last : today;
    }

    public static LeaseYear RentIn(ReportLease lease, int year)
    {
        long baseCents = 0, discountCents = 0;
        var months = 0;
        for (var month = new DateOnly(year, 1, 1); month.Year == year; month = month.AddMonths(1))
        {
            if (month < lease.Start || lease.End is { } end && month > end)
                continue;
            months++;
            baseCents += lease.BaseRent.On(month);
            discountCents += DiscountOn(lease.Discounts, month);
        }

        return new LeaseYear(baseCents, discountCents, months);
    }

    /// <summary>The first of <paramref name="discounts"/> in force on <paramref name="month"/>: what it takes off; a loop, as it runs per month of every lease.</summary>
    static long DiscountOn(IReadOnlyList<ReportDiscount> discounts, DateOnly month)
    {
        foreach (var discount in discounts)
        {
            if (discount.Schedule.InForce(month))
                return discount.Schedule.DiscountOn(month);
        }

        return 0;
    }

    /// <param name="units">The group's units.</param>
    /// <param name="rents">What each unit's leases bring in during the year, by unit id.</param>
    public static PortfolioFigures Figures(IReadOnlyCollection<PortfolioUnit> units, ILookup<Guid, LeaseYear> rents)
    {
        var area = units.Sum(u => u.AreaM2);
        var letArea = units.Where(u => u.Let).Sum(u => u.AreaM2);
        var market = units.Sum(u => u.MarketRentCentsPerYear ?? 0);
        var years = units.SelectMany(u => rents[u.Id].Select(r => (Unit: u, Rent: r))).ToList();
        var baseCents = years.Sum(y => y.Rent.BaseCents);
        var discountCents = years.Sum(y => y.Rent.DiscountCents);
        // m² let for a whole year: each month a lease is in force counts its unit's area for a twelfth.
        var letM2Years = years.Sum(y => y.Unit.AreaM2 * y.Rent.MonthsInForce) / 12m;
        long? perM2 = letM2Years > 0 ? (long)Math.Round((baseCents - discountCents) / letM2Years, MidpointRounding.AwayFromZero) : null;
        return new PortfolioFigures(
            units.Count, area, letArea, units.Count(u => !u.Let),
            area > 0 ? Percent(area - letArea, area) : null,
            units.Where(u => !u.Let).Min(u => u.VacantSince),
            market, baseCents, discountCents,
            market > 0 ? Percent(discountCents, market) : null,
            perM2, Band(perM2));
    }

    /// <summary>
    /// Each budget line's year, as GET …/discount-budgets shows it: a line with a budget for the year or discount money in it
    /// (each month charged to the year it falls in, at the terms in force on its first day), ordered by line.
    /// </summary>
    public static IReadOnlyList<BudgetYearResponse> BudgetYears(int year, IReadOnlyList<BudgetRow> budgets, IEnumerable<ReportDiscount> discounts)
    {
        var committed = discounts.Where(d => d.BudgetLine is not null && d.Schedule.Start.Year <= year && year <= d.Schedule.End.Year)
            .GroupBy(d => d.BudgetLine!)
            .ToDictionary(g => g.Key, g => g.Sum(d => d.Schedule.In(year)));
        var byLine = budgets.Where(b => b.Year == year).ToDictionary(b => b.Line);
        return byLine.Keys.Union(committed.Keys).Order(StringComparer.Ordinal)
            .Select(line => BudgetYearResponse.From(line, year, byLine.GetValueOrDefault(line), committed.GetValueOrDefault(line)))
            .ToList();
    }

    public static AffordableBand Band(long? centsPerM2PerYear) => centsPerM2PerYear switch
    {
        null => AffordableBand.NotLet,
        < AffordableMinCentsPerM2PerYear => AffordableBand.Below,
        > AffordableMaxCentsPerM2PerYear => AffordableBand.Above,
        _ => AffordableBand.Within,
    };

    static decimal Percent(decimal part, decimal whole) => Math.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero);
}
