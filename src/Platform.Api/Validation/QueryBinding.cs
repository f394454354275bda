using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using FastEndpoints;
using Microsoft.Extensions.Primitives;
using Platform.Api.Errors;
using Platform.Api.Persistence;

namespace Platform.Api.Validation;

/// <summary>
/// Query parameters are read as strictly as bodies: one value per parameter, in the contract's spelling only
/// (<c>5</c>, not <c> 5</c> or <c>+5</c>; <c>true</c>, not <c>TRUE</c>; <c>2026-01-01</c>; a UUID; an enum's wire text).
/// Anything else is a 400 naming the parameter.
/// </summary>
public static partial class QueryBinding
{
    public static void UseStrictQueryValues(this BindingOptions binding)
    {
        var rules = new Dictionary<Type, string>();
        void Strict(Type type, string rule, Func<StringValues, ParseResult> parse)
        {
            rules[type] = rule;
            // FastEndpoints looks parsers up by the property's own type, so Guid? needs its own entry.
            binding.ValueParserFor(type, parse);
            binding.ValueParserFor(typeof(Nullable<>).MakeGenericType(type), parse);
        }

        Strict(typeof(int), "must be an integer, written with digits only (and - when negative)",
            input => Single(input) is { } text && Integer().IsMatch(text) && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                ? new ParseResult(true, value) : Failed);
        Strict(typeof(bool), "must be true or false", input => Single(input) switch
        {
            "true" => new ParseResult(true, true),
            "false" => new ParseResult(true, false),
            _ => Failed,
        });
        // Guid parsing ignores surrounding white space even when exact; the length rules it out.
        Strict(typeof(Guid), "must be a UUID written as 36 characters (8-4-4-4-12 hexadecimal digits)",
            input => Single(input) is { Length: 36 } text && Guid.TryParseExact(text, "D", out var value) ? new ParseResult(true, value) : Failed);
        Strict(typeof(DateOnly), BusinessDates.Rule,
            input => BusinessDates.TryParse(Single(input), out var value) ? new ParseResult(true, value) : Failed);

        foreach (var type in typeof(QueryBinding).Assembly.GetTypes().Where(t => t.IsEnum))
        {
            var values = Enum.GetValues(type).Cast<object>().ToFrozenDictionary(v => EnumNames.TextOf(type, v), StringComparer.Ordinal);
            Strict(type, "must be one of: " + string.Join(", ", Enum.GetValues(type).Cast<object>().Select(v => EnumNames.TextOf(type, v))),
                input => Single(input) is { } text && values.TryGetValue(text, out var value) ? new ParseResult(true, value) : Failed);
        }

        binding.FailureMessage = (type, name, _) =>
            $"'{JsonNamingPolicy.CamelCase.ConvertName(name)}' {rules.GetValueOrDefault(Nullable.GetUnderlyingType(type) ?? type, "has a value of the wrong type")}.";
    }

    /// <summary>
    /// FastEndpoints skips an empty value (<c>?unitId=</c>) instead of parsing it, and takes the first of repeated ones;
    /// both are refused here, before binding, for the parameters the endpoint's request binds from the query.
    /// </summary>
    public static IApplicationBuilder UseStrictQuery(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Query.Count > 0 && context.GetEndpoint()?.Metadata.GetMetadata<EndpointDefinition>() is { ReqDtoType: { } request })
            {
                var parameters = QueryParameters.GetOrAdd(request, NamesOf);
                foreach (var (key, values) in context.Request.Query)
                {
                    if (!parameters.Contains(key))
                        continue;
                    if (values.Count != 1 || string.IsNullOrEmpty(values[0]))
                    {
                        var name = JsonNamingPolicy.CamelCase.ConvertName(key);
                        var reason = values.Count != 1 ? $"'{name}' may be given once." : $"'{name}' needs a value, or leave the parameter out.";
                        await Problems.Invalid(name, reason).ExecuteAsync(context);
                        return;
                    }
                }
            }

            await next(context);
        });

    static readonly ConcurrentDictionary<Type, FrozenSet<string>> QueryParameters = new();

    static readonly ParseResult Failed = new(false, null);

    static string? Single(StringValues input) => input.Count == 1 ? input[0] : null;

    static FrozenSet<string> NamesOf(Type request) =>
        request.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name)
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"^-?[0-9]{1,10}\z")]
    private static partial Regex Integer();
}
