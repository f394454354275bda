using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Platform.Api.Tests.Contract;

/// <summary>What a fuzz case expects of the API's answer.</summary>
public enum FuzzExpectation
{
    /// <summary>The contract forbids the value: 400 problem+json whose <c>errors[].name</c> names the property.</summary>
    RefusedNamingIt,

    /// <summary>A required <c>If-Match</c> is missing: the contract documents 428 for that.</summary>
    PreconditionRequired,

    /// <summary>The contract allows the value (a string as long as allowed in code points): no 5xx, and no 400 naming it.</summary>
    Accepted,

    /// <summary>The contract allows the value, but the tenant's rules may refuse it (a date at the edge of the calendar): no 5xx.</summary>
    NoServerError,
}

/// <summary>A request as the fuzz sends it: method, path, query, headers and JSON body, all still editable.</summary>
public sealed class FuzzRequest(string method, string path)
{
    public string Method { get; } = method;

    public string Path { get; } = path;

    public Dictionary<string, string> Query { get; } = [];

    public Dictionary<string, string> Headers { get; } = [];

    public bool HasBody { get; set; }

    public JsonNode? Body { get; set; }

    public string Uri => Query.Count == 0 ? Path : Path + "?" + string.Join("&", Query.Select(q => $"{q.Key}={System.Uri.EscapeDataString(q.Value)}"));
}

/// <summary>One value of one property of one operation's request, sent on its own in an otherwise valid request.</summary>
public sealed record FuzzCase(string In, string Property, string Mutation, string Shown, FuzzExpectation Expectation, Action<FuzzRequest> Apply)
{
    public override string ToString() => $"{In} {Property} {Mutation} ({Shown})";
}

