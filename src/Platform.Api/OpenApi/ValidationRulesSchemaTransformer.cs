using System.Reflection;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Validators;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.Api.OpenApi;

/// <summary>
/// Writes each request's FluentValidation rules into its schema (lengths, patterns, ranges, formats, decimals), so the
/// contract states exactly what the API enforces, from the one place that enforces it. A rule JSON Schema cannot
/// express (one field against another, a condition, a lookup) is stated in the property's description, in the words
/// of the rule's own error message.
/// </summary>
sealed partial class ValidationRulesSchemaTransformer : IOpenApiSchemaTransformer
{
    static IReadOnlyList<(Type Target, IValidatorDescriptor Descriptor)>? _validators;

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Pattern is { } pattern)
            schema.Pattern = SchemaPattern.From(pattern);

        if (context.JsonPropertyInfo is { AttributeProvider: PropertyInfo member } property)
        {
            var sentences = new List<string>();
            foreach (var (component, perItem) in RulesFor(member, property.Name, context.ApplicationServices))
            {
                // RuleForEach checks each item of a list: its lengths and patterns belong on the items.
                var target = perItem && schema.Items is OpenApiSchema items ? items : schema;
                var conditional = component.HasCondition || component.HasAsyncCondition;
                if ((!Apply(component.Validator, target) || conditional) && Described(component, property.Name) is { } sentence)
                    sentences.Add(sentence);
            }

            // An enum or object property is a reference to a shared component, which is no place for this property's
            // rules (and a reference's siblings are ignored): the object that has the property states them instead.
            if (!IsComponent(property.PropertyType))
                AppendSentences(schema, sentences);
        }
        else if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object)
        {
            foreach (var component in context.JsonTypeInfo.Properties.Where(p => IsComponent(p.PropertyType) && p.AttributeProvider is PropertyInfo))
                AppendSentences(schema, RulesFor((PropertyInfo)component.AttributeProvider!, component.Name, context.ApplicationServices)
                    .Select(rule => Described(rule.Component, component.Name)).OfType<string>());
        }

        return Task.CompletedTask;
    }

    static bool IsComponent(Type type)
    {
        var actual = Nullable.GetUnderlyingType(type) ?? type;
        return actual.IsEnum || (actual.IsClass && actual != typeof(string) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(actual));
    }

    static void AppendSentences(OpenApiSchema schema, IEnumerable<string> sentences)
    {
        foreach (var sentence in sentences.Where(s => schema.Description?.Contains(s, StringComparison.Ordinal) != true))
            schema.Description = schema.Description is { Length: > 0 } description ? $"{description.TrimEnd()} {sentence}" : sentence;
    }

    /// <summary>
    /// The sentence that states a rule the schema cannot: a predicate (<c>Must</c>), a comparison with another field,
    /// or a rule that holds only under a condition. Null for what the schema already says (required, enums, nested objects).
    /// </summary>
    public static string? Described(IRuleComponent component, string jsonName)
    {
        var stated = component.Validator switch
        {
            IPredicateValidator or INullValidator => true,
            IComparisonValidator { MemberToCompare: not null } or IComparisonValidator { Comparison: Comparison.NotEqual or Comparison.Equal } => true,
            INotNullValidator or INotEmptyValidator => component.HasCondition || component.HasAsyncCondition,
            _ => false,
        };
        if (!stated)
            return null;

        var formatter = new MessageFormatter().AppendPropertyName(jsonName);
        if (component.Validator is IComparisonValidator comparison)
        {
            formatter.AppendArgument("ComparisonValue", comparison.MemberToCompare is { } other
                ? JsonNamingPolicy.CamelCase.ConvertName(other.Name)
                : EnumOrValueText(comparison.ValueToCompare));
            formatter.AppendArgument("ComparisonProperty", comparison.MemberToCompare?.Name is { } name ? JsonNamingPolicy.CamelCase.ConvertName(name) : "");
        }

        // What a message adds about the failing value ({CategoryCodes}) is known only when it fails.
        return Placeholder().Replace(formatter.BuildMessage(component.GetUnformattedErrorMessage()), "").Trim();
    }

    [GeneratedRegex(@"\s*\{[A-Za-z]+\}")]
    private static partial Regex Placeholder();

    static string EnumOrValueText(object? value) =>
        value is Enum ? JsonSerializer.Serialize(value, ApiJson.Options).Trim('"') : Invariant(value) ?? "";

    /// <summary>
    /// The rules on a property, from every validator of a type that has it: its own request's, those it includes,
    /// and those of a shared base (the paging query), which agree with each other.
    /// FastEndpoints names rules by the JSON name of the property, so that is the name looked up too.
    /// </summary>
    static IEnumerable<(IRuleComponent Component, bool PerItem)> RulesFor(PropertyInfo member, string jsonName, IServiceProvider services)
    {
        var declaring = member.DeclaringType!;
        return Validators(services)
            .Where(v => declaring.IsAssignableFrom(v.Target))
            .SelectMany(v => v.Descriptor.GetRulesForMember(jsonName).Concat(v.Descriptor.GetRulesForMember(member.Name)))
            .SelectMany(r => r.Components.Select(c => (c, IsForEach(r))));
    }

    static bool IsForEach(IValidationRule rule) =>
        rule.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));

    /// <summary>Writes the rule as schema keywords; false when JSON Schema has no keyword for it.</summary>
    static bool Apply(IPropertyValidator validator, OpenApiSchema target)
    {
        switch (validator)
        {
            case IEmailValidator:
                target.Format = "email";
                break;
            case var _ when validator.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(PrecisionScaleValidator<>):
                var (precision, scale) = ((int)type.GetProperty(nameof(PrecisionScaleValidator<object>.Precision))!.GetValue(validator)!,
                    (int)type.GetProperty(nameof(PrecisionScaleValidator<object>.Scale))!.GetValue(validator)!);
                target.MultipleOf = (decimal)Math.Pow(10, -scale);
                var largest = (decimal)Math.Pow(10, precision - scale) - target.MultipleOf.Value;
                if (target.Maximum is null || decimal.Parse(target.Maximum, CultureInfo.InvariantCulture) > largest)
                    target.Maximum = Invariant(largest);
                break;
            case ILengthValidator length:
                if (length.Min > 0)
                    target.MinLength = length.Min;
                if (length.Max > 0)
                    target.MaxLength = length.Max;
                break;
            case IRegularExpressionValidator regex:
                target.Pattern = SchemaPattern.From(regex.Expression);
                break;
            case INotEmptyValidator when target.Type?.HasFlag(JsonSchemaType.String) == true:
                target.MinLength ??= 1;
                break;
            case INotEmptyValidator when target.Type?.HasFlag(JsonSchemaType.Array) == true:
                target.MinItems ??= 1;
                break;
            case Validation.IMaxCountValidator count:
                target.MaxItems = count.Max;
                break;
            case IBetweenValidator between:
                target.Minimum = Invariant(between.From);
                target.Maximum = Invariant(between.To);
                break;
            case IComparisonValidator { ValueToCompare: not null } comparison:
                switch (comparison.Comparison)
                {
                    case Comparison.GreaterThanOrEqual:
                        target.Minimum = Invariant(comparison.ValueToCompare);
                        break;
                    case Comparison.GreaterThan:
                        target.ExclusiveMinimum = Invariant(comparison.ValueToCompare);
                        break;
                    case Comparison.LessThanOrEqual:
                        target.Maximum = Invariant(comparison.ValueToCompare);
                        break;
                    case Comparison.LessThan:
                        target.ExclusiveMaximum = Invariant(comparison.ValueToCompare);
                        break;
                    default:
                        return false;
                }

                break;
            default:
                return false;
        }

        return true;
    }

    static string? Invariant(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture);

    /// <summary>Every request validator of the API, with the type it validates.</summary>
    public static IReadOnlyList<(Type Target, IValidatorDescriptor Descriptor)> Validators(IServiceProvider services) =>
        _validators ??= typeof(ValidationRulesSchemaTransformer).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(IValidator).IsAssignableFrom(t) && !t.IsGenericTypeDefinition)
            .Select(t => (IValidator)ActivatorUtilities.CreateInstance(services, t))
            .Select(v => (Target: v.GetType().BaseType!.GetGenericArguments().Single(), v.CreateDescriptor()))
            .ToList();
}
