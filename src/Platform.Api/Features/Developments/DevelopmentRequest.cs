using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using FluentValidation;
using Platform.Api.Validation;

namespace Platform.Api.Features.Developments;

/// <summary>A housing development as written by its owner: the body of create and of update.</summary>
public sealed class DevelopmentRequest
{
    public const int MaxNeighbourhoods = 50;
    public const int MaxDwellings = 1_000_000;
    public const int MaxM2 = 10_000_000;

    /// <summary>What the development is called, e.g. "Merwede".</summary>
    [Required]
    public string Name { get; init; } = "";

    /// <summary>CBS municipality code of the municipality the development lies in.</summary>
    [Required]
    public string MunicipalityCode { get; init; } = "";

    /// <summary>CBS neighbourhood codes the development lies in, each in the municipality, none twice.</summary>
    [Required]
    public IReadOnlyList<string> NeighbourhoodCodes { get; init; } = [];

    /// <summary>Dwellings the development builds.</summary>
    [Required]
    public int DwellingsAdded { get; init; }

    /// <summary>Dwellings it demolishes.</summary>
    [Required]
    public int DwellingsRemoved { get; init; }

    /// <summary>The business space in m² that the development replaces (no net loss asks for it to be replaced).</summary>
    [Required]
    public int WorkSpaceRemovedM2 { get; init; }
}

public sealed class DevelopmentRequestValidator : Validator<DevelopmentRequest>
{
    public DevelopmentRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().TextLength(FieldLimits.Name);
        RuleFor(r => r.MunicipalityCode).MunicipalityCode();
        RuleFor(r => r.NeighbourhoodCodes).NotEmpty().MaxCount(DevelopmentRequest.MaxNeighbourhoods)
            .Must(codes => codes.Distinct(StringComparer.Ordinal).Count() == codes.Count)
            .WithMessage("'{PropertyName}' must not name a neighbourhood twice.");
        RuleForEach(r => r.NeighbourhoodCodes).NeighbourhoodCode()
            .Must((r, code) => code.Length == 10 && r.MunicipalityCode is { Length: 6 } && code[2..6] == r.MunicipalityCode[2..])
            .WithMessage("'{PropertyName}' must lie in the municipality: BU followed by the four digits of municipalityCode.");
        RuleFor(r => r.DwellingsAdded).InclusiveBetween(0, DevelopmentRequest.MaxDwellings);
        RuleFor(r => r.DwellingsRemoved).InclusiveBetween(0, DevelopmentRequest.MaxDwellings);
        RuleFor(r => r.WorkSpaceRemovedM2).InclusiveBetween(0, DevelopmentRequest.MaxM2);
    }
}
