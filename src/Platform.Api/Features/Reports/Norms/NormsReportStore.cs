using Platform.Api.Features.Developments;
using Platform.Api.Features.Norms;
using Platform.Api.Features.Sharing;
using Platform.Api.Persistence;

namespace Platform.Api.Features.Reports.Norms;

/// <summary>A development in the municipality that the norms report counts, with its owner.</summary>
public sealed class CountedDevelopmentRow
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public required string OwnerSlug { get; init; }
    public required string OwnerName { get; init; }
    public required string NeighbourhoodCodes { get; init; }
    public int DwellingsAdded { get; init; }
    public int WorkSpaceRemovedM2 { get; init; }
    public Guid? ProgrammeVersionId { get; init; }
    public int? ProgrammeVersion { get; init; }
}

/// <summary>The owners with developments or plinths in the municipality, and whether they share their reports with it.</summary>
public sealed class CoverageRow
{
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public bool Sharing { get; init; }
}

public sealed class NeighbourhoodUnitsRow
{
    public required string NeighbourhoodCode { get; init; }
    public long Units { get; init; }
}

/// <summary>What the norms report counts, and who it leaves out.</summary>
public sealed record NormsReportData(
    IReadOnlyList<CountedDevelopmentRow> Developments, ILookup<Guid, ProgrammeLineTerms> LinesByVersion,
    IReadOnlyList<NeighbourhoodUnitsRow> UnitsByNeighbourhood, IReadOnlyList<CoverageRow> Coverage);

/// <summary>
/// Reads for a municipality across owners, on the system path: its own developments and plinths in its municipality, and those of
/// every owner whose grant of <c>reports</c> to it is in its term today and admits them (the views granted_developments and
/// granted_plinths), never a row of an owner that has not granted. The grantee path cannot serve: it is bound to one owner and one
/// grant, and this report reads all of them at once. Bound by hand to the municipality (<c>@TenantId</c>, the acting owner).
/// </summary>
public sealed class NormsReportStore(SystemDb db)
{
    /// <summary>Development <c>d</c> lies in the municipality and is the municipality's own or shared with it today; a condition.</summary>
    const string CountedDevelopment = """
        d.municipality_code = @MunicipalityCode
        AND (d.tenant_id = @TenantId
             OR d.id IN (SELECT gd.development_id FROM granted_developments gd
                         WHERE gd.grantee_tenant_id = @TenantId
                           AND gd.valid_from <= @Today AND (gd.valid_until IS NULL OR gd.valid_until >= @Today)))
        """;

    /// <summary>Joins development <c>d</c> to its current (highest) programme version <c>cv</c>, if it has one; a fragment.</summary>
    const string CurrentVersion = """
        LEFT JOIN programme_versions cv ON cv.tenant_id = d.tenant_id AND cv.development_id = d.id
            AND cv.number = (SELECT MAX(v.number) FROM programme_versions v WHERE v.tenant_id = d.tenant_id AND v.development_id = d.id)
        """;

    const string DevelopmentsSql = $"""
        SELECT d.id AS {nameof(CountedDevelopmentRow.Id)}, d.name AS {nameof(CountedDevelopmentRow.Name)},
               t.slug AS {nameof(CountedDevelopmentRow.OwnerSlug)}, t.name AS {nameof(CountedDevelopmentRow.OwnerName)},
               d.neighbourhood_codes AS {nameof(CountedDevelopmentRow.NeighbourhoodCodes)},
               d.dwellings_added AS {nameof(CountedDevelopmentRow.DwellingsAdded)},
               d.work_space_removed_m2 AS {nameof(CountedDevelopmentRow.WorkSpaceRemovedM2)},
               cv.id AS {nameof(CountedDevelopmentRow.ProgrammeVersionId)}, cv.number AS {nameof(CountedDevelopmentRow.ProgrammeVersion)}
        FROM developments d
        JOIN tenants t ON t.id = d.tenant_id
        {CurrentVersion}
        WHERE {CountedDevelopment}
        ORDER BY d.name, d.id
        """;

