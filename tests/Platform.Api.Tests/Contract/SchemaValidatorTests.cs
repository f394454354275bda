using System.Text.Json.Nodes;

namespace Platform.Api.Tests.Contract;

/// <summary>The response validator reads the contract as a strict partner's validator would.</summary>
public sealed class SchemaValidatorTests
{
    static readonly SchemaValidator Validator = new(OpenApiContract.Committed);

    static IReadOnlyList<SchemaViolation> Validate(string json, string schema) => Validator.Validate(JsonNode.Parse(json), JsonNode.Parse(schema)!);

    [Theory]
    [InlineData("\"GM0344\"", true)]
    [InlineData("\"GM0344\\n\"", false)]
    [InlineData("\"GM0344\\r\"", false)]
    public void A_pattern_ends_at_the_end_of_the_string_not_before_a_final_newline(string value, bool valid) =>
        Assert.Equal(valid, Validate(value, """{"type":"string","pattern":"^GM[0-9]{4}$"}""").Count == 0);

    [Fact]
    public void Lengths_count_code_points()
    {
        var schema = """{"type":"string","maxLength":3}""";

        Assert.Empty(Validate("\"😀😀😀\"", schema));
        Assert.Equal("$: 4 code points, maxLength is 3", Assert.Single(Validate("\"😀😀😀😀\"", schema)).ToString());
    }

    [Fact]
    public void Nullable_widens_only_a_schema_with_a_type()
    {
        Assert.Empty(Validate("null", """{"type":"string","nullable":true}"""));
        Assert.Single(Validate("null", """{"type":"string"}"""));
        Assert.Contains("no effect", Assert.Single(Validate("null", """{"allOf":[{"$ref":"#/components/schemas/Address"}],"nullable":true}""")).Rule);
    }

    [Fact]
    public void Enums_are_exact() =>
        Assert.Equal("$: \"VACANT\" is not one of the enum [\"vacant\",\"let\",\"in_tender\",\"unavailable\"]",
            Assert.Single(Validate("\"VACANT\"", """{"$ref":"#/components/schemas/UnitStatus"}""")).ToString());

    [Theory]
    [InlineData("date-time", "2026-11-23T16:37:53.6864001Z", true)]
    [InlineData("date-time", "2026-11-23T16:37:53.6864001+00:00", false)]
    [InlineData("date-time", "2026-11-23 16:37", false)]
    [InlineData("date", "2026-01-01", true)]
    [InlineData("date", "2026-1-1", false)]
    [InlineData("date", "2026-02-30", false)]
    [InlineData("uuid", "01a23057-adbd-73d7-918d-d85c3f0400e9", true)]
    [InlineData("uuid", "01a23057-adbd-73d7-918d-d85c3f0400e9\n", false)]
    [InlineData("email", "info@deplint.example", true)]
    [InlineData("email", "info", false)]
    public void Formats_are_checked(string format, string value, bool valid) =>
        Assert.Equal(valid, Validator.Validate(JsonValue.Create(value), new JsonObject { ["type"] = "string", ["format"] = format }).Count == 0);

    [Fact]
    public void Nested_members_are_named_by_their_json_path()
    {
        var violations = Validate(
            """{"street":"Herderplein","houseNumber":0,"postcode":"3555 AB"}""",
            """{"$ref":"#/components/schemas/Address"}""");

        Assert.Equal(["$.city: required, and missing", "$.houseNumber: 0 is below the minimum 1"], violations.Select(v => v.ToString()).Order());
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("0.01", true)]
    [InlineData("0.015", false)]
    public void Exclusive_minimum_and_multiple_of(string value, bool valid) =>
        Assert.Equal(valid, Validate(value, """{"type":"number","minimum":0,"exclusiveMinimum":true,"multipleOf":0.01}""").Count == 0);

    [Fact]
    public void An_integer_has_no_fraction() =>
        Assert.Equal("$: 1.5 is not an integer", Assert.Single(Validate("1.5", """{"type":"integer"}""")).ToString());
}
