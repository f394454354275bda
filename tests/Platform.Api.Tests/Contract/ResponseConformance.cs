using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Api.Tests.Contract;

/// <summary>What the contract says about one response: its status, content type, body and documented headers.</summary>
public static class ResponseConformance
{
    /// <summary>Routes the contract does not describe on purpose; everything else must match an operation.</summary>
    public static readonly string[] UndocumentedRoutes = ["/connect/", "/.well-known/", "/health", "/hangfire", "/openapi/", "/docs", "/scalar"];

    static readonly SchemaValidator Validator = new(OpenApiContract.Committed);

    public static async Task<IReadOnlyList<string>> CheckAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken ct)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (UndocumentedRoutes.Any(route => path.StartsWith(route, StringComparison.Ordinal)) || IsCorsPreflight(request))
            return [];

        var status = (int)response.StatusCode;
        var operation = OpenApiContract.Committed.Find(request.Method.Method, path);
        if (operation is null)
            return status is 404 or 405
                ? await CheckProblemAsync(response, $"{request.Method} {path} answered {status}", ct)
                : [$"{request.Method} {path} answered {status}: no operation of the contract has this method and path"];

        var where = $"{operation} answered {status}";
        var documented = operation.Response(status);
        if (documented is null)
            return [$"{where}: the status is not documented (documented: {string.Join(", ", operation.Statuses)})"];

        var violations = new List<string>();
        CheckHeaders(documented, response, where, violations);
        await CheckBodyAsync(documented, request, response, where, violations, ct);
        return violations;
    }

    /// <summary>A CORS preflight is answered by the CORS middleware for every route; OpenAPI does not describe it.</summary>
    static bool IsCorsPreflight(HttpRequestMessage request) =>
        request.Method == HttpMethod.Options && request.Headers.Contains("Access-Control-Request-Method");

    static void CheckHeaders(JsonObject documented, HttpResponseMessage response, string where, List<string> violations)
    {
        foreach (var (name, reference) in documented["headers"]?.AsObject() ?? [])
        {
            var header = OpenApiContract.Committed.Resolve(reference!);
            var values = Values(response.Headers.NonValidated, name) ?? Values(response.Content.Headers.NonValidated, name);
            if (values is null)
            {
                if (header["required"]?.GetValue<bool>() == true)
                    violations.Add($"{where}: header {name}: required, and missing");
                continue;
            }

            var schema = header["schema"]!;
            var type = OpenApiContract.Committed.Resolve(schema)["type"]?.GetValue<string>();
            foreach (var value in values)
            {
                JsonNode? node = type switch
                {
                    "integer" or "number" when double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _) => JsonNode.Parse(value),
                    "boolean" when value is "true" or "false" => JsonValue.Create(value == "true"),
                    _ => JsonValue.Create(value),
                };
                violations.AddRange(Validator.Validate(node, schema, $"header {name}").Select(v => $"{where}: {v}"));
            }
        }
    }

    static async Task CheckBodyAsync(JsonObject documented, HttpRequestMessage request, HttpResponseMessage response, string where, List<string> violations, CancellationToken ct)
    {
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        var content = documented["content"]?.AsObject();
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (body.Length == 0)
        {
            if (content is { Count: > 0 } && request.Method != HttpMethod.Head)
                violations.Add($"{where}: no body, the contract documents {string.Join(", ", content.Select(c => c.Key))}");
            return;
        }

        if (content is null || mediaType is null || content[mediaType] is not { } media)
        {
            violations.Add($"{where}: content type {mediaType ?? "(none)"} is not documented ({string.Join(", ", content?.Select(c => c.Key) ?? ["no body"])})");
            return;
        }

        if (media["schema"] is not { } schema)
            return;
        if (mediaType == "text/csv")
        {
            CheckCsv(media, schema, body, where, violations);
            return;
        }

        JsonNode? json;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (JsonException e)
        {
            violations.Add($"{where}: the {mediaType} body is not JSON: {e.Message}");
            return;
        }

        violations.AddRange(Validator.Validate(json, schema).Select(v => $"{where}: {v}"));
    }

    /// <summary>A CSV answer is UTF-8 text of the schema, whose first line is the header row the contract's example states.</summary>
    static void CheckCsv(JsonNode media, JsonNode schema, byte[] body, string where, List<string> violations)
    {
        string text;
        try
        {
            text = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (ArgumentException)
        {
            violations.Add($"{where}: the text/csv body is not UTF-8");
            return;
        }

        violations.AddRange(Validator.Validate(JsonValue.Create(text), schema).Select(v => $"{where}: {v}"));
        var header = media["example"]?.GetValue<string>().Split("\r\n")[0];
        var firstLine = text.Split("\r\n")[0];
        if (header is null || firstLine != header)
            violations.Add($"{where}: the CSV header row is '{firstLine}', the contract states '{header ?? "(no example)"}'");
    }

    /// <summary>A path or method the contract does not have still answers the contract's problem shape.</summary>
    static async Task<IReadOnlyList<string>> CheckProblemAsync(HttpResponseMessage response, string where, CancellationToken ct)
    {
        var problem = new JsonObject
        {
            ["content"] = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Problem" } } },
        };
        var violations = new List<string>();
        await CheckBodyAsync(problem, response.RequestMessage!, response, where, violations, ct);
        return violations;
    }

    static IEnumerable<string>? Values(HttpHeadersNonValidated headers, string name) =>
        headers.TryGetValues(name, out var values) ? values : null;
}

