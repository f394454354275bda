using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Platform.Api.Validation;

namespace Platform.Api.Features.Units;

/// <summary>The fields of a unit that a client writes, on create and on update.</summary>
public abstract class UnitFields
{
    /// <summary>How the unit is known, e.g. "Herderplein 12 A".</summary>
    [Required]
    public string Name { get; init; } = "";

    [Required]
    public UnitCategory? Category { get; init; }

    /// <summary>VERA eenheiddetailsoort of the category: BED has ATE, HOR, KAN, KIN, PRA, WIR, WWI; MOG has BUU, GEM, BIJ, BIB, CUL, DAG, JON, MAA, MWR, MUL, WEL, WWR, WER, WIJ, ZST, STP, OPV, REZ, BAS, BRE, SCH, CJG, KTI, VEI, HOS.</summary>
    [Required]
    public string DetailCode { get; init; } = "";

    /// <summary>Lettable floor area (VVO) in m².</summary>
    [Required]
    public decimal AreaM2 { get; init; }

    /// <summary>Market rent (marktconforme huur) in euro cents per year, from a valuation.</summary>
    public long? MarketRentCentsPerYear { get; init; }

    /// <summary>Date of the valuation behind the market rent; required with it.</summary>
    public DateOnly? ValuationDate { get; init; }

    /// <summary>Source of the valuation, e.g. "taxatie 2026" or "TMS"; required with the market rent.</summary>
    public string? ValuationSource { get; init; }

    /// <summary>Target rent (streefhuur) in euro cents per year.</summary>
    public long? TargetRentCentsPerYear { get; init; }

    /// <summary>vacant, in_tender or unavailable; a unit shows as let while one of its leases is active.</summary>
    [Required]
    public UnitStatus? Status { get; init; }

    /// <summary>Milieucategorie 1–6; 1 and 2 mix with housing.</summary>
    public int? EnvironmentalCategory { get; init; }

    /// <summary>
    /// Decides DAEB for the grey zone, against the detail code (a hairdresser in a community centre is commercial); null lets
    /// the detail code decide. Setting, changing or removing it is kept in the unit's classification history.
    /// </summary>
    public DaebOverride? DaebOverride { get; init; }
}

/// <summary>An explicit DAEB decision, with why the detail code does not decide it.</summary>
public sealed class DaebOverride
{
    /// <summary>Whether the unit counts as DAEB (true) or niet-DAEB (false), whatever its detail code says.</summary>
    [Required]
    public bool Daeb { get; init; }

    [Required]
    public string Reason { get; init; } = "";
}

public sealed class DaebOverrideValidator : AbstractValidator<DaebOverride>
{
    public DaebOverrideValidator() => RuleFor(o => o.Reason).NotEmpty().TextLength(1000);
}

public static class UnitFieldRules
{
    public const long MaxRentCentsPerYear = 10_000_000_000;

    public static void IncludeUnitFieldRules<T>(this AbstractValidator<T> validator) where T : UnitFields
    {
        validator.RuleFor(u => u.Name).NotEmpty().TextLength(FieldLimits.Name);
        validator.RuleFor(u => u.Category).NotNull().IsInEnum();
        validator.RuleFor(u => u.DetailCode).NotEmpty().TextLength(3, 3).Matches(UnitClassification.DetailCodePattern)
            .Must((u, code, context) =>
            {
                if (u.Category is not { } category || UnitClassification.Belongs(category, code))
                    return true;
                context.MessageFormatter.AppendArgument("CategoryCodes", $" {category}: {UnitClassification.CodesOf(category)}");
                return false;
            })
            .WithMessage("'detailCode' must be a VERA detail code of the unit's category{CategoryCodes}.");
        validator.RuleFor(u => u.AreaM2).GreaterThan(0).LessThanOrEqualTo(1_000_000).PrecisionScale(12, 2, ignoreTrailingZeros: true);
        validator.RuleFor(u => u.MarketRentCentsPerYear).InclusiveBetween(0, MaxRentCentsPerYear);
        validator.RuleFor(u => u.ValuationDate).NotNull().When(u => u.MarketRentCentsPerYear is not null)
            .WithMessage("'valuationDate' is required with a market rent.");
        validator.RuleFor(u => u.ValuationSource).NotEmpty().When(u => u.MarketRentCentsPerYear is not null)
            .WithMessage("'valuationSource' is required with a market rent.");
        validator.RuleFor(u => u.ValuationSource).TextLength(FieldLimits.Name);
        validator.RuleFor(u => u.TargetRentCentsPerYear).InclusiveBetween(0, MaxRentCentsPerYear);
        validator.RuleFor(u => u.Status).NotNull().IsInEnum().NotEqual(UnitStatus.Let)
            .WithMessage("'status' is let only while a lease is active; set vacant, in_tender or unavailable.");
        validator.RuleFor(u => u.EnvironmentalCategory).InclusiveBetween(1, 6);
        validator.RuleFor(u => u.DaebOverride!).SetValidator(new DaebOverrideValidator());
    }
}
