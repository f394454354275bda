namespace Platform.Api.OpenApi;

/// <summary>
/// The API's patterns end with <c>\z</c>, because .NET's <c>$</c> also matches before a final newline. ECMA-262, which
/// JSON Schema uses, has no <c>\z</c> and its <c>$</c> already means the end of input: the contract gets that spelling.
/// </summary>
public static class SchemaPattern
{
    public static string From(string pattern) => pattern.EndsWith(@"\z", StringComparison.Ordinal) ? pattern[..^2] + "$" : pattern;
}
