using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using FluentValidation;
using Platform.Api.Validation;

namespace Platform.Api.Features.Leases;

/// <summary>The legal regime of a Dutch business lease.</summary>
public enum LeaseRegime
{
    /// <summary>Art. 7:290 BW: retail, horeca and craft shops with a public counter; strong protection.</summary>
    [JsonStringEnumMemberName("7:290")] Article7_290,

    /// <summary>Art. 7:230a BW: offices, ateliers and other business space.</summary>
    [JsonStringEnumMemberName("7:230a")] Article7_230a,

    [JsonStringEnumMemberName("other")] Other,
}

/// <summary>The organisation that rents the unit.</summary>
public sealed class Lessee
{
    /// <summary>Shown to a grantee (a tenant reading under a sharing grant) as "(masked)" when the lessee has no KvK number.</summary>
    [Required]
    public string Name { get; init; } = "";

    /// <summary>KvK number: eight digits.</summary>
    [Required]
    public string KvkNumber { get; init; } = "";

    /// <summary>SBI activity code (Standaard Bedrijfsindeling), 2–5 digits.</summary>
    public string? SbiCode { get; init; }

    /// <summary>Shown to a grantee (a tenant reading under a sharing grant) as "masked@masked.invalid".</summary>
    [Required]
    [EmailAddress]
    public string ContactEmail { get; init; } = "";
}

public sealed class LesseeValidator : AbstractValidator<Lessee>
{
    public const string SbiCodePattern = @"^[0-9]{2,5}\z";

    public LesseeValidator()
    {
        RuleFor(l => l.Name).NotEmpty().TextLength(FieldLimits.Name);
        RuleFor(l => l.KvkNumber!).NotEmpty().KvkNumber();
        RuleFor(l => l.SbiCode).TextLength(5).Matches(SbiCodePattern);
        RuleFor(l => l.ContactEmail).NotEmpty().TextLength(254).Email();
    }
}

/// <summary>The fields of a lease that a client writes, on create and on update; the base rent changes only by a rent revision.</summary>
public abstract class LeaseFields
{
    [Required]
    public Lessee Lessee { get; init; } = new();

    [Required]
    public DateOnly StartDate { get; init; }

    /// <summary>Last day of the lease; none for an open-ended lease.</summary>
    public DateOnly? EndDate { get; init; }
}

public static class LeaseFieldRules
{
    public const long MaxRentCentsPerMonth = 1_000_000_000;

    public static void IncludeLeaseFieldRules<T>(this AbstractValidator<T> validator) where T : LeaseFields
    {
        validator.RuleFor(l => l.Lessee).NotNull().SetValidator(new LesseeValidator());
        validator.RuleFor(l => l.StartDate).NotEmpty();
        validator.RuleFor(l => l.EndDate).GreaterThanOrEqualTo(l => l.StartDate).When(l => l.EndDate is not null)
            .WithMessage("'endDate' must not be before 'startDate'.");
    }
}
