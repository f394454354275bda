using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using FluentValidation;
using Platform.Api.Features.Units;
using Platform.Api.Operations;
using Platform.Api.Paging;
using Platform.Api.Persistence;
using Platform.Api.Validation;

namespace Platform.Api.Features.Tenders;

public sealed class ListPublicTendersRequest : PageQuery
{
    /// <summary>Only tenders with a unit in this CBS municipality, e.g. GM0363 (Amsterdam).</summary>
    public string? MunicipalityCode { get; init; }

    /// <summary>Only tenders with a unit in this CBS neighbourhood, e.g. BU03630504.</summary>
    public string? NeighbourhoodCode { get; init; }

    [Description("Only tenders with a BED (BOG) or a MOG unit.")]
    public UnitCategory? Category { get; init; }

    /// <summary>Only tenders with a unit of this VERA detail code, e.g. ATE.</summary>
    public string? DetailCode { get; init; }

    /// <summary>Only tenders with a unit of at least this many m².</summary>
    public int? MinAreaM2 { get; init; }

    /// <summary>Only tenders with a unit of at most this many m².</summary>
    public int? MaxAreaM2 { get; init; }
}

public sealed class ListPublicTendersValidator : Validator<ListPublicTendersRequest>
{
    public ListPublicTendersValidator()
    {
        this.IncludePageRules(idOrdered: true);
        RuleFor(r => r.MunicipalityCode).TextLength(FieldLimits.MunicipalityCode, FieldLimits.MunicipalityCode).Matches(DutchCodes.MunicipalityCodePattern);
        RuleFor(r => r.NeighbourhoodCode).TextLength(10, 10).Matches(DutchCodes.NeighbourhoodCodePattern);
        RuleFor(r => r.DetailCode).TextLength(3, 3).Matches(UnitClassification.DetailCodePattern);
        RuleFor(r => r.MinAreaM2).InclusiveBetween(0, 1_000_000);
        RuleFor(r => r.MaxAreaM2).InclusiveBetween(0, 1_000_000)
            .Must((r, max) => max is null || r.MinAreaM2 is null || max >= r.MinAreaM2).WithMessage("'maxAreaM2' must not be below 'minAreaM2'.");
    }
}

/// <summary>A unit of an open tender, as the listing shows it: what an applicant weighs, not where it is exactly.</summary>
public sealed class PublicTenderUnit
{
    public required decimal AreaM2 { get; init; }

    public required UnitCategory Category { get; init; }

    [MaxLength(3)]
    [RegularExpression(UnitClassification.DetailCodePattern)]
    public required string DetailCode { get; init; }

    [MaxLength(FieldLimits.MunicipalityCode)]
    [RegularExpression(DutchCodes.MunicipalityCodePattern)]
    public required string MunicipalityCode { get; init; }

    [MaxLength(10)]
    [RegularExpression(DutchCodes.NeighbourhoodCodePattern)]
    public required string NeighbourhoodCode { get; init; }
}

/// <summary>An open public tender as anyone may see it: the call, its fixed criteria and weights, the sections to write, the dates.</summary>
public sealed class PublicTenderResponse
{
    /// <summary>Apply with POST /v1/tenders/{id}/applications.</summary>
    public required Guid Id { get; init; }

    /// <summary>The landlord's name.</summary>
    [MaxLength(FieldLimits.Name)]
    public required string Landlord { get; init; }

    [MaxLength(FieldLimits.Name)]
    public required string Title { get; init; }

    [MaxLength(TenderFieldRules.TextLength)]
    public required string Description { get; init; }

    [MaxLength(TenderFieldRules.TextLength)]
    public required string NeighbourhoodProfile { get; init; }

    [MaxLength(TenderFieldRules.EligibilityLength)]
    public required string Eligibility { get; init; }

    [MaxLength(5)]
    public required IReadOnlyList<TenderSection> RequiredSections { get; init; }

    [MaxLength(TenderFieldRules.MaxCriteria)]
    public required IReadOnlyList<TenderCriterion> Criteria { get; init; }

    public required DateTimeOffset OpensAt { get; init; }

    public required DateTimeOffset ClosesAt { get; init; }

    public PitchNight? PitchNight { get; init; }

    /// <summary>The monthly rent offered, in euro cents, before any discount.</summary>
    [Range(0, TenderFieldRules.MaxRentCentsPerMonth)]
    public required long OfferedRentCentsPerMonth { get; init; }

    /// <summary>The space the tender lets; a tender created before a tender let exactly one unit may list several.</summary>
    [MaxLength(TenderFieldRules.MaxStoredUnits)]
    public required IReadOnlyList<PublicTenderUnit> Units { get; init; }

    public static PublicTenderResponse From(IReadOnlyList<PublicTenderUnitRow> rows)
    {
        var tender = rows[0];
        return new PublicTenderResponse
        {
            Id = tender.TenderId,
            Landlord = tender.LandlordName,
            Title = tender.Title,
            Description = tender.Description,
            NeighbourhoodProfile = tender.NeighbourhoodProfile,
            Eligibility = tender.Eligibility,
            RequiredSections = TenderJson.Sections(tender.RequiredSections),
            Criteria = TenderJson.Read<List<TenderCriterion>>(tender.Criteria),
            OpensAt = tender.OpensAt,
            ClosesAt = tender.ClosesAt,
            PitchNight = tender.PitchNight is null ? null : TenderJson.Read<PitchNight>(tender.PitchNight),
            OfferedRentCentsPerMonth = tender.BaseRentCentsPerMonth,
            Units = rows.Select(u => new PublicTenderUnit
            {
                AreaM2 = u.AreaM2,
                Category = EnumText<UnitCategory>.Parse(u.Category),
                DetailCode = u.DetailCode,
                MunicipalityCode = u.MunicipalityCode,
                NeighbourhoodCode = u.NeighbourhoodCode,
            }).ToList(),
        };
    }
}

public sealed class ListPublicTendersEndpoint(TenderListingStore listing) : Endpoint<ListPublicTendersRequest, Page<PublicTenderResponse>>
{
    public override void Configure()
    {
        Get("/v1/listings/tenders");
        AllowAnonymous();
        Summary(s =>
        {
            s.Summary = "List open public tenders";
            s.Description = "Every landlord's public tenders that take applications now, without a token: a tender is listed when one of "
                            + "its units matches every filter given. Shows what an applicant needs and nothing else. Limited per address "
                            + "(RateLimiting:PermitLimit per window), with or without a token.";
        });
        Description(b => b.WithMetadata(RateLimitedPerAddress.Instance));
    }

    public override async Task HandleAsync(ListPublicTendersRequest req, CancellationToken ct)
    {
        var filter = new PublicTenderFilter
        {
            MunicipalityCode = req.MunicipalityCode,
            NeighbourhoodCode = req.NeighbourhoodCode,
            Category = req.Category is { } category ? EnumText<UnitCategory>.ToText(category) : null,
            DetailCode = req.DetailCode,
            MinAreaM2 = req.MinAreaM2,
            MaxAreaM2 = req.MaxAreaM2,
        };
        var tenders = await listing.ListOpenAsync(filter, req.AfterId, req.ReadLimit, ct);
        await Send.OkAsync(Page<PublicTenderResponse>.From(tenders, req.Limit, PublicTenderResponse.From, t => t[0].TenderId.ToString()), ct);
    }
}