/// <summary>
/// Builds valid requests from the contract's schemas (plus <see cref="FuzzSeeds"/> where a schema cannot say
/// enough) and, for every property of the body, query and headers, the values the schema forbids. Each candidate
/// value is checked with <see cref="SchemaValidator"/> first, so a case expects a 400 exactly when the contract
/// says the value is invalid; the fuzz follows the contract when it changes.
/// </summary>
public sealed class RequestFuzzer(OpenApiContract contract, FuzzSeeds seeds)
{
    static readonly string[] TrailingControls = ["\n", "\r\n", "\t", "\u0000"];
    static readonly Regex JsonNumber = new(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?\z");

    readonly SchemaValidator _validator = new(contract);

    public FuzzRequest ValidRequest(ContractOperation operation)
    {
        var path = Regex.Replace(operation.PathTemplate, @"\{([^}]+)\}", m => Uri.EscapeDataString(seeds.PathValue(m.Groups[1].Value)));
        var request = new FuzzRequest(operation.Method, path);
        foreach (var parameter in operation.Parameters.Where(p => p.Required && p.In is "query" or "header"))
            (parameter.In == "query" ? request.Query : request.Headers)[parameter.Name] = seeds.ParameterValue(parameter.Name);
        if (operation.JsonBody is { } body)
        {
            request.HasBody = true;
            request.Body = ValidValue(body.Schema, owner: null, property: null);
        }

        return request;
    }

    public IEnumerable<FuzzCase> Cases(ContractOperation operation)
    {
        foreach (var parameter in operation.Parameters.Where(p => p.In is "query" or "header"))
            foreach (var @case in ParameterCases(operation, parameter))
                yield return @case;

        if (operation.JsonBody is not { } body)
            yield break;
        var valid = ValidValue(body.Schema, owner: null, property: null);
        foreach (var @case in BodyCases(body.Schema, valid, []))
            yield return @case;
    }

    IEnumerable<FuzzCase> ParameterCases(ContractOperation operation, ContractParameter parameter)
    {
        var where = parameter.In;
        var bag = (FuzzRequest r) => where == "query" ? r.Query : r.Headers;
        if (parameter.Required)
            yield return new(where, parameter.Name, "missing", "(absent)",
                where == "header" && parameter.Name == "If-Match" && operation.Statuses.Contains("428") ? FuzzExpectation.PreconditionRequired : FuzzExpectation.RefusedNamingIt,
                r => bag(r).Remove(parameter.Name));

        var schema = contract.Resolve(parameter.Schema);
        var valid = seeds.ParameterValueOrNull(parameter.Name) ?? ValidValue(parameter.Schema, null, parameter.Name)?.ToString() ?? "";
        var type = Effective(schema)["type"]?.GetValue<string>();
        var candidates = new List<(string Mutation, string Value)>
        {
            ("empty", ""),
            ("leading space", " " + valid),
            ("trailing space", valid + " "),
        };
        candidates.AddRange(type switch
        {
            "integer" or "number" => [("wrong type", "abc"), ("fraction", "1.5")],
            "boolean" => [("wrong case", "TRUE"), ("wrong type", "yes")],
            _ => [],
        });
        candidates.AddRange(StringCandidates(parameter.Schema, valid).Concat(NumberCandidates(parameter.Schema)).Select(c => (c.Mutation, c.Value!.ToString())));

        foreach (var (mutation, value) in candidates.DistinctBy(c => c.Value))
            if (Sendable(where, value) && _validator.Validate(AsTyped(value, schema), parameter.Schema).Count > 0)
                yield return new(where, parameter.Name, mutation, Show(value), FuzzExpectation.RefusedNamingIt, r => bag(r)[parameter.Name] = value);

        foreach (var (mutation, value, expectation) in EdgeCandidates(parameter.Schema))
            if (Sendable(where, value.ToString()))
                yield return new(where, parameter.Name, mutation, Show(value.ToString()), expectation, r => bag(r)[parameter.Name] = value.ToString());
    }

    /// <summary>
    /// HttpClient cannot put control characters or non-ASCII text in a header, and HTTP strips the spaces around
    /// a header's value (RFC 9110), so those are not the value the API sees; an empty header reads as an absent one.
    /// </summary>
    static bool Sendable(string where, string value) =>
        where != "header" || value.Length > 0 && value.All(c => c is >= ' ' and <= '~') && value.Trim() == value;

    IEnumerable<FuzzCase> BodyCases(JsonNode schemaOrReference, JsonNode? valid, List<object> path)
    {
        var schema = Effective(contract.Resolve(schemaOrReference));
        if (schema["type"]?.GetValue<string>() == "object" && valid is JsonObject validObject)
        {
            var required = schema["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet() ?? [];
            foreach (var (name, propertySchema) in schema["properties"]?.AsObject() ?? [])
            {
                List<object> child = [.. path, name];
                validObject.TryGetPropertyValue(name, out var validChild);
                foreach (var @case in PropertyCases(propertySchema!, validObject.ContainsKey(name) ? validChild : null, child, required.Contains(name)))
                    yield return @case;
                if (validObject.ContainsKey(name))
                    foreach (var @case in BodyCases(propertySchema!, validChild, child))
                        yield return @case;
            }
        }
        else if (schema["type"]?.GetValue<string>() == "array" && valid is JsonArray { Count: > 0 } validArray && schema["items"] is { } items)
        {
            foreach (var @case in BodyCases(items, validArray[0], [.. path, 0]))
                yield return @case;
        }
    }

    IEnumerable<FuzzCase> PropertyCases(JsonNode schemaOrReference, JsonNode? valid, List<object> path, bool required)
    {
        var name = ApiName(path);
        if (required)
            yield return new("body", name, "missing", "(absent)", FuzzExpectation.RefusedNamingIt, r => Remove(r.Body!, path));

        var schema = Effective(contract.Resolve(schemaOrReference));
        var candidates = new List<(string Mutation, JsonNode? Value)> { ("null", null) };
        candidates.AddRange(schema["type"]?.GetValue<string>() switch
        {
            "string" => [("wrong type", 12345)],
            "integer" => [("wrong type", "12"), ("fraction", 1.5)],
            "number" => [("wrong type", "12")],
            "boolean" => [("wrong type", "true"), ("wrong type (number)", 1)],
            "array" => [("wrong type", new JsonObject())],
            "object" => [("wrong type", "x")],
            _ => [],
        });
        candidates.AddRange(StringCandidates(schemaOrReference, valid?.GetValueKind() == System.Text.Json.JsonValueKind.String ? valid.GetValue<string>() : null));
        candidates.AddRange(NumberCandidates(schemaOrReference));
        if (schema["type"]?.GetValue<string>() == "array")
        {
            var item = valid is JsonArray { Count: > 0 } some ? some[0] : ValidValue(schema["items"]!, null, null);
            if (schema["maxItems"]?.GetValue<int>() is { } maxItems)
                candidates.Add(("too many items", new JsonArray([.. Enumerable.Range(0, maxItems + 1).Select(_ => item?.DeepClone())])));
            if (schema["minItems"]?.GetValue<int>() is > 0 and var minItems)
                candidates.Add(("too few items", new JsonArray([.. Enumerable.Range(0, minItems - 1).Select(_ => item?.DeepClone())])));
            candidates.Add(("null item", new JsonArray((JsonNode?)null)));
        }

        foreach (var (mutation, value) in candidates.DistinctBy(c => c.Value?.ToJsonString()))
            if (_validator.Validate(value, schemaOrReference).Count > 0)
                yield return new("body", name, mutation, Show(value?.ToJsonString() ?? "null"), FuzzExpectation.RefusedNamingIt, r => Set(r.Body!, path, value?.DeepClone()));

        foreach (var (mutation, value, expectation) in EdgeCandidates(schemaOrReference))
            yield return new("body", name, mutation, Show(value.ToJsonString()), expectation, r => Set(r.Body!, path, value.DeepClone()));
    }

    /// <summary>Invalid strings for this schema: lengths in code points, control characters after a patterned value, formats, enum spellings.</summary>
    IEnumerable<(string Mutation, JsonNode? Value)> StringCandidates(JsonNode schemaOrReference, string? valid)
    {
        var schema = Effective(contract.Resolve(schemaOrReference));
        if (schema["type"]?.GetValue<string>() != "string")
            yield break;
        if (schema["maxLength"]?.GetValue<int>() is { } maxLength)
            yield return ("too long", new string('a', maxLength + 1));
        if (schema["minLength"]?.GetValue<int>() is > 0 and var minLength)
            yield return ("too short", new string('a', minLength - 1));
        if (schema["pattern"] is not null)
            yield return ("not matching the pattern", "@@");
        if (schema["pattern"] is not null && valid is not null)
            foreach (var control in TrailingControls)
                yield return ($"trailing {Show(control)}", valid + control);
        switch (schema["format"]?.GetValue<string>())
        {
            case "date":
                yield return ("bad date", "2026-13-01");
                yield return ("date without zeros", "2026-1-1");
                yield return ("date as written in Dutch", "01-06-2026");
                break;
            case "date-time":
                yield return ("bad date-time", "2026-06-01 10:00");
                break;
            case "uuid":
                yield return ("bad uuid", "not-a-uuid");
                yield return ("uuid with a trailing newline", Guid.Empty + "\n");
                break;
            case "email":
                yield return ("bad e-mail", "not-an-email");
                break;
        }

        if (schema["enum"] is JsonArray values && values.FirstOrDefault()?.GetValue<string>() is { } first)
        {
            yield return ("enum in upper case", first.ToUpperInvariant());
            yield return ("enum in lower case", first.ToLowerInvariant());
            yield return ("enum with a capital", char.ToUpperInvariant(first[0]) + first[1..]);
            yield return ("not in the enum", "no-such-value");
        }
    }

    IEnumerable<(string Mutation, JsonNode? Value)> NumberCandidates(JsonNode schemaOrReference)
    {
        var schema = Effective(contract.Resolve(schemaOrReference));
        if (schema["type"]?.GetValue<string>() is not ("integer" or "number"))
            yield break;
        var exclusiveMinimum = schema["exclusiveMinimum"]?.GetValue<bool>() == true;
        if (schema["minimum"]?.GetValue<decimal>() is { } minimum)
            yield return ("below the minimum", exclusiveMinimum ? minimum : minimum - 1);
        if (schema["maximum"]?.GetValue<decimal>() is { } maximum)
            yield return ("above the maximum", maximum + 1);
        if (schema["format"]?.GetValue<string>() == "int32")
            yield return ("beyond int32", 2_147_483_648L);
        if (schema["multipleOf"]?.GetValue<decimal>() is { } step)
            yield return ("not a multiple", step / 10 + (schema["minimum"]?.GetValue<decimal>() ?? 0) + step);
    }

    /// <summary>Values the contract allows that implementations tend to trip on.</summary>
    IEnumerable<(string Mutation, JsonNode Value, FuzzExpectation Expectation)> EdgeCandidates(JsonNode schemaOrReference)
    {
        var schema = Effective(contract.Resolve(schemaOrReference));
        if (schema["type"]?.GetValue<string>() != "string" || schema["enum"] is not null)
            yield break;
        var format = schema["format"]?.GetValue<string>();
        if (format == "date")
        {
            foreach (var day in new[] { "9999-12-31", "0001-01-01" })
                if (_validator.Validate(JsonValue.Create(day), schemaOrReference).Count == 0)
                    yield return ($"date {day}", JsonValue.Create(day), FuzzExpectation.NoServerError);
        }
        else if (format is null && schema["pattern"] is null && schema["maxLength"]?.GetValue<int>() is { } maxLength)
        {
            // Astral characters: one code point, two UTF-16 units. JSON Schema counts code points.
            yield return ("as long as allowed in code points (emoji)", JsonValue.Create(string.Concat(Enumerable.Repeat("😀", maxLength))), FuzzExpectation.Accepted);
        }
    }

    /// <summary>A value the schema accepts: a seed where one is given, else the simplest value its rules allow.</summary>
    public JsonNode? ValidValue(JsonNode schemaOrReference, string? owner, string? property)
    {
        if (property is not null && seeds.BodyValue(owner, property, out var seeded))
            return seeded;

        var schema = Effective(contract.Resolve(schemaOrReference));
        if (schema["enum"] is JsonArray values)
            return values[0]!.DeepClone();
        if (schema["default"] is { } defaultValue)
            return defaultValue.DeepClone();

        switch (schema["type"]?.GetValue<string>())
        {
            case "object":
                var name = OpenApiContract.SchemaName(schemaOrReference) ?? OpenApiContract.SchemaName(contract.Resolve(schemaOrReference)["allOf"]?[0] ?? new JsonObject());
                var result = new JsonObject();
                foreach (var (key, propertySchema) in schema["properties"]?.AsObject() ?? [])
                    if (!seeds.Omits(name, key))
                        result[key] = ValidValue(propertySchema!, name, key);
                return result;
            case "array":
                return new JsonArray([.. Enumerable.Range(0, Math.Max(1, schema["minItems"]?.GetValue<int>() ?? 1)).Select(_ => ValidValue(schema["items"]!, owner, null))]);
            case "integer" or "number":
                var exclusive = schema["exclusiveMinimum"]?.GetValue<bool>() == true;
                var minimum = schema["minimum"]?.GetValue<decimal>() is { } m ? (exclusive ? m + 1 : m) : 1;
                return JsonValue.Create(Math.Min(minimum, schema["maximum"]?.GetValue<decimal>() ?? minimum));
            case "boolean":
                return JsonValue.Create(true);
            case "string":
                return schema["format"]?.GetValue<string>() switch
                {
                    _ when schema["pattern"] is { } pattern => throw new InvalidOperationException(
                        $"No seed value for {owner}.{property} (pattern {pattern}): add one to FuzzSeeds."),
                    "date" => JsonValue.Create("2026-06-01"),
                    "date-time" => JsonValue.Create("2026-06-01T10:00:00Z"),
                    "uuid" => JsonValue.Create(Guid.NewGuid().ToString()),
                    "email" => JsonValue.Create("info@deplint.example"),
                    "uri" => JsonValue.Create("https://93.184.215.14/"),
                    _ => JsonValue.Create(new string('x', Math.Max(1, schema["minLength"]?.GetValue<int>() ?? 1))),
                };
            default:
                return null;
        }
    }

    /// <summary>The schema that says what a value is: through a lone <c>allOf</c> (how the contract writes nullable references).</summary>
    JsonObject Effective(JsonObject schema) =>
        schema["type"] is null && schema["allOf"] is JsonArray { Count: 1 } parts ? Effective(contract.Resolve(parts[0]!)) : schema;

    /// <summary>A query or header value as the schema's type reads it: a number or boolean when it is one, else the string.</summary>
    JsonNode? AsTyped(string value, JsonObject schema) => Effective(schema)["type"]?.GetValue<string>() switch
    {
        "integer" or "number" when JsonNumber.IsMatch(value) => JsonNode.Parse(value),
        "boolean" when value is "true" or "false" => JsonValue.Create(value == "true"),
        _ => JsonValue.Create(value),
    };

    /// <summary>How the API names a body member in <c>errors[].name</c>: dotted, with list indexes in brackets.</summary>
    public static string ApiName(IEnumerable<object> path) =>
        string.Concat(path.Select((segment, i) => segment is int index ? $"[{index}]" : i == 0 ? (string)segment : "." + segment));

    static void Set(JsonNode body, List<object> path, JsonNode? value)
    {
        var parent = Navigate(body, path);
        if (path[^1] is int index)
            parent.AsArray()[index] = value;
        else
            parent.AsObject()[(string)path[^1]] = value;
    }

    static void Remove(JsonNode body, List<object> path) => Navigate(body, path).AsObject().Remove((string)path[^1]);

    static JsonNode Navigate(JsonNode body, List<object> path) =>
        path.SkipLast(1).Aggregate(body, (node, segment) => segment is int index ? node.AsArray()[index]! : node.AsObject()[(string)segment]!);

    static string Show(string value)
    {
        var escaped = value.Replace("\n", "\\n").Replace("\r", "\\r").Replace("\t", "\\t").Replace("\u0000", "\\u0000");
        return escaped.Length > 40 ? $"{escaped[..20]}…({value.Length} chars)" : escaped;
    }
}
