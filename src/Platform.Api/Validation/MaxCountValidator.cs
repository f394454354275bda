using FluentValidation;
using FluentValidation.Validators;

namespace Platform.Api.Validation;

/// <summary>A limit on the number of items in a list; the OpenAPI document shows it as <c>maxItems</c>.</summary>
public interface IMaxCountValidator
{
    int Max { get; }
}

public sealed class MaxCountValidator<T, TItem>(int max) : PropertyValidator<T, IReadOnlyCollection<TItem>>, IMaxCountValidator
{
    public int Max => max;

    public override string Name => "MaxCountValidator";

    public override bool IsValid(ValidationContext<T> context, IReadOnlyCollection<TItem> value) => value is null || value.Count <= max;

    protected override string GetDefaultMessageTemplate(string errorCode) => "'{PropertyName}' may hold at most " + max + " items.";
}

public static class MaxCountRule
{
    public static IRuleBuilderOptions<T, IReadOnlyList<TItem>> MaxCount<T, TItem>(this IRuleBuilder<T, IReadOnlyList<TItem>> rule, int max) =>
        rule.SetValidator(new MaxCountValidator<T, TItem>(max));
}
