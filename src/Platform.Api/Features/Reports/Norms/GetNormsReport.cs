using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using FluentValidation;
using Platform.Api.Errors;
using Platform.Api.Features.Developments;
using Platform.Api.Features.Norms;
using Platform.Api.Features.Sharing;
using Platform.Api.OpenApi;
using Platform.Api.Persistence;
using Platform.Api.Tenancy;
using Platform.Api.Validation;

namespace Platform.Api.Features.Reports.Norms;

public sealed class NormsReportRequest
{
    /// <summary>Only this neighbourhood, and the developments that lie in it.</summary>
    public string? NeighbourhoodCode { get; init; }

    /// <summary>Only this development, without neighbourhoods; one the report does not count gives empty lists.</summary>
    public Guid? DevelopmentId { get; init; }
}

public sealed class NormsReportValidator : Validator<NormsReportRequest>
{
    public NormsReportValidator()
    {
        RuleFor(r => r.NeighbourhoodCode).TextLength(10, 10).Matches(DutchCodes.NeighbourhoodCode())
            .WithMessage("'{PropertyName}' must be a CBS neighbourhood code: BU and eight digits, e.g. BU03440000.");
    }
}

/// <summary>The figures a norm is checked on: a development's current programme, or the sum of those in a neighbourhood.</summary>
public sealed class NormFiguresResponse
{
    [Range(0, long.MaxValue)]
    public required long DwellingsAdded { get; init; }

    /// <summary>The business space the developments replace.</summary>
    [Range(0, long.MaxValue)]
    public required long WorkSpaceRemovedM2 { get; init; }

    /// <summary>Every line of the current programme.</summary>
    [Range(0, long.MaxValue)]
    public required long ProgrammeM2 { get; init; }

    /// <summary>Every function but housing: work, facilities, horeca and social.</summary>
    [Range(0, long.MaxValue)]
    public required long WorkSpaceM2 { get; init; }

    /// <summary>The commercial work space: work, facilities and horeca.</summary>
    [Range(0, long.MaxValue)]
    public required long CommercialM2 { get; init; }

    /// <summary>The affordable m² of the commercial work space.</summary>
    [Range(0, long.MaxValue)]
    public required long AffordableCommercialM2 { get; init; }

    public static NormFiguresResponse From(DevelopmentFigures figures) => new()
    {
        DwellingsAdded = figures.DwellingsAdded,
        WorkSpaceRemovedM2 = figures.WorkSpaceRemovedM2,
        ProgrammeM2 = figures.ProgrammeM2,
        WorkSpaceM2 = figures.WorkSpaceM2,
        CommercialM2 = figures.CommercialM2,
        AffordableCommercialM2 = figures.AffordableCommercialM2,
    };
}

/// <summary>One norm checked: what it requires, what there is, and by how much it falls short.</summary>
public sealed class NormCheckResponse
{
    public required Guid NormId { get; init; }

    public required NormKind Kind { get; init; }

    [Range(0, NormRequest.MaxPerDwellingM2)]
    public required decimal Value { get; init; }

    /// <summary>
    /// The least that meets the norm, rounded up: m² of work space (per added dwelling, share of the programme, no net loss), affordable
    /// m² (affordable share) or non-residential functions (function mix).
    /// </summary>
    [Range(0, long.MaxValue)]
    public required long Required { get; init; }

    [Range(0, long.MaxValue)]
    public required long Actual { get; init; }

    public required bool Met { get; init; }

    /// <summary>required minus actual; 0 when met.</summary>
    [Range(0, long.MaxValue)]
    public required long Shortfall { get; init; }

    public static NormCheckResponse From(NormOutcome outcome) => new()
    {
        NormId = outcome.Norm.Id,
        Kind = outcome.Norm.Kind,
        Value = outcome.Norm.Value,
        Required = outcome.Check.Required,
        Actual = outcome.Check.Actual,
        Met = outcome.Check.Met,
        Shortfall = outcome.Check.Shortfall,
    };
}