/// <summary>
/// Checks every response that passes through it against the contract, and records what breaks it for the test
/// that sent the request (<see cref="ContractConformanceAttribute"/> fails that test at its end).
/// </summary>
public sealed class ContractConformanceHandler : DelegatingHandler
{
    public ContractConformanceHandler(HttpMessageHandler inner)
        : base(inner)
    {
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var violations = await ResponseConformance.CheckAsync(request, response, cancellationToken);
        if (violations.Count > 0)
            ContractViolations.Record(violations);
        return response;
    }
}

/// <summary>Contract violations per running test, keyed by the test's unique id.</summary>
public static class ContractViolations
{
    /// <summary>Set to <c>warn</c> to report violations as test warnings instead of failures (for triage).</summary>
    public const string ModeVariable = "PLATFORM_CONTRACT_VIOLATIONS";

    static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> ByTest = new();

    /// <summary>Keeps the violations for the running test; outside a test (a fixture's own request) there is none to fail, so it throws at once.</summary>
    public static void Record(IReadOnlyList<string> violations)
    {
        if (TestContext.Current.Test?.UniqueID is not { } testId)
        {
            if (!OnlyWarn)
                throw new ContractViolationException(Report(violations));
            return;
        }

        var queue = ByTest.GetOrAdd(testId, _ => new());
        foreach (var violation in violations)
            queue.Enqueue(violation);
    }

    public static string Report(IReadOnlyList<string> violations) =>
        $"{violations.Count} response(s) broke the contract (clients/openapi.json):\n  " + string.Join("\n  ", violations.Take(40))
        + (violations.Count > 40 ? $"\n  … and {violations.Count - 40} more" : "");

    public static IReadOnlyList<string> Take(string testId) =>
        ByTest.TryRemove(testId, out var queue) ? [.. queue.Distinct()] : [];

    public static bool OnlyWarn => string.Equals(Environment.GetEnvironmentVariable(ModeVariable), "warn", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Fails a test whose requests got answers that break the contract (or warns, see <see cref="ContractViolations.ModeVariable"/>).</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class ContractConformanceAttribute : Xunit.v3.BeforeAfterTestAttribute
{
    public override void After(System.Reflection.MethodInfo methodUnderTest, Xunit.v3.IXunitTest test)
    {
        var violations = ContractViolations.Take(test.UniqueID);
        if (violations.Count == 0)
            return;

        var report = ContractViolations.Report(violations);
        if (ContractViolations.OnlyWarn)
            TestContext.Current.AddWarning(report);
        else
            throw new ContractViolationException(report);
    }
}

public sealed class ContractViolationException(string message) : Exception(message);
