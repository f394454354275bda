using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Api.Persistence;

/// <summary>
/// The one spelling of an enum value, in JSON and in the database: snake_case, or the
/// <see cref="JsonStringEnumMemberNameAttribute"/> where one is given (e.g. <c>7:290</c>).
/// </summary>
public static class EnumText<T> where T : struct, Enum
{
    static readonly FrozenDictionary<T, string> Texts = Enum.GetValues<T>().ToFrozenDictionary(v => v, v => EnumNames.TextOf(typeof(T), v));
    static readonly FrozenDictionary<string, T> Values = Texts.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string ToText(T value) => Texts[value];

    public static T Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a {typeof(T).Name}.");

    public static bool TryParse(string text, out T value) => Values.TryGetValue(text, out value);
}

public static class EnumNames
{
    /// <summary>The wire text of one value of an enum type; <see cref="EnumText{T}"/> caches these per type.</summary>
    public static string TextOf(Type enumType, object value)
    {
        var name = value.ToString()!;
        return enumType.GetField(name)?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
            ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
    }
}
