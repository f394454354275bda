using Platform.Api.Persistence;

namespace Platform.Api.Features.Tenders;

public sealed class PublicTenderUnitRow
{
    public Guid TenderId { get; init; }
    public required string LandlordName { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string NeighbourhoodProfile { get; init; }
    public required string Eligibility { get; init; }
    public required string RequiredSections { get; init; }
    public required string Criteria { get; init; }
    public DateTimeOffset OpensAt { get; init; }
    public DateTimeOffset ClosesAt { get; init; }
    public string? PitchNight { get; init; }
    public long BaseRentCentsPerMonth { get; init; }
    public Guid UnitId { get; init; }
    public decimal AreaM2 { get; init; }
    public required string Category { get; init; }
    public required string DetailCode { get; init; }
    public required string MunicipalityCode { get; init; }
    public required string NeighbourhoodCode { get; init; }
}

public sealed class PublicTenderFilter
{
    public string? MunicipalityCode { get; init; }
    public string? NeighbourhoodCode { get; init; }
    public string? Category { get; init; }
    public string? DetailCode { get; init; }
    public int? MinAreaM2 { get; init; }
    public int? MaxAreaM2 { get; init; }
}

/// <summary>
/// The public listing of open tenders. It crosses tenants by design (anyone may look for a space to apply for), so it runs
/// on the system path, and only through the view <c>public_tender_units</c>, which holds nothing but what an applicant
/// needs of published public tenders: no unit names or ids beyond the listing, no applications, no other tenant data.
/// </summary>
public sealed class TenderListingStore(SystemDb systemDb, TimeProvider clock)
{
    const string ListingSql = $"""
        SELECT v.tender_id AS {nameof(PublicTenderUnitRow.TenderId)}, v.landlord_name AS {nameof(PublicTenderUnitRow.LandlordName)},
               v.title AS {nameof(PublicTenderUnitRow.Title)}, v.description AS {nameof(PublicTenderUnitRow.Description)},
               v.neighbourhood_profile AS {nameof(PublicTenderUnitRow.NeighbourhoodProfile)}, v.eligibility AS {nameof(PublicTenderUnitRow.Eligibility)},
               v.required_sections AS {nameof(PublicTenderUnitRow.RequiredSections)}, v.criteria AS {nameof(PublicTenderUnitRow.Criteria)},
               v.opens_at AS {nameof(PublicTenderUnitRow.OpensAt)}, v.closes_at AS {nameof(PublicTenderUnitRow.ClosesAt)},
               v.pitch_night AS {nameof(PublicTenderUnitRow.PitchNight)}, v.base_rent_cents_per_month AS {nameof(PublicTenderUnitRow.BaseRentCentsPerMonth)},
               v.unit_id AS {nameof(PublicTenderUnitRow.UnitId)}, v.area_m2 AS {nameof(PublicTenderUnitRow.AreaM2)},
               v.category AS {nameof(PublicTenderUnitRow.Category)}, v.detail_code AS {nameof(PublicTenderUnitRow.DetailCode)},
               v.municipality_code AS {nameof(PublicTenderUnitRow.MunicipalityCode)}, v.neighbourhood_code AS {nameof(PublicTenderUnitRow.NeighbourhoodCode)}
        FROM public_tender_units v
        WHERE v.tender_id IN (
            SELECT l.tender_id FROM public_tender_units l
            WHERE l.opens_at <= @Now AND l.closes_at > @Now AND l.tender_id > @After
              AND (@MunicipalityCode IS NULL OR l.municipality_code = @MunicipalityCode)
              AND (@NeighbourhoodCode IS NULL OR l.neighbourhood_code = @NeighbourhoodCode)
              AND (@Category IS NULL OR l.category = @Category)
              AND (@DetailCode IS NULL OR l.detail_code = @DetailCode)
              AND (@MinAreaM2 IS NULL OR l.area_m2 >= @MinAreaM2)
              AND (@MaxAreaM2 IS NULL OR l.area_m2 <= @MaxAreaM2)
            GROUP BY l.tender_id
            ORDER BY l.tender_id {SqlDialect.Limit})
        ORDER BY v.tender_id, v.unit_id
        """;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Up to <paramref name="limit"/> open tenders after <paramref name="after"/> with a unit that matches, each with all its units.</summary>
    public Task<IReadOnlyList<IReadOnlyList<PublicTenderUnitRow>>> ListOpenAsync(PublicTenderFilter filter, Guid after, int limit, CancellationToken ct) =>
        systemDb.RunAsync<IReadOnlyList<IReadOnlyList<PublicTenderUnitRow>>>(async session =>
        {
            var rows = await session.ListAsync<PublicTenderUnitRow>(ListingSql, new
            {
                Now, After = after, Limit = limit,
                filter.MunicipalityCode, filter.NeighbourhoodCode, filter.Category, filter.DetailCode, filter.MinAreaM2, filter.MaxAreaM2,
            }, ct);
            return rows.GroupBy(r => r.TenderId).Select(g => (IReadOnlyList<PublicTenderUnitRow>)g.ToList()).ToList();
        }, ct);
}
