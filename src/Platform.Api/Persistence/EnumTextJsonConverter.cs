using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Api.Errors;

namespace Platform.Api.Persistence;

/// <summary>Enums in JSON exactly as <see cref="EnumText{T}"/> spells them: any other case or spelling is refused.</summary>
public sealed class EnumTextJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(EnumTextJsonConverter<>).MakeGenericType(typeToConvert))!;
}

public sealed class EnumTextJsonConverter<T> : JsonConverter<T> where T : struct, Enum
{
    static readonly string Rule = "must be one of: " + string.Join(", ", Enum.GetValues<T>().Select(EnumText<T>.ToText)) + ".";

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && EnumText<T>.TryParse(reader.GetString()!, out var value)
            ? value
            : throw new InvalidJsonValueException(Rule);

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(EnumText<T>.ToText(value));
}
