using System.Text.Json;

namespace Platform.Api.Errors;

/// <summary>
/// Thrown by the API's JSON converters for a value of the right JSON type that the contract does not allow;
/// <see cref="RequestBodyErrors"/> reports <see cref="Rule"/> against the property it was read for.
/// </summary>
public sealed class InvalidJsonValueException(string rule) : JsonException(rule)
{
    /// <summary>What the value must be, to follow the field's name: "must be one of: vacant, let".</summary>
    public string Rule { get; } = rule;
}
