using System.ComponentModel.DataAnnotations;
using FluentValidation;

namespace Platform.Api.Validation;

/// <summary>A Dutch street address.</summary>
public sealed class Address
{
    [Required]
    public string Street { get; init; } = "";

    [Required]
    public int HouseNumber { get; init; }

    /// <summary>Letter or suffix after the house number: "A", "bis", "2-hoog".</summary>
    public string? HouseNumberAddition { get; init; }

    /// <summary>Dutch postcode written as <c>1234 AB</c>.</summary>
    [Required]
    public string Postcode { get; init; } = "";

    [Required]
    public string City { get; init; } = "";
}

public sealed partial class AddressValidator : AbstractValidator<Address>
{
    public const string PostcodePattern = @"^[1-9][0-9]{3} (?!SA|SD|SS)[A-Z]{2}\z";

    public AddressValidator()
    {
        RuleFor(a => a.Street).NotEmpty().TextLength(FieldLimits.Name);
        RuleFor(a => a.HouseNumber).InclusiveBetween(1, 99999);
        RuleFor(a => a.HouseNumberAddition).TextLength(10);
        RuleFor(a => a.Postcode).NotEmpty().TextLength(7, 7).Matches(PostcodePattern)
            .WithMessage("'{PropertyName}' must be a Dutch postcode written as 1234 AB.");
        RuleFor(a => a.City).NotEmpty().TextLength(100);
    }
}
