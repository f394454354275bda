using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using FastEndpoints;
using FluentValidation;
using Platform.Api.Features.Developments;
using Platform.Api.Validation;

namespace Platform.Api.Features.Norms;

/// <summary>What a municipal norm for work space measures.</summary>
public enum NormKind
{
    /// <summary>m² of work space per added dwelling (Amsterdam: 5).</summary>
    [JsonStringEnumMemberName("m2_work_space_per_added_dwelling")] M2WorkSpacePerAddedDwelling,

    /// <summary>Work space as a percentage of a development's programme (Delft: 10; the proposed national norm: 20).</summary>
    [JsonStringEnumMemberName("work_share_of_programme_percent")] WorkShareOfProgrammePercent,

    /// <summary>Affordable m² as a percentage of the commercial work space (work, facilities, horeca; proposed: 20).</summary>
    [JsonStringEnumMemberName("affordable_share_of_work_space_percent")] AffordableShareOfWorkSpacePercent,

    /// <summary>Non-residential functions as a percentage of all functions in a neighbourhood (a vital one: a third, 33.33).</summary>
    [JsonStringEnumMemberName("non_residential_function_share_percent")] NonResidentialFunctionSharePercent,

    /// <summary>The percentage of the business space a development removes that it must replace (100: no net loss).</summary>
    [JsonStringEnumMemberName("no_net_loss")] NoNetLoss,
}

/// <summary>Where a norm applies: the whole municipality, or only some of its neighbourhoods.</summary>
public sealed class NormScope
{
    /// <summary>The municipality's own CBS code.</summary>
    [Required]
    public string MunicipalityCode { get; init; } = "";

    /// <summary>Neighbourhoods of the municipality the norm is limited to; empty for the whole municipality.</summary>
    [Required]
    public IReadOnlyList<string> NeighbourhoodCodes { get; init; } = [];
}

/// <summary>A norm as a municipality writes it: the body of create and of update.</summary>
public sealed class NormRequest
{
    public const long DefaultMaxAffordableRentCentsPerM2Year = 12_500;
    public const long MaxRentCentsPerM2Year = 10_000_000;
    public const int MaxPerDwellingM2 = 1_000;

    [Required]
    public NormKind? Kind { get; init; }

    /// <summary>m² per added dwelling for m2_work_space_per_added_dwelling, a percentage (0–100) for the others; two decimals at most.</summary>
    [Required]
    public decimal Value { get; init; }

    [Required]
    public NormScope AppliesTo { get; init; } = new();

    /// <summary>The first day the norm applies to a development's current programme.</summary>
    [Required]
    public DateOnly ValidFrom { get; init; }

    /// <summary>
    /// For affordable_share_of_work_space_percent only: the highest rent per m² per year that counts as affordable, in euro
    /// cents (default 12500: EUR 125, the proposed national definition at 2025 prices). Other kinds refuse it.
    /// </summary>
    public long? MaxAffordableRentCentsPerM2Year { get; init; }
}

public sealed class NormScopeValidator : AbstractValidator<NormScope>
{
    public NormScopeValidator()
    {
        RuleFor(s => s.MunicipalityCode).MunicipalityCode();
        RuleFor(s => s.NeighbourhoodCodes).NotNull().MaxCount(DevelopmentRequest.MaxNeighbourhoods)
            .Must(codes => codes.Distinct(StringComparer.Ordinal).Count() == codes.Count)
            .WithMessage("'{PropertyName}' must not name a neighbourhood twice.");
        RuleForEach(s => s.NeighbourhoodCodes).NeighbourhoodCode()
            .Must((s, code) => code is { Length: 10 } && s.MunicipalityCode is { Length: 6 } && code[2..6] == s.MunicipalityCode[2..])
            .WithMessage("'{PropertyName}' must lie in the municipality: BU followed by the four digits of municipalityCode.");
    }
}

public sealed class NormRequestValidator : Validator<NormRequest>
{
    public NormRequestValidator()
    {
        RuleFor(r => r.Kind).NotNull().IsInEnum();
        RuleFor(r => r.Value).GreaterThan(0).LessThanOrEqualTo(NormRequest.MaxPerDwellingM2).PrecisionScale(9, 2, ignoreTrailingZeros: true)
            .Must((r, value) => r.Kind == NormKind.M2WorkSpacePerAddedDwelling || value <= 100)
            .WithMessage("'{PropertyName}' is a percentage for this kind: at most 100.");
        RuleFor(r => r.AppliesTo).NotNull().SetValidator(new NormScopeValidator());
        RuleFor(r => r.ValidFrom).NotEmpty();
        RuleFor(r => r.MaxAffordableRentCentsPerM2Year).InclusiveBetween(1, NormRequest.MaxRentCentsPerM2Year)
            .Must((r, rent) => rent is null || r.Kind == NormKind.AffordableShareOfWorkSpacePercent)
            .WithMessage("'{PropertyName}' belongs to affordable_share_of_work_space_percent only.");
    }
}
