using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Api;

/// <summary>Timestamps leave in UTC with <c>Z</c> (<c>2026-11-23T16:37:53.6864001Z</c>), whatever offset they were read with.</summary>
public sealed class UtcTimestampJsonConverter : JsonConverter<DateTimeOffset>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    public static string ToText(DateTimeOffset value) => value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(ToText(value));
}
