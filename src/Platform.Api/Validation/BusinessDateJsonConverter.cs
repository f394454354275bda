using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Api.Errors;

namespace Platform.Api.Validation;

/// <summary>Every <see cref="DateOnly"/> in a body is a <see cref="BusinessDates">business date</see>; anything else names its field.</summary>
public sealed class BusinessDateJsonConverter : JsonConverter<DateOnly>
{
    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && BusinessDates.TryParse(reader.GetString(), out var date)
            ? date
            : throw new InvalidJsonValueException(BusinessDates.Rule + ".");

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
