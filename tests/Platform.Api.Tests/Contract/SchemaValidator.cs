using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Platform.Api.Tests.Contract;

/// <summary>A value that breaks its schema: where (a JSON path) and which rule.</summary>
public sealed record SchemaViolation(string Path, string Rule)
{
    public override string ToString() => $"{Path}: {Rule}";
}

/// <summary>
/// Validates JSON against the contract's OpenAPI 3.0 schemas as a partner's validator would read them:
/// <c>nullable</c> only widens a schema that has a <c>type</c> (OpenAPI 3.0.3), lengths count code points,
/// patterns are ECMA-262 (so <c>$</c> is the end of the string, never "before a final newline"),
/// enums are exact, and timestamps are UTC written with <c>Z</c> (the house rule of ARCHITECTURE.md).
/// </summary>
public sealed class SchemaValidator(OpenApiContract contract)
{
    static readonly ConcurrentDictionary<string, Regex> Patterns = new();
    static readonly Regex Rfc3339 = new(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})\z");
    static readonly Regex Uuid = new(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\z");
    static readonly Regex Email = new(@"^[^@\s]+@[^@\s]+\.[^@\s]+\z");
    static readonly Regex Integer = new(@"^-?(0|[1-9][0-9]*)\z");

    public IReadOnlyList<SchemaViolation> Validate(JsonNode? value, JsonNode schema, string path = "$")
    {
        var found = new List<SchemaViolation>();
        Check(value, schema, path, found);
        return found;
    }

    void Check(JsonNode? value, JsonNode schemaOrReference, string path, List<SchemaViolation> found)
    {
        var schema = contract.Resolve(schemaOrReference);
        var type = schema["type"]?.GetValue<string>();
        var nullable = schema["nullable"]?.GetValue<bool>() ?? false;

        if (value is null && type is not null)
        {
            if (!nullable)
                found.Add(new(path, $"null, and {Describe(schemaOrReference)} is not nullable"));
            return;
        }

        if (value is null && nullable && schema["allOf"] is not null)
        {
            found.Add(new(path, $"null, and {Describe(schemaOrReference)} is not nullable: `nullable` beside `allOf` without `type` has no effect in OpenAPI 3.0"));
            return;
        }

        foreach (var part in schema["allOf"]?.AsArray() ?? [])
            Check(value, part!, path, found);
        if (schema["anyOf"] is JsonArray anyOf && !anyOf.Any(part => Validate(value, part!, path).Count == 0))
            found.Add(new(path, "matches none of anyOf"));
        if (schema["oneOf"] is JsonArray oneOf && oneOf.Count(part => Validate(value, part!, path).Count == 0) != 1)
            found.Add(new(path, "does not match exactly one of oneOf"));
        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
            found.Add(new(path, $"{Show(value)} is not one of the enum {allowed.ToJsonString()}"));

        if (type is null || value is null)
            return;
        var kind = value.GetValueKind();
        switch (type)
        {
            case "object" when kind == JsonValueKind.Object:
                CheckObject(value.AsObject(), schema, path, found);
                break;
            case "array" when kind == JsonValueKind.Array:
                CheckArray(value.AsArray(), schema, path, found);
                break;
            case "string" when kind == JsonValueKind.String:
                CheckString(value.GetValue<string>(), schema, path, found);
                break;
            case "integer" when kind == JsonValueKind.Number:
                if (!Integer.IsMatch(value.ToJsonString()))
                    found.Add(new(path, $"{Show(value)} is not an integer"));
                else
                    CheckNumber(value, schema, path, found);
                break;
            case "number" when kind == JsonValueKind.Number:
                CheckNumber(value, schema, path, found);
                break;
            case "boolean" when kind is JsonValueKind.True or JsonValueKind.False:
                break;
            default:
                found.Add(new(path, $"{Show(value)} is a {kind.ToString().ToLowerInvariant()}, the schema says {type}"));
                break;
        }
    }

    void CheckObject(JsonObject value, JsonObject schema, string path, List<SchemaViolation> found)
    {
        var properties = schema["properties"]?.AsObject();
        foreach (var required in schema["required"]?.AsArray() ?? [])
            if (!value.ContainsKey(required!.GetValue<string>()))
                found.Add(new($"{path}.{required}", "required, and missing"));

        foreach (var (name, member) in value)
        {
            if (properties?[name] is { } property)
                Check(member, property, $"{path}.{name}", found);
            else if (schema["additionalProperties"] is JsonValue additional && additional.GetValueKind() == JsonValueKind.False)
                found.Add(new($"{path}.{name}", "not a property of the schema, which allows no others"));
            else if (schema["additionalProperties"] is JsonObject additionalSchema)
                Check(member, additionalSchema, $"{path}.{name}", found);
        }
    }

    void CheckArray(JsonArray value, JsonObject schema, string path, List<SchemaViolation> found)
    {
        if (schema["minItems"]?.GetValue<int>() is { } minItems && value.Count < minItems)
            found.Add(new(path, $"{value.Count} items, minItems is {minItems}"));
        if (schema["maxItems"]?.GetValue<int>() is { } maxItems && value.Count > maxItems)
            found.Add(new(path, $"{value.Count} items, maxItems is {maxItems}"));
        if (schema["uniqueItems"]?.GetValue<bool>() == true && value.Select(v => v?.ToJsonString()).Distinct().Count() != value.Count)
            found.Add(new(path, "items repeat, uniqueItems is true"));
        if (schema["items"] is { } items)
            for (var i = 0; i < value.Count; i++)
                Check(value[i], items, $"{path}[{i}]", found);
    }

    static void CheckString(string value, JsonObject schema, string path, List<SchemaViolation> found)
    {
        var codePoints = value.EnumerateRunes().Count();
        if (schema["minLength"]?.GetValue<int>() is { } minLength && codePoints < minLength)
            found.Add(new(path, $"{codePoints} code points, minLength is {minLength}"));
        if (schema["maxLength"]?.GetValue<int>() is { } maxLength && codePoints > maxLength)
            found.Add(new(path, $"{codePoints} code points, maxLength is {maxLength}"));
        if (schema["pattern"]?.GetValue<string>() is { } pattern && !Ecma(pattern).IsMatch(value))
            found.Add(new(path, $"{Show(value)} does not match the pattern {pattern}"));
        if (schema["format"]?.GetValue<string>() is { } format && FormatError(format, value) is { } error)
            found.Add(new(path, $"{Show(value)} is not {error}"));
    }

    static void CheckNumber(JsonNode value, JsonObject schema, string path, List<SchemaViolation> found)
    {
        var number = double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);
        var format = schema["format"]?.GetValue<string>();
        if (format == "int32" && number is < int.MinValue or > int.MaxValue || format == "int64" && !long.TryParse(value.ToJsonString(), out _))
            found.Add(new(path, $"{Show(value)} does not fit format {format}"));

        // OpenAPI 3.0 writes exclusiveMinimum/Maximum as booleans beside minimum/maximum; 3.1 as numbers.
        if (schema["minimum"]?.GetValue<double>() is { } minimum)
        {
            var exclusive = schema["exclusiveMinimum"] is JsonValue e && e.GetValueKind() == JsonValueKind.True;
            if (exclusive ? number <= minimum : number < minimum)
                found.Add(new(path, $"{Show(value)} is below the {(exclusive ? "exclusive " : "")}minimum {minimum}"));
        }

        if (schema["maximum"]?.GetValue<double>() is { } maximum)
        {
            var exclusive = schema["exclusiveMaximum"] is JsonValue e && e.GetValueKind() == JsonValueKind.True;
            if (exclusive ? number >= maximum : number > maximum)
                found.Add(new(path, $"{Show(value)} is above the {(exclusive ? "exclusive " : "")}maximum {maximum}"));
        }

        if (schema["multipleOf"]?.GetValue<decimal>() is { } step
            && decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var exact) && exact % step != 0)
            found.Add(new(path, $"{Show(value)} is not a multiple of {step}"));
    }

    /// <summary>What a value breaks of a string format, or null when it is one.</summary>
    static string? FormatError(string format, string value) => format switch
    {
        "date" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : "a date (yyyy-MM-dd)",
        "date-time" when !Rfc3339.IsMatch(value) || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => "an RFC 3339 date-time",
        "date-time" => value.EndsWith('Z') ? null : "UTC written with Z",
        "uuid" => Uuid.IsMatch(value) ? null : "a uuid",
        "email" => Email.IsMatch(value) ? null : "an e-mail address",
        "uri" => Uri.TryCreate(value, UriKind.Absolute, out _) ? null : "an absolute URI",
        "uri-reference" => Uri.TryCreate(value, UriKind.RelativeOrAbsolute, out _) ? null : "a URI reference",
        _ => null,
    };

    /// <summary>The pattern as ECMA-262 reads it: an unescaped <c>$</c> is the end of input only.</summary>
    static Regex Ecma(string pattern) =>
        Patterns.GetOrAdd(pattern, p => new Regex(Regex.Replace(p, @"(?<!\\)\$", @"\z"), RegexOptions.CultureInvariant));

    static string Describe(JsonNode schemaOrReference) =>
        OpenApiContract.SchemaName(schemaOrReference) is { } name ? $"schema {name}" : "the schema";

    static string Show(JsonNode? value)
    {
        var text = value?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "null";
        return text.Length > 80 ? text[..77] + "..." : text;
    }
}
