using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using FluentValidation;
using Platform.Api.Validation;

namespace Platform.Api.Features.Plinths;

/// <summary>A plinth as written by a client: the body of create and of update.</summary>
public sealed class PlinthRequest
{
    /// <summary>What the plinth is called locally, e.g. "Herderplein".</summary>
    [Required]
    public string Name { get; init; } = "";

    [Required]
    public Address Address { get; init; } = new();

    /// <summary>CBS municipality code: <c>GM</c> and four digits (<c>GM0344</c> Utrecht).</summary>
    [Required]
    public string MunicipalityCode { get; init; } = "";

    /// <summary>CBS neighbourhood (buurt) code: <c>BU</c>, the municipality's four digits, and four more.</summary>
    [Required]
    public string NeighbourhoodCode { get; init; } = "";

    /// <summary>Dwellings in the block above the plinth.</summary>
    [Required]
    public int DwellingsAbove { get; init; }

    /// <summary>Floor area of the whole plinth in m².</summary>
    [Required]
    public decimal PlinthAreaM2 { get; init; }

    /// <summary>The plinth strategy's theme, e.g. "makers", "zorg", "food".</summary>
    public string? Theme { get; init; }

    /// <summary>Whether the plinth lies in a priority neighbourhood (prioriteitswijk).</summary>
    [Required]
    public bool PriorityNeighbourhood { get; init; }
}

public sealed class PlinthRequestValidator : Validator<PlinthRequest>
{
    public PlinthRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().TextLength(FieldLimits.Name);
        RuleFor(r => r.Address).NotNull().SetValidator(new AddressValidator());
        RuleFor(r => r.MunicipalityCode).MunicipalityCode();
        RuleFor(r => r.NeighbourhoodCode).NeighbourhoodCode()
            .Must((r, code) => code.Length == 10 && r.MunicipalityCode is { Length: 6 } && code[2..6] == r.MunicipalityCode[2..])
            .WithMessage("'{PropertyName}' must lie in the municipality: BU followed by the four digits of municipalityCode.");
        RuleFor(r => r.DwellingsAbove).InclusiveBetween(0, 100_000);
        RuleFor(r => r.PlinthAreaM2).GreaterThan(0).LessThanOrEqualTo(1_000_000).PrecisionScale(12, 2, ignoreTrailingZeros: true);
        RuleFor(r => r.Theme).TextLength(100);
    }
}