    const string CurrentLinesSql = $"""
        SELECT l.version_id AS {nameof(ProgrammeLineRow.VersionId)}, l.line_function AS {nameof(ProgrammeLineRow.LineFunction)},
               l.m2 AS {nameof(ProgrammeLineRow.M2)}, l.affordable_m2 AS {nameof(ProgrammeLineRow.AffordableM2)}
        FROM developments d
        {CurrentVersion}
        JOIN programme_lines l ON l.tenant_id = cv.tenant_id AND l.version_id = cv.id
        WHERE {CountedDevelopment}
        """;

    /// <summary>The units on the municipality's own plinths in its municipality and on those shared with it for reports today.</summary>
    const string UnitsByNeighbourhoodSql = $"""
        SELECT p.neighbourhood_code AS {nameof(NeighbourhoodUnitsRow.NeighbourhoodCode)}, COUNT(*) AS {nameof(NeighbourhoodUnitsRow.Units)}
        FROM plinths p
        JOIN units u ON u.tenant_id = p.tenant_id AND u.plinth_id = p.id
        WHERE p.municipality_code = @MunicipalityCode
          AND (p.tenant_id = @TenantId
               OR p.id IN (SELECT gp.plinth_id FROM granted_plinths gp
                           WHERE gp.grantee_tenant_id = @TenantId AND gp.resources LIKE @Reports
                             AND gp.valid_from <= @Today AND (gp.valid_until IS NULL OR gp.valid_until >= @Today)))
        GROUP BY p.neighbourhood_code
        """;

    /// <summary>
    /// Every other tenant with a development or a plinth in the municipality ("in its area"), and whether it has a grant of reports to
    /// the municipality in its term today that admits the municipality's code. Names and slugs only.
    /// </summary>
    const string CoverageSql = $"""
        SELECT t.slug AS {nameof(CoverageRow.Slug)}, t.name AS {nameof(CoverageRow.Name)},
               CASE WHEN EXISTS (SELECT 1 FROM sharing_grants g
                                 WHERE g.tenant_id = t.id AND g.grantee_tenant_id = @TenantId AND g.revoked_at IS NULL
                                   AND g.resources LIKE @Reports AND g.valid_from <= @Today AND (g.valid_until IS NULL OR g.valid_until >= @Today)
                                   AND (g.municipality_codes IS NULL OR g.municipality_codes LIKE @Municipality))
                    THEN 1 ELSE 0 END AS {nameof(CoverageRow.Sharing)}
        FROM tenants t
        WHERE t.id <> @TenantId
          AND (EXISTS (SELECT 1 FROM developments d WHERE d.tenant_id = t.id AND d.municipality_code = @MunicipalityCode)
               OR EXISTS (SELECT 1 FROM plinths p WHERE p.tenant_id = t.id AND p.municipality_code = @MunicipalityCode))
        ORDER BY t.slug
        """;

    public Task<NormsReportData> LoadAsync(Guid municipalityId, string municipalityCode, DateOnly today, CancellationToken ct) =>
        db.RunAsync(async session =>
        {
            var parameters = new
            {
                TenantId = municipalityId,
                MunicipalityCode = municipalityCode,
                Municipality = $"% {municipalityCode} %",
                Reports = $"% {EnumText<SharedResource>.ToText(SharedResource.Reports)} %",
                Today = today,
            };
            var developments = await session.ListAsync<CountedDevelopmentRow>(DevelopmentsSql, parameters, ct);
            var lines = await session.ListAsync<ProgrammeLineRow>(CurrentLinesSql, parameters, ct);
            var units = await session.ListAsync<NeighbourhoodUnitsRow>(UnitsByNeighbourhoodSql, parameters, ct);
            var coverage = await session.ListAsync<CoverageRow>(CoverageSql, parameters, ct);
            return new NormsReportData(developments, lines.ToLookup(l => l.VersionId, l => l.Terms), units, coverage);
        }, ct);
}
