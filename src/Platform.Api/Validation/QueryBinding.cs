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
        Strict<int>(binding, input => Single(input) is { } text && Integer().IsMatch(text) && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? new ParseResult(true, value) : Failed);
        Strict<bool>(binding, input => Single(input) switch
        {
            "true" => new ParseResult(true, true),
            "false" => new ParseResult(true, false),
            _ => Failed,
        });
        // Guid parsing ignores surrounding white space even when exact; the length rules it out.
        Strict<Guid>(binding, input => Single(input) is { Length: 36 } text && Guid.TryParseExact(text, "D", out var value) ? new ParseResult(true, value) : Failed);
        Strict<DateOnly>(binding, input => BusinessDates.TryParse(Single(input), out var value) ? new ParseResult(true, value) : Failed);

        foreach (var type in typeof(QueryBinding).Assembly.GetTypes().Where(t => t.IsEnum))
        {
            var values = Enum.GetValues(type).Cast<object>().ToFrozenDictionary(v => EnumNames.TextOf(type, v), StringComparer.Ordinal);
            Strict(binding, type, input => Single(input) is { } text && values.TryGetValue(text, out var value) ? new ParseResult(true, value) : Failed);
        }
    }

    /// <summary>
    /// FastEndpoints skips an empty value (<c>?unitId=</c>) instead of parsing it, and takes the first of repeated ones;
    /// both are refused here, before binding, for the parameters the endpoint's request binds from the query.
    /// </summary>
    public static IApplicationBuilder UseStrictQuery(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Query.Count > 0 && context.GetEndpoint()?.Metadata.GetMetadata<EndpointDefinition>() is { ReqDtoType: { } request }
                && context.Request.Method is "GET" or "HEAD")
            {
                var parameters = QueryParameters.GetOrAdd(request, NamesOf);
                foreach (var (key, values) in context.Request.Query)
                {
                    if (!parameters.Contains(key))
                        continue;
                    if (values.Count != 1 || string.IsNullOrEmpty(values[0]))
                    {
                        var name = JsonNamingPolicy.CamelCase.ConvertName(key);
                        var reason = values.Count != 1 ? $"'{name}' may be given once." : $"'{name}' needs a value; leave the parameter out to not filter on it.";
                        await Problems.Invalid(name, reason).ExecuteAsync(context);
                        return;
                    }
                }
            }

            await next(context);
        });

    static void Strict<T>(BindingOptions binding, Func<StringValues, ParseResult> parse) where T : struct => Strict(binding, typeof(T), parse);

    /// <summary>FastEndpoints looks parsers up by the property's own type, so <c>Guid?</c> needs its own entry.</summary>
    static void Strict(BindingOptions binding, Type type, Func<StringValues, ParseResult> parse)
    {
        binding.ValueParserFor(type, parse);
        binding.ValueParserFor(typeof(Nullable<>).MakeGenericType(type), parse);
    }

    static readonly ConcurrentDictionary<Type, FrozenSet<string>> QueryParameters = new();

    static readonly ParseResult Failed = new(false, null);

    static string? Single(StringValues input) => input.Count == 1 ? input[0] : null;

    static FrozenSet<string> NamesOf(Type request) =>
        request.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name)
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"^-?[0-9]{1,10}\z")]
    private static partial Regex Integer();
}
