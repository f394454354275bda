using System.Reflection;
using System.Globalization;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Validators;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.Api.OpenApi;

/// <summary>
/// Writes each request's FluentValidation rules into its schema (lengths, patterns, ranges), so the contract
/// states exactly what the API enforces, from the one place that enforces it.
/// </summary>
sealed class ValidationRulesSchemaTransformer : IOpenApiSchemaTransformer
{
    static IReadOnlyList<(Type Target, IValidatorDescriptor Descriptor)>? _validators;

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Pattern is { } pattern)
            schema.Pattern = SchemaPattern.From(pattern);
        if (context.JsonPropertyInfo?.AttributeProvider is not PropertyInfo member)
            return Task.CompletedTask;

        foreach (var component in RulesFor(member, context.JsonPropertyInfo.Name, context.ApplicationServices))
            Apply(component.Validator, schema);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The rules on a property, from every validator of a type that has it: its own request's, those it includes,
    /// and those of a shared base (the paging query), which agree with each other.
    /// FastEndpoints names rules by the JSON name of the property, so that is the name looked up too.
    /// </summary>
    static IEnumerable<IRuleComponent> RulesFor(PropertyInfo member, string jsonName, IServiceProvider services)
    {
        var declaring = member.DeclaringType!;
        return Validators(services)
            .Where(v => declaring.IsAssignableFrom(v.Target))
            .SelectMany(v => v.Descriptor.GetRulesForMember(jsonName).Concat(v.Descriptor.GetRulesForMember(member.Name)))
            .SelectMany(r => r.Components);
    }

    static void Apply(IPropertyValidator validator, OpenApiSchema target)
    {
        switch (validator)
        {
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
                }

                break;
        }
    }

    static string? Invariant(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture);

    static IReadOnlyList<(Type Target, IValidatorDescriptor Descriptor)> Validators(IServiceProvider services) =>
        _validators ??= typeof(ValidationRulesSchemaTransformer).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(IValidator).IsAssignableFrom(t) && !t.IsGenericTypeDefinition)
            .Select(t => (IValidator)ActivatorUtilities.CreateInstance(services, t))
            .Select(v => (Target: v.GetType().BaseType!.GetGenericArguments().Single(), v.CreateDescriptor()))
            .ToList();
}
