using FluentValidation;
using FluentValidation.Validators;

namespace Platform.Api.Validation;

/// <summary>
/// A string's length as JSON Schema counts it, in Unicode code points, so 200 × "😀" fits a <c>maxLength</c> of 200
/// (FluentValidation's length rules count UTF-16 units: two per emoji). The OpenAPI document shows it as
/// <c>minLength</c> and <c>maxLength</c>.
/// </summary>
public sealed class TextLengthValidator<T, TText>(int min, int max) : PropertyValidator<T, TText>, ILengthValidator
    where TText : IEnumerable<char>?
{
    public int Min => min;

    public int Max => max;

    public override string Name => "TextLengthValidator";

    public override bool IsValid(ValidationContext<T> context, TText value)
    {
        if (value is not string text)
            return true;
        var length = CodePoints(text);
        if (length >= min && length <= max)
            return true;
        context.MessageFormatter.AppendArgument("MinLength", min).AppendArgument("MaxLength", max).AppendArgument("TotalLength", length);
        return false;
    }

    /// <summary>Code points, as JSON Schema's <c>maxLength</c> counts; a lone surrogate counts as one.</summary>
    public static int CodePoints(string value)
    {
        var count = 0;
        foreach (var _ in value.EnumerateRunes())
            count++;
        return count;
    }

    protected override string GetDefaultMessageTemplate(string errorCode) => (min, max) switch
    {
        _ when min == max => "'{PropertyName}' must be {MaxLength} characters long; it has {TotalLength}.",
        (0, _) => "'{PropertyName}' must be at most {MaxLength} characters long; it has {TotalLength}.",
        _ => "'{PropertyName}' must be {MinLength} to {MaxLength} characters long; it has {TotalLength}.",
    };
}

/// <summary>The one length rule for text; use it instead of <c>MaximumLength</c>, <c>Length</c> and <c>MinimumLength</c>.</summary>
public static class TextLengthRules
{
    public static IRuleBuilderOptions<T, TText> TextLength<T, TText>(this IRuleBuilder<T, TText> rule, int max)
        where TText : IEnumerable<char>? =>
        rule.SetValidator(new TextLengthValidator<T, TText>(0, max));

    public static IRuleBuilderOptions<T, TText> TextLength<T, TText>(this IRuleBuilder<T, TText> rule, int min, int max)
        where TText : IEnumerable<char>? =>
        rule.SetValidator(new TextLengthValidator<T, TText>(min, max));
}
