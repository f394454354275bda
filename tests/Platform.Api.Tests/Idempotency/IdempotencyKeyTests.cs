using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Api.Tests.Infrastructure;
using Estate = Platform.Api.Tests.Infrastructure.RealEstate;

namespace Platform.Api.Tests.Idempotency;

public sealed class IdempotencyKeyTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The creates whose answer holds a secret: a replay would have to store it, so they take no key.</summary>
    static readonly string[] WithoutKey = ["CreateApiClient", "CreateWebhook", "CreateJuror"];

    static HttpRequestMessage NewPlinth(string slug, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/tenants/{slug}/plinths") { Content = JsonContent.Create(Estate.Herderplein()) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return request;
    }

    public static TheoryData<string> InvalidKeys => [new string('k', 256), "", "order 42"];

    [Theory]
    [MemberData(nameof(InvalidKeys))]
    public async Task A_key_too_long_empty_or_with_a_space_is_a_400_naming_the_header_and_nothing_is_stored(string key)
    {
        var tenant = await app.CreateTenantAsync();
        var api = await tenant.SignInAsync("plinths:write");

        using var request = NewPlinth(tenant.Slug, key);
        using var response = await api.Http.SendAsync(request, Ct);

        var body = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "urn:plinth:problem:validation");
        Assert.Equal("Idempotency-Key", body.GetProperty("errors").EnumerateArray().Single().GetProperty("name").GetString());
        Assert.Empty((await api.Plinths.ListPlinthsAsync(tenant.Slug, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task A_key_of_255_visible_ascii_characters_is_accepted()
    {
        var tenant = await app.CreateTenantAsync();
        var api = await tenant.SignInAsync("plinths:write");
        var key = string.Concat(Enumerable.Range(0, 255).Select(i => (char)('!' + (i % 94))));

        using var request = NewPlinth(tenant.Slug, key);
        using var response = await api.Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task The_contract_offers_the_key_on_every_state_changing_post_but_the_secret_creates_and_states_the_enforced_schema()
    {
        using var http = app.Anonymous();
        var paths = (await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct)).GetProperty("paths");
        var failures = new List<string>();
        var posts = 0;

        foreach (var path in paths.EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var id = operation.Value.GetProperty("operationId").GetString()!;
                var shouldTakeKey = operation.Name == "post" && !WithoutKey.Contains(id);
                posts += operation.Name == "post" ? 1 : 0;
                var key = operation.Value.TryGetProperty("parameters", out var parameters)
                    ? parameters.EnumerateArray().SingleOrDefault(p => p.GetProperty("name").GetString() == "Idempotency-Key")
                    : default;
                if (shouldTakeKey != (key.ValueKind == JsonValueKind.Object))
                    failures.Add($"{id}: Idempotency-Key {(shouldTakeKey ? "missing" : "documented but not accepted")}");
                if (key.ValueKind == JsonValueKind.Object)
                {
                    var schema = key.GetProperty("schema");
                    if ((schema.GetProperty("minLength").GetInt32(), schema.GetProperty("maxLength").GetInt32(), schema.GetProperty("pattern").GetString()) != (1, 255, "^[!-~]+$"))
                        failures.Add($"{id}: Idempotency-Key schema {schema}");
                }

                foreach (var response in operation.Value.GetProperty("responses").EnumerateObject())
                {
                    var replayed = response.Value.TryGetProperty("headers", out var headers) && headers.TryGetProperty("Idempotent-Replayed", out _);
                    if (replayed && !shouldTakeKey)
                        failures.Add($"{id} {response.Name}: Idempotent-Replayed documented without a key");
                    if (!replayed && shouldTakeKey && response.Name.StartsWith('2'))
                        failures.Add($"{id} {response.Name}: Idempotent-Replayed missing");
                }
            }
        }

        Assert.True(posts >= 14, $"only {posts} POST operations found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
