using System.Text.Json.Nodes;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Contract;

/// <summary>
/// clients/openapi.json is the contract partners build against. A change to any endpoint's shape must arrive
/// together with a refreshed snapshot (clients/generate.sh), so it shows up in review as a diff of that file.
/// </summary>
public sealed class OpenApiSnapshotTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_served_document_equals_the_committed_snapshot()
    {
        using var http = app.Anonymous();
        var served = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json", Ct))!;
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "contract", "openapi.json"), Ct))!;

        var differences = new List<string>();
        Compare("$", committed, served, differences);

        Assert.True(differences.Count == 0,
            "The API no longer matches clients/openapi.json. If the change is intended, run clients/generate.sh and commit the result.\n"
            + string.Join("\n", differences.Take(50)));
    }

    static void Compare(string path, JsonNode? expected, JsonNode? actual, List<string> differences)
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)).Order(StringComparer.Ordinal))
                {
                    var child = $"{path}.{key}";
                    if (!a.ContainsKey(key))
                        differences.Add($"{child}: in the snapshot, no longer served");
                    else if (!e.ContainsKey(key))
                        differences.Add($"{child}: served, missing from the snapshot");
                    else
                        Compare(child, e[key], a[key], differences);
                }
                break;
            case (JsonArray e, JsonArray a) when e.Count == a.Count:
                for (var i = 0; i < e.Count; i++)
                    Compare($"{path}[{i}]", e[i], a[i], differences);
                break;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                    differences.Add($"{path}: snapshot {expected?.ToJsonString() ?? "null"}, served {actual?.ToJsonString() ?? "null"}");
                break;
        }
    }
}
