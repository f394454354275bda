using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;

namespace Platform.Api.Errors;

/// <summary>Field-level messages for bodies that are not JSON or hold a value of the wrong type.</summary>
public static class RequestBodyErrors
{
    public static ValidationFailure FromJsonException(JsonException exception)
    {
        var field = exception.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body";
        var position = exception.LineNumber is { } line ? $" (line {line + 1}, position {exception.BytePositionInLine + 1})" : "";
        var reason = exception.Path is { Length: > 2 } && exception.Message.Contains("could not be converted", StringComparison.Ordinal)
            ? $"The value of '{field}' has the wrong type or is not one of the allowed values{position}."
            : $"The request body is not valid JSON{position}.";
        return new ValidationFailure(field, reason);
    }

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