/// <summary>An owner by name and slug.</summary>
public sealed class NormsReportOwnerResponse
{
    [MaxLength(FieldLimits.Slug)]
    [RegularExpression(DutchCodes.SlugPattern)]
    public required string Slug { get; init; }

    [MaxLength(FieldLimits.Name)]
    public required string Name { get; init; }
}

public sealed class NormsReportDevelopmentResponse
{
    public required Guid Id { get; init; }

    [MaxLength(FieldLimits.Name)]
    public required string Name { get; init; }

    /// <summary>The municipality itself, or an owner that shares its reports with it.</summary>
    public required NormsReportOwnerResponse Owner { get; init; }

    [MaxLength(DevelopmentRequest.MaxNeighbourhoods)]
    [EachItem(DutchCodes.NeighbourhoodCodePattern, FieldLimits.NeighbourhoodCode)]
    public required IReadOnlyList<string> NeighbourhoodCodes { get; init; }

    /// <summary>The number of the current programme version, which the checks count; null before the first (then no checks).</summary>
    [Range(1, int.MaxValue)]
    public required int? ProgrammeVersion { get; init; }

    public required NormFiguresResponse Figures { get; init; }

    /// <summary>Every norm in force that applies to it (all kinds but the function mix, which is a neighbourhood's), in the order set.</summary>
    public required IReadOnlyList<NormCheckResponse> Checks { get; init; }
}

public sealed class NormsReportNeighbourhoodResponse
{
    [MaxLength(FieldLimits.NeighbourhoodCode)]
    [RegularExpression(DutchCodes.NeighbourhoodCodePattern)]
    public required string NeighbourhoodCode { get; init; }

    /// <summary>The counted developments with a programme that lie in it (also in other neighbourhoods).</summary>
    [Range(0, int.MaxValue)]
    public required int Developments { get; init; }

    /// <summary>Their current programmes added up.</summary>
    public required NormFiguresResponse Figures { get; init; }

    /// <summary>The units on the counted plinths in the neighbourhood: each a non-residential function.</summary>
    [Range(0, long.MaxValue)]
    public required long NonResidentialUnits { get; init; }

    /// <summary>Non-residential units plus the dwellings the developments add: the functions the mix is counted over.</summary>
    [Range(0, long.MaxValue)]
    public required long Functions { get; init; }

    /// <summary>Every norm in force that applies in the neighbourhood, in the order set.</summary>
    public required IReadOnlyList<NormCheckResponse> Checks { get; init; }
}

/// <summary>The owners in the municipality's area: those whose data the report counts, and those it cannot.</summary>
public sealed class NormsCoverageResponse
{
    /// <summary>Owners with a grant of reports to the municipality in its term today that admits the municipality, by slug.</summary>
    public required IReadOnlyList<NormsReportOwnerResponse> Sharing { get; init; }

    /// <summary>Owners without one, by slug: their developments and plinths are not counted.</summary>
    public required IReadOnlyList<NormsReportOwnerResponse> NotSharing { get; init; }
}

public sealed class NormsReportResponse
{
    /// <summary>Today in Platform:TimeZone: the norms valid from it or before apply.</summary>
    public required DateOnly AsOf { get; init; }

    [MaxLength(FieldLimits.MunicipalityCode)]
    [RegularExpression(DutchCodes.MunicipalityCodePattern)]
    public required string MunicipalityCode { get; init; }

    /// <summary>The municipality's norms in force, in the order set.</summary>
    public required IReadOnlyList<NormResponse> Norms { get; init; }

    /// <summary>The counted developments in the municipality, by name.</summary>
    public required IReadOnlyList<NormsReportDevelopmentResponse> Developments { get; init; }

    /// <summary>The neighbourhoods a counted development or unit lies in, by code.</summary>
    public required IReadOnlyList<NormsReportNeighbourhoodResponse> Neighbourhoods { get; init; }

    public required NormsCoverageResponse Coverage { get; init; }
}

