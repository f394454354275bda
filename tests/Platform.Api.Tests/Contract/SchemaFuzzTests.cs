using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Contract;

/// <summary>
/// Walks every operation of clients/openapi.json. For each, a request built from the schemas must not answer 5xx,
/// and every property of its body (nested too), query and headers, sent with each value the contract forbids
/// (one at a time, the rest valid), must answer 400 problem+json naming that property, and store nothing:
/// the tenant's audit trail and the list (or resource) the operation writes to are unchanged.
/// Run: dotnet test tests/Platform.Api.Tests -c Release --no-build --filter "FullyQualifiedName~SchemaFuzzTests"
/// </summary>
public sealed class SchemaFuzzTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static OpenApiContract Contract => OpenApiContract.Committed;

    public static TheoryData<string> Operations => [.. Contract.Operations.Select(o => o.Id)];

    [Fact]
    public void Covers_every_operation_property_and_case_of_the_contract()
    {
        var fuzzer = new RequestFuzzer(Contract, new FuzzSeeds(FuzzWorld.IdNames.ToDictionary(n => n, _ => Guid.Empty.ToString())));
        var cases = Contract.Operations.ToDictionary(o => o, o => fuzzer.Cases(o).ToList());
        var properties = cases.Sum(c => c.Value.Select(x => (x.In, x.Property)).Distinct().Count());

        foreach (var (operation, list) in cases)
            TestContext.Current.TestOutputHelper?.WriteLine($"{operation}: {list.Select(x => (x.In, x.Property)).Distinct().Count()} properties, {list.Count} cases");
        TestContext.Current.TestOutputHelper?.WriteLine($"Schema fuzz: {cases.Count} operations, {properties} properties, {cases.Sum(c => c.Value.Count)} cases.");

        Assert.Equal(Contract.Operations.Select(o => o.Id).Order(), Operations.Select(row => row.Data).Order());
        Assert.All(cases.Where(c => c.Key.JsonBody is not null || c.Key.Parameters.Any(p => p.In is "query" or "header")),
            c => Assert.True(c.Value.Count > 0, $"{c.Key} takes input, but the fuzz made no case for it"));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Every_forbidden_value_is_a_400_naming_it_and_stores_nothing(string operationId)
    {
        var operation = Contract.Operations.Single(o => o.Id == operationId);
        var world = await FuzzWorld.CreateAsync(app, Ct);
        var fuzzer = new RequestFuzzer(Contract, new FuzzSeeds(world.Ids));
        // A tenant's operations, and applications to tenders (which any tenant's client submits), as the world's tenant; the jury's as
        // its juror; the rest as the platform.
        var http = operation.PathTemplate.StartsWith("/v1/tenants/{tenant}", StringComparison.Ordinal) || operation.PathTemplate.StartsWith("/v1/tenders/", StringComparison.Ordinal)
            ? world.Owner.Http : IsJury(operation) ? world.Juror : app.Admin.Http;
        var failures = new List<string>();
        var cases = fuzzer.Cases(operation).ToList();

        var state = await StateAsync(world, operation);
        foreach (var @case in cases)
        {
            var request = fuzzer.ValidRequest(operation);
            @case.Apply(request);
            using var response = await SendAsync(http, request);
            var answer = await AnswerAsync(response);
            if (Judge(@case, answer) is { } failure)
                failures.Add($"{@case}: {failure}");

            var after = await StateAsync(world, operation);
            if (after != state && @case.Expectation is FuzzExpectation.RefusedNamingIt or FuzzExpectation.PreconditionRequired)
                failures.Add($"{@case}: answered {answer.Status} and stored it (the audit trail or the list changed)");
            state = after;
        }

        using (var valid = await SendAsync(http, fuzzer.ValidRequest(operation)))
        {
            var answer = await AnswerAsync(valid);
            TestContext.Current.TestOutputHelper?.WriteLine($"{operation}: the valid request answered {answer}; {cases.Count} cases");
            if (answer.Status >= 500)
                failures.Add($"the valid request answered {answer}");
        }

        Assert.True(failures.Count == 0, $"{operation}: {failures.Count} of {cases.Count} cases failed\n  " + string.Join("\n  ", failures));
    }

    sealed record Answer(int Status, string? MediaType, string[] Names, string? Detail)
    {
        public override string ToString() =>
            $"{Status}{(Names.Length > 0 ? $" naming [{string.Join(", ", Names)}]" : "")}{(Detail is null ? "" : $" ({Detail})")}";
    }

    static string? Judge(FuzzCase @case, Answer answer) => @case.Expectation switch
    {
        FuzzExpectation.RefusedNamingIt when answer.Status != 400 => $"expected 400, answered {answer}",
        FuzzExpectation.RefusedNamingIt when answer.MediaType != ProblemAssertions.ProblemJson => $"400 as {answer.MediaType}, not problem+json",
        FuzzExpectation.RefusedNamingIt when !answer.Names.Any(n => Names(n, @case)) => $"400 without naming {@case.Property}: {answer}",
        FuzzExpectation.PreconditionRequired when answer.Status != 428 => $"expected 428, answered {answer}",
        FuzzExpectation.Accepted when answer.Status == 400 && answer.Names.Any(n => Names(n, @case)) => $"the contract allows it, the API refused it: {answer}",
        FuzzExpectation.Accepted or FuzzExpectation.NoServerError when answer.Status >= 500 => $"answered {answer}",
        _ => null,
    };

    /// <summary>Body members by their dotted name (or one nested inside); query and header names as written.</summary>
    static bool Names(string name, FuzzCase @case) => @case.In == "body"
        ? name == @case.Property || name.StartsWith(@case.Property + ".", StringComparison.Ordinal) || name.StartsWith(@case.Property + "[", StringComparison.Ordinal)
        : string.Equals(name, @case.Property, @case.In == "header" ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    static async Task<HttpResponseMessage> SendAsync(HttpClient http, FuzzRequest request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Uri);
        foreach (var (name, value) in request.Headers)
            message.Headers.TryAddWithoutValidation(name, value);
        if (request.HasBody)
            message.Content = new StringContent(request.Body?.ToJsonString() ?? "null", Encoding.UTF8, "application/json");
        return await http.SendAsync(message, Ct);
    }

    static async Task<Answer> AnswerAsync(HttpResponseMessage response)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var text = await response.Content.ReadAsStringAsync(Ct);
        JsonNode? body = null;
        if (mediaType?.EndsWith("json", StringComparison.Ordinal) == true && text.Length > 0)
            body = JsonNode.Parse(text);
        var names = body?["errors"] is JsonArray errors ? errors.Select(e => e?["name"]?.GetValue<string>() ?? "").ToArray() : [];
        var detail = (int)response.StatusCode >= 400 && names.Length == 0 ? body?["detail"]?.GetValue<string>() ?? body?["title"]?.GetValue<string>() : null;
        return new((int)response.StatusCode, mediaType, names, detail);
    }

    /// <summary>
    /// What a refused write must leave as it was: for a tenant's operation (and the jury's, in the landlord's partition), its audit
    /// trail and the nearest resource or list up the operation's path; for a platform operation, the tenants the fuzz made (slugs with the fuzz's
    /// prefix; other tests make tenants at the same time). Reads store nothing.
    /// </summary>
    async Task<string?> StateAsync(FuzzWorld world, ContractOperation operation)
    {
        if (operation.Method == "GET")
            return null;

        var template = operation.PathTemplate;
        while (template.Length > 0 && Contract.Operations.All(o => o.Method != "GET" || o.PathTemplate != template))
            template = template[..template.LastIndexOf('/')];
        if (template.Length == 0)
            return null;
        var listPath = Regex.Replace(template, @"\{([^}]+)\}", m => world.Ids[m.Groups[1].Value]);

        if (!operation.PathTemplate.StartsWith("/v1/tenants/{tenant}/", StringComparison.Ordinal) && !IsJury(operation))
            return string.Join("\n", (await AllItemsAsync(app.Admin.Http, listPath))
                .Select(item => item?["slug"]?.GetValue<string>())
                .Where(slug => slug?.StartsWith(FuzzSeeds.SlugPrefix, StringComparison.Ordinal) == true));

        var audit = await world.Owner.Http.GetStringAsync($"/v1/tenants/{world.Ids["tenant"]}/audit?limit=200", Ct);
        using var list = await (IsJury(operation) ? world.Juror : world.Owner.Http).GetAsync(listPath, Ct);
        return audit + "\n" + (int)list.StatusCode + " " + await list.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>The jury's operations, which take the juror's key and write to the landlord's partition (and its audit trail).</summary>
    static bool IsJury(ContractOperation operation) => operation.PathTemplate.StartsWith("/v1/jury/", StringComparison.Ordinal);

    static async Task<List<JsonNode?>> AllItemsAsync(HttpClient http, string listPath)
    {
        var items = new List<JsonNode?>();
        string? cursor = null;
        do
        {
            var page = JsonNode.Parse(await http.GetStringAsync($"{listPath}?limit=200{(cursor is null ? "" : $"&cursor={cursor}")}", Ct))!;
            items.AddRange(page["items"]!.AsArray());
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return items;
    }
}
