using System.Text.RegularExpressions;
using FluentValidation;

namespace Platform.Api.Validation;

/// <summary>Formats of the Dutch registry codes the API takes, and of tenant slugs.</summary>
public static partial class DutchCodes
{
    public const string MunicipalityCodePattern = @"^GM[0-9]{4}\z";
    public const string KvkNumberPattern = @"^[0-9]{8}\z";
    public const string NeighbourhoodCodePattern = @"^BU[0-9]{8}\z";
    public const string SlugPattern = @"^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]\z";

    [GeneratedRegex(MunicipalityCodePattern)]
    public static partial Regex MunicipalityCode();

    [GeneratedRegex(KvkNumberPattern)]
    public static partial Regex KvkNumber();

    [GeneratedRegex(NeighbourhoodCodePattern)]
    public static partial Regex NeighbourhoodCode();

    [GeneratedRegex(SlugPattern)]
    public static partial Regex Slug();

    public static IRuleBuilderOptions<T, string> MunicipalityCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().TextLength(FieldLimits.MunicipalityCode, FieldLimits.MunicipalityCode).Matches(MunicipalityCode()).WithMessage("'{PropertyName}' must be a CBS municipality code: GM and four digits, e.g. GM0344.");

    /// <summary>A CBS buurtcode: <c>BU</c>, the four digits of its municipality, and four more.</summary>
    public static IRuleBuilderOptions<T, string> NeighbourhoodCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().TextLength(10, 10).Matches(NeighbourhoodCode()).WithMessage("'{PropertyName}' must be a CBS neighbourhood code: BU and eight digits, e.g. BU03440000.");

    public static IRuleBuilderOptions<T, string?> KvkNumber<T>(this IRuleBuilder<T, string?> rule) =>
        rule.TextLength(FieldLimits.KvkNumber, FieldLimits.KvkNumber).Matches(KvkNumber()).WithMessage("'{PropertyName}' must be a KvK number of eight digits.");

    public static IRuleBuilderOptions<T, string> Slug<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().TextLength(3, FieldLimits.Slug).Matches(Slug())
            .WithMessage("'{PropertyName}' must be 3–63 lowercase letters, digits and hyphens, starting and ending with a letter or digit.");
}