/// <summary>One line of the norms report's CSV: one check, of a development (scope development) or a neighbourhood (scope neighbourhood), with the figures it came from.</summary>
public sealed record NormsCsvRow(string Scope, NormsReportDevelopmentResponse? Development, NormsReportNeighbourhoodResponse? Neighbourhood, NormFiguresResponse Figures, NormCheckResponse Check);

public sealed class GetNormsReportEndpoint(TenantContext tenant, NormStore norms, NormsReportStore reports, PlatformCalendar calendar)
    : ReportEndpoint<NormsReportRequest, NormsReportResponse, NormsCsvRow>
{
    static readonly CsvTable<NormsCsvRow> Table = new([
        new("scope", r => r.Scope),
        new("development_id", r => r.Development?.Id),
        new("development_name", r => r.Development?.Name),
        new("owner_slug", r => r.Development?.Owner.Slug),
        new("programme_version", r => r.Development?.ProgrammeVersion),
        new("neighbourhood_code", r => r.Neighbourhood?.NeighbourhoodCode),
        new("norm_id", r => r.Check.NormId),
        new("kind", r => r.Check.Kind),
        new("value", r => r.Check.Value),
        new("required", r => r.Check.Required),
        new("actual", r => r.Check.Actual),
        new("met", r => r.Check.Met),
        new("shortfall", r => r.Check.Shortfall),
        new("dwellings_added", r => r.Figures.DwellingsAdded),
        new("work_space_removed_m2", r => r.Figures.WorkSpaceRemovedM2),
        new("programme_m2", r => r.Figures.ProgrammeM2),
        new("work_space_m2", r => r.Figures.WorkSpaceM2),
        new("commercial_m2", r => r.Figures.CommercialM2),
        new("affordable_commercial_m2", r => r.Figures.AffordableCommercialM2),
        new("non_residential_units", r => r.Neighbourhood?.NonResidentialUnits),
        new("functions", r => r.Neighbourhood?.Functions),
    ]);

    protected override CsvTable<NormsCsvRow> Csv => Table;

    public override void Configure()
    {
        OwnReportRoute("/v1/tenants/{tenant}/reports/norms");
        Summary(s =>
        {
            s.Summary = "Get the norms report";
            s.Description = "A municipality's norms in force today (validFrom on or before today) checked on every development in its "
                            + "municipality that it owns or that an owner shares with it (a grant of reports in its term that admits the "
                            + "municipality; a grant limited to some plinths shares no development), each on its current programme version, "
                            + "and on every neighbourhood those developments and the counted plinths' units lie in: the required value, the "
                            + "actual one, met or not, the shortfall and the figures it came from. A norm for some neighbourhoods applies to "
                            + "the developments that lie in one of them. The function mix (non_residential_function_share_percent) is a "
                            + "neighbourhood's: its units (non-residential functions) over those units plus the dwellings its developments add. "
                            + "Coverage lists, by name and slug, every other tenant with a development or a plinth in the municipality, split "
                            + "into those that share their reports with it and those that do not; nothing else of theirs appears. "
                            + "neighbourhoodCode keeps that neighbourhood and the developments in it; developmentId keeps that development alone (no "
                            + "neighbourhoods), and a development the report does not count (unknown, or not shared) gives empty "
                            + "lists, so the report never tells whether another owner's development exists. Only a municipality has the "
                            + "report: another kind of tenant answers 409 not-a-municipality. Grantees of the municipality do not read it "
                            + "(it counts data shared with the municipality, not theirs to pass on). With Accept: text/csv it answers one "
                            + "CSV table, one line per check (scope development or neighbourhood).";
        });
        Description(b => b.ProducesProblems(StatusCodes.Status409Conflict));
    }

    // Read once per request by the refusal check, which runs first, and used by the report (an endpoint serves one request).
    NormSetter _municipality = null!;

    protected override async Task<IResult?> RefusalAsync(CancellationToken ct)
    {
        _municipality = await norms.SetterAsync(ct);
        return _municipality.IsMunicipality
            ? null
            : Problems.Conflict("not-a-municipality", "Only a municipality has a norms report: it checks the municipality's norms.");
    }

    protected override async Task<NormsReportResponse> ReportAsync(NormsReportRequest req, CancellationToken ct)
    {
        var today = calendar.Today;
        var municipality = _municipality;
        var inForce = await norms.InForceAsync(today, ct);
        var applied = inForce.Select(n => new NormInForce(n.Id, EnumText<NormKind>.Parse(n.Kind), n.Value, SpaceList.Split(n.NeighbourhoodCodes))).ToList();
        var data = await reports.LoadAsync(tenant.Id, municipality.MunicipalityCode, today, ct);

        var developments = data.Developments
            .Where(d => req.DevelopmentId is not { } id || d.Id == id)
            .Select(d => (Row: d, Reported: new ReportedDevelopment(d.Id, SpaceList.Split(d.NeighbourhoodCodes),
                d.ProgrammeVersionId is { } version ? DevelopmentFigures.From(d.DwellingsAdded, d.WorkSpaceRemovedM2, data.LinesByVersion[version].ToList()) : null)))
            .Where(d => req.NeighbourhoodCode is not { } code || d.Reported.NeighbourhoodCodes.Contains(code, StringComparer.Ordinal))
            .ToList();
        // A neighbourhood is more than one development: with developmentId, none is listed.
        var neighbourhoods = req.DevelopmentId is not null
            ? []
            : NormsReportRules.Neighbourhoods(developments.Select(d => d.Reported).ToList(), data.UnitsByNeighbourhood.ToDictionary(u => u.NeighbourhoodCode, u => u.Units))
                .Where(n => req.NeighbourhoodCode is not { } code || n.NeighbourhoodCode == code)
                .ToList();

        return new NormsReportResponse
        {
            AsOf = today,
            MunicipalityCode = municipality.MunicipalityCode,
            Norms = inForce.Select(NormResponse.From).ToList(),
            Developments = developments.Select(d => new NormsReportDevelopmentResponse
            {
                Id = d.Row.Id,
                Name = d.Row.Name,
                Owner = new NormsReportOwnerResponse { Slug = d.Row.OwnerSlug, Name = d.Row.OwnerName },
                NeighbourhoodCodes = d.Reported.NeighbourhoodCodes,
                ProgrammeVersion = d.Row.ProgrammeVersion,
                Figures = NormFiguresResponse.From(d.Reported.Figures ?? DevelopmentFigures.From(d.Row.DwellingsAdded, d.Row.WorkSpaceRemovedM2, [])),
                Checks = NormsReportRules.ForDevelopment(applied, d.Reported).Select(NormCheckResponse.From).ToList(),
            }).ToList(),
            Neighbourhoods = neighbourhoods.Select(n => new NormsReportNeighbourhoodResponse
            {
                NeighbourhoodCode = n.NeighbourhoodCode,
                Developments = n.Developments,
                Figures = NormFiguresResponse.From(n.Programme),
                NonResidentialUnits = n.NonResidentialUnits,
                Functions = n.Functions,
                Checks = NormsReportRules.ForNeighbourhood(applied, n).Select(NormCheckResponse.From).ToList(),
            }).ToList(),
            Coverage = new NormsCoverageResponse
            {
                Sharing = data.Coverage.Where(o => o.Sharing).Select(o => new NormsReportOwnerResponse { Slug = o.Slug, Name = o.Name }).ToList(),
                NotSharing = data.Coverage.Where(o => !o.Sharing).Select(o => new NormsReportOwnerResponse { Slug = o.Slug, Name = o.Name }).ToList(),
            },
        };
    }

    protected override IEnumerable<NormsCsvRow> CsvRows(NormsReportResponse report) =>
        report.Developments.SelectMany(d => d.Checks.Select(c => new NormsCsvRow("development", d, null, d.Figures, c)))
            .Concat(report.Neighbourhoods.SelectMany(n => n.Checks.Select(c => new NormsCsvRow("neighbourhood", null, n, n.Figures, c))));
}
