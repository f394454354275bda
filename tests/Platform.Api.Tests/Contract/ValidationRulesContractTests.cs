using System.Text.Json.Nodes;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Validators;
using Microsoft.Extensions.DependencyInjection;
using Plinth.Platform.Client;
using Platform.Api.OpenApi;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;
using Estate = Platform.Api.Tests.Infrastructure.RealEstate;

namespace Platform.Api.Tests.Contract;

/// <summary>
/// The contract states every rule the API enforces, so a body that is valid by the schema is not refused; and the API
/// counts and checks as JSON Schema does.
/// </summary>
public sealed class ValidationRulesContractTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    async Task<JsonNode> ContractAsync()
    {
        using var http = app.Anonymous();
        return JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json", Ct))!;
    }

    static JsonNode Property(JsonNode contract, string schema, string property) =>
        contract["components"]!["schemas"]![schema]!["properties"]![property]!;

    IEnumerable<(Type Target, IRuleComponent Component, string Name)> Rules() =>
        ValidationRulesSchemaTransformer.Validators(app.Services.CreateScope().ServiceProvider)
            .SelectMany(v => v.Descriptor.Rules.SelectMany(r => r.Components.Select(c => (v.Target, c, r.PropertyName ?? ""))));

    [Fact]
    public async Task Text_lengths_are_counted_in_code_points_as_the_schema_counts_them()
    {
        var tenant = await app.CreateTenantAsync();
        var api = await tenant.SignInAsync("plinths:read", "plinths:write");
        var contract = await ContractAsync();
        var maxLength = (int)Property(contract, "PlinthRequest", "name")["maxLength"]!;
        var longest = Estate.Herderplein();
        longest.Name = string.Concat(Enumerable.Repeat("😀", maxLength));
        var tooLong = Estate.Herderplein();
        tooLong.Name = longest.Name + "😀";

        var created = await api.Plinths.CreatePlinthAsync(tenant.Slug, longest, cancellationToken: Ct);
        var refused = await ThrowsProblemAsync(400, () => api.Plinths.CreatePlinthAsync(tenant.Slug, tooLong, cancellationToken: Ct));

        Assert.Equal(longest.Name, (await api.Plinths.GetPlinthAsync(tenant.Slug, created.Id, Ct)).Name);
        Assert.Equal(["name"], refused.FieldNames());
    }

    [Fact]
    public void No_rule_counts_text_in_utf16_units()
    {
        var utf16 = new[] { typeof(LengthValidator<>), typeof(MaximumLengthValidator<>), typeof(MinimumLengthValidator<>), typeof(ExactLengthValidator<>) };

        var offenders = Rules()
            .Where(r => r.Component.Validator.GetType() is { IsGenericType: true } type && utf16.Contains(type.GetGenericTypeDefinition()))
            .Select(r => $"{r.Target.Name}.{r.Name}")
            .ToList();

        Assert.True(offenders.Count == 0, "Use TextLength (code points) instead of MaximumLength/Length/MinimumLength: " + string.Join(", ", offenders));
    }

    [Fact]
    public async Task Every_email_is_declared_as_an_email_and_checked_as_json_schema_checks_one()
    {
        var tenant = await app.CreateTenantAsync();
        var api = await tenant.SignInAsync("plinths:write", "leases:write");
        var plinth = await api.Plinths.CreatePlinthAsync(tenant.Slug, Estate.Herderplein(), cancellationToken: Ct);
        var unit = await api.Units.CreateUnitAsync(tenant.Slug, Estate.Atelier(plinth.Id), cancellationToken: Ct);
        var withSpace = Estate.Lease(unit.Id, new DateOnly(2027, 1, 1));
        withSpace.Lessee.ContactEmail = "kees de vries@deplint.example";
        var emailRules = Rules().Where(r => r.Component.Validator is IEmailValidator).ToList();
        var contract = await ContractAsync();

        var refused = await ThrowsProblemAsync(400, () => api.Leases.CreateLeaseAsync(tenant.Slug, withSpace, cancellationToken: Ct));

        Assert.Equal(["lessee.contactEmail"], refused.FieldNames());
        Assert.NotEmpty(emailRules);
        foreach (var (target, _, name) in emailRules)
            Assert.Equal("email", (string?)Property(contract, target.Name, name)["format"]);
    }

    [Theory]
    [InlineData("PlinthRequest", "plinthAreaM2")]
    [InlineData("CreateUnitRequest", "areaM2")]
    [InlineData("UpdateUnitRequest", "areaM2")]
    public async Task Areas_state_their_two_decimals_and_largest_value(string schema, string property)
    {
        var area = Property(await ContractAsync(), schema, property);

        Assert.Equal(0.01m, (decimal)area["multipleOf"]!);
        Assert.True((decimal)area["maximum"]! <= 9_999_999_999.99m, $"maximum {area["maximum"]}");
    }

    [Fact]
    public async Task An_area_with_a_third_decimal_is_refused_as_the_schema_says()
    {
        var tenant = await app.CreateTenantAsync();
        var api = await tenant.SignInAsync("plinths:write");
        var plinth = Estate.Herderplein();
        plinth.PlinthAreaM2 = 640.505;

        var refused = await ThrowsProblemAsync(400, () => api.Plinths.CreatePlinthAsync(tenant.Slug, plinth, cancellationToken: Ct));

        Assert.Equal(["plinthAreaM2"], refused.FieldNames());
    }

    [Fact]
    public void Every_rule_the_schema_cannot_express_says_what_it_checks()
    {
        var silent = Rules()
            .Where(r => ValidationRulesSchemaTransformer.Described(r.Component, r.Name) is not null)
            .Where(r => r.Component.GetUnformattedErrorMessage() == ValidatorOptions.Global.LanguageManager.GetString(r.Component.Validator.Name))
            .Select(r => $"{r.Target.Name}.{r.Name} ({r.Component.Validator.Name})")
            .ToList();

        Assert.True(silent.Count == 0, "Give these rules a message that states the rule (it becomes the contract's words): " + string.Join(", ", silent));
    }

    [Fact]
    public async Task Every_rule_the_schema_cannot_express_is_stated_in_the_contract()
    {
        var contract = (await ContractAsync()).ToJsonString();
        var described = Rules()
            .Select(r => (r.Target, r.Name, Sentence: ValidationRulesSchemaTransformer.Described(r.Component, r.Name)))
            .Where(r => r.Sentence is not null)
            .ToList();

        var missing = described.Where(r => !contract.Contains(JsonValue.Create(r.Sentence)!.ToJsonString().Trim('"'), StringComparison.Ordinal))
            .Select(r => $"{r.Target.Name}.{r.Name}: {r.Sentence}")
            .ToList();

        Assert.True(described.Count > 20, $"only {described.Count} rules found");
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public async Task Rules_on_enum_and_object_properties_are_stated_by_the_object_that_has_them()
    {
        var schemas = (await ContractAsync())["components"]!["schemas"]!;

        Assert.Contains("A step-up needs 'newTerms'.", (string?)schemas["CreateEvaluationRequest"]!["description"]);
        Assert.Contains("'status' is let only while a lease is active", (string?)schemas["CreateUnitRequest"]!["description"]);
        Assert.DoesNotContain("newTerms", (string?)schemas["DiscountTermsRequest"]!["description"] ?? "");
        Assert.DoesNotContain("lease is active", (string?)schemas["UnitStatus"]!["description"] ?? "");
    }

    [Fact]
    public async Task Nullable_always_has_a_type_beside_it()
    {
        var untyped = new List<string>();
        Walk(await ContractAsync(), "$", untyped);

        Assert.True(untyped.Count == 0, "nullable without type has no effect in OpenAPI 3.0: " + string.Join(", ", untyped));
    }

    static void Walk(JsonNode? node, string path, List<string> untyped)
    {
        switch (node)
        {
            case JsonObject o:
                if (o.ContainsKey("nullable") && !o.ContainsKey("type"))
                    untyped.Add(path);
                foreach (var (key, child) in o)
                    Walk(child, $"{path}.{key}", untyped);
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                    Walk(a[i], $"{path}[{i}]", untyped);
                break;
        }
    }

    [Fact]
    public async Task A_nullable_reference_reads_as_the_referenced_type_or_null_in_the_generated_client()
    {
        var property = Property(await ContractAsync(), "EvaluationResponse", "nextPeriod");

        Assert.Equal(typeof(DiscountPeriodResponse), typeof(EvaluationResponse).GetProperty(nameof(EvaluationResponse.NextPeriod))!.PropertyType);
        Assert.Equal("#/components/schemas/DiscountPeriodResponse", (string?)property["oneOf"]![0]!["$ref"]);
        Assert.Equal([null], property["oneOf"]![1]!["enum"]!.AsArray().Select(v => v));
    }
}
