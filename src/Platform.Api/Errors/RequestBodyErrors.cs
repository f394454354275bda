using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;

namespace Platform.Api.Errors;

/// <summary>Field-level messages for bodies that are not JSON, lack a required property, or hold a value the contract does not allow.</summary>
public static partial class RequestBodyErrors
{
    public static ValidationFailure FromJsonException(JsonException exception)
    {
        // The path names the object being read when a property is missing, and the property itself otherwise.
        var path = exception.Path is { Length: > 1 } p ? p.TrimStart('$', '.') : "";
        var position = exception.LineNumber is { } line ? $" (line {line + 1}, position {exception.BytePositionInLine + 1})" : "";

        if (MissingProperties().Match(exception.Message) is { Success: true } missing)
        {
            var names = missing.Groups["names"].Value.Split(", ").Select(n => n.Trim('\'')).ToList();
            var field = Join(path, names[0]);
            return new ValidationFailure(field, $"'{field}' is required" + (names.Count > 1 ? $", and so are {string.Join(", ", names.Skip(1).Select(n => $"'{Join(path, n)}'"))}." : "."));
        }

        if (path.Length == 0)
            return new ValidationFailure("body", $"The request body is not valid JSON{position}.");

        return exception switch
        {
            InvalidJsonValueException invalid => new ValidationFailure(path, $"'{path}' {invalid.Rule}"),
            _ when exception.Message.Contains("doesn't allow setting null values", StringComparison.Ordinal) => new ValidationFailure(path, $"'{path}' may not be null."),
            _ when exception.Message.Contains("could not be converted", StringComparison.Ordinal) => new ValidationFailure(path, $"The value of '{path}' has the wrong type{position}."),
            _ => new ValidationFailure(path, $"The request body is not valid JSON{position}."),
        };
    }

    static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    [GeneratedRegex(@"missing required properties including: (?<names>'[^']+'(, '[^']+')*)")]
    private static partial Regex MissingProperties();

    /// <summary>
    /// Messages name fields as clients write them (<c>'municipalityCode'</c>, not <c>'Municipality Code'</c>),
    /// and each field reports its first failing rule only.
    /// </summary>
    public static void ConfigureValidation()
    {
        ValidatorOptions.Global.DisplayNameResolver = (_, member, expression) =>
            member is not null ? JsonNamingPolicy.CamelCase.ConvertName(member.Name) : expression?.ToString();
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
    }
}
