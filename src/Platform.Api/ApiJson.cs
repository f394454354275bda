using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Platform.Api.Persistence;
using Platform.Api.Validation;

namespace Platform.Api;

/// <summary>
/// The one JSON shape of the API: camelCase names, enums exactly as <see cref="EnumText{T}"/> spells them, strict numbers,
/// business dates, UTC timestamps; required properties must be present and non-nullable ones may not be null.
/// </summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        Shape(options);
        // First, ahead of any converter FastEndpoints copied from the host's options (a case-insensitive enum converter among them).
        options.Converters.Insert(0, new EnumTextJsonConverterFactory());
        options.Converters.Insert(1, new BusinessDateJsonConverter());
        options.Converters.Insert(2, new UtcTimestampJsonConverter());
        return options;
    }

    /// <summary>
    /// The options the OpenAPI document is generated from: the same shape, with .NET's own enum converter instead of the
    /// API's, because the schema generator only knows the built-in converters (dates and timestamps keep their defaults).
    /// The enum texts agree: <see cref="EnumNames"/> follows that converter's rules (member name attribute, else snake_case).
    /// </summary>
    public static JsonSerializerOptions ConfigureForSchemas(JsonSerializerOptions options)
    {
        Shape(options);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        return options;
    }

    static void Shape(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.RespectNullableAnnotations = true;
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(RequireWhatTheContractRequires);
    }

    /// <summary>
    /// [Required] puts a property in the contract's <c>required</c> list; this makes the deserializer refuse a body
    /// without it, so the list and the behaviour cannot drift apart.
    /// </summary>
    static void RequireWhatTheContractRequires(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
            if (property.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) == true)
                property.IsRequired = true;
    }
}
