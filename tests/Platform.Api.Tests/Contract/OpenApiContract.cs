using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Platform.Api.Tests.Contract;

/// <summary>
/// The committed contract, clients/openapi.json (OpenApiSnapshotTests proves the served document equals it),
/// read once into its operations. Schemas stay JSON nodes; <see cref="Resolve"/> follows <c>$ref</c>.
/// </summary>
public sealed class OpenApiContract
{
    public static OpenApiContract Committed { get; } =
        new(JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "contract", "openapi.json")))!.AsObject());

    readonly JsonObject _document;

    OpenApiContract(JsonObject document)
    {
        _document = document;
        Operations = [.. document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject()
                .Where(method => method.Key is not ("parameters" or "summary" or "description" or "servers"))
                .Select(method => new ContractOperation(this, method.Key.ToUpperInvariant(), path.Key, method.Value!.AsObject())))
            // A literal segment beats a template one: /plinths/search before /plinths/{plinthId}.
            .OrderByDescending(o => o.PathTemplate.Split('/').Count(s => !s.StartsWith('{')))];
    }

    public IReadOnlyList<ContractOperation> Operations { get; }

    public ContractOperation? Find(string method, string path) =>
        Operations.FirstOrDefault(o => o.Method == method && o.PathPattern.IsMatch(path));

    /// <summary>The schema, parameter, header or response a <c>$ref</c> points to (or the node itself).</summary>
    public JsonObject Resolve(JsonNode node)
    {
        var resolved = node.AsObject();
        while (resolved["$ref"]?.GetValue<string>() is { } reference)
        {
            JsonNode target = _document;
            foreach (var segment in reference.TrimStart('#', '/').Split('/'))
                target = target[segment.Replace("~1", "/").Replace("~0", "~")]
                    ?? throw new InvalidOperationException($"The contract has no {reference}.");
            resolved = target.AsObject();
        }

        return resolved;
    }

    /// <summary>The name of the component schema a <c>$ref</c> names, for messages and seed tables.</summary>
    public static string? SchemaName(JsonNode schema) =>
        schema["$ref"]?.GetValue<string>() is { } reference ? reference[(reference.LastIndexOf('/') + 1)..] : null;
}

/// <summary>One method on one path of the contract.</summary>
public sealed class ContractOperation
{
    readonly OpenApiContract _contract;
    readonly JsonObject _node;

    public ContractOperation(OpenApiContract contract, string method, string pathTemplate, JsonObject node)
    {
        _contract = contract;
        _node = node;
        Method = method;
        PathTemplate = pathTemplate;
        Id = node["operationId"]?.GetValue<string>() ?? $"{method} {pathTemplate}";
        PathPattern = new Regex("^" + Regex.Replace(Regex.Escape(pathTemplate), @"\\\{[^/]+?}", "[^/]+") + @"\z");
        Parameters = [.. (node["parameters"]?.AsArray() ?? []).Select(p => new ContractParameter(contract.Resolve(p!)))];
    }

    public string Method { get; }

    public string PathTemplate { get; }

    public string Id { get; }

    public Regex PathPattern { get; }

    public IReadOnlyList<ContractParameter> Parameters { get; }

    /// <summary>The JSON request body's schema, and whether the body is required; null when the operation takes none.</summary>
    public (JsonNode Schema, bool Required)? JsonBody =>
        _node["requestBody"] is { } body && _contract.Resolve(body) is var resolved && resolved["content"]?["application/json"]?["schema"] is { } schema
            ? (schema, resolved["required"]?.GetValue<bool>() ?? false)
            : null;

    public IEnumerable<string> Statuses => _node["responses"]!.AsObject().Select(r => r.Key);

    /// <summary>The documented response for this status (exact, then <c>4XX</c>-style ranges, then <c>default</c>).</summary>
    public JsonObject? Response(int status)
    {
        var responses = _node["responses"]!.AsObject();
        var found = responses[status.ToString()] ?? responses[$"{status / 100}XX"] ?? responses["default"];
        return found is null ? null : _contract.Resolve(found);
    }

    public override string ToString() => $"{Id} ({Method} {PathTemplate})";
}

public sealed class ContractParameter(JsonObject node)
{
    public string Name { get; } = node["name"]!.GetValue<string>();

    /// <summary>path, query, header or cookie.</summary>
    public string In { get; } = node["in"]!.GetValue<string>();

    public bool Required { get; } = node["required"]?.GetValue<bool>() ?? false;

    public JsonNode Schema { get; } = node["schema"]!;
}
