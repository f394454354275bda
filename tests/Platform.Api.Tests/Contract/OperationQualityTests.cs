using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Contract;

/// <summary>What every operation of the contract must say, beyond what Spectral's rules check.</summary>
public sealed partial class OperationQualityTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("^[A-Z][A-Za-z]+$")]
    private static partial Regex MethodName();

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex PathParameter();

    async Task<IReadOnlyList<(string Method, string Path, JsonObject Operation)>> OperationsAsync()
    {
        using var http = app.Anonymous();
        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json", Ct))!;
        return document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (o.Key.ToUpperInvariant(), p.Key, o.Value!.AsObject())))
            .ToList();
    }

    [Fact]
    public async Task Every_operation_has_a_method_like_id_a_summary_a_tag_and_security()
    {
        var operations = await OperationsAsync();
        Assert.NotEmpty(operations);

        foreach (var (method, path, operation) in operations)
        {
            var where = $"{method} {path}";
            Assert.True(MethodName().IsMatch(operation["operationId"]?.GetValue<string>() ?? ""), $"{where}: operationId");
            Assert.False(string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()), $"{where}: summary");
            Assert.Single(operation["tags"]!.AsArray());
            var security = operation["security"]!.AsArray();
            if (security.Count == 0)
            {
                // Public on purpose (RouteGuardTests lists the routes without a token): an empty list, so no 401 either.
                Assert.True(where == "GET /v1/listings/tenders", $"{where}: security");
                Assert.Null(operation["responses"]!["401"]);
            }
            else
            {
                Assert.NotNull(operation["responses"]!["401"]);
            }

            Assert.NotNull(operation["responses"]!["500"]);
        }

        var ids = operations.Select(o => o.Operation["operationId"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Path_parameters_are_parameters_and_reads_and_deletes_have_no_body()
    {
        foreach (var (method, path, operation) in await OperationsAsync())
        {
            var declared = operation["parameters"]?.AsArray()
                .Where(p => p!["in"]!.GetValue<string>() == "path")
                .Select(p => p!["name"]!.GetValue<string>())
                .ToList() ?? [];
            var inPath = PathParameter().Matches(path).Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(inPath, declared);

            if (method is "GET" or "DELETE")
                Assert.Null(operation["requestBody"]);
        }
    }

    [Fact]
    public async Task Every_error_response_is_problem_json()
    {
        foreach (var (method, path, operation) in await OperationsAsync())
        {
            foreach (var (status, response) in operation["responses"]!.AsObject())
            {
                if (int.Parse(status, System.Globalization.CultureInfo.InvariantCulture) < 400)
                    continue;
                var schema = response!["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>();
                Assert.True(schema == "#/components/schemas/Problem", $"{method} {path} {status}");
            }
        }
    }
}
