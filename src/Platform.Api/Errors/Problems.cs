using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace Platform.Api.Errors;

/// <summary>
/// RFC 9457 problem responses. Each kind of error has one stable <c>type</c>; clients branch on it, not on the title.
/// </summary>
public static class Problems
{
    const string TypePrefix = "urn:plinth:problem:";

    public const string ValidationType = TypePrefix + "validation";

    public const string UnavailableType = TypePrefix + "unavailable";

    /// <summary>The stable type of a problem that has no more specific kind than its HTTP status.</summary>
    public static string TypeFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ValidationType,
        StatusCodes.Status401Unauthorized => TypePrefix + "unauthorized",
        StatusCodes.Status403Forbidden => TypePrefix + "forbidden",
        StatusCodes.Status404NotFound => TypePrefix + "not-found",
        StatusCodes.Status405MethodNotAllowed => TypePrefix + "method-not-allowed",
        StatusCodes.Status409Conflict => TypePrefix + "conflict",
        StatusCodes.Status412PreconditionFailed => TypePrefix + "precondition-failed",
        StatusCodes.Status413PayloadTooLarge => TypePrefix + "payload-too-large",
        StatusCodes.Status415UnsupportedMediaType => TypePrefix + "unsupported-media-type",
        StatusCodes.Status422UnprocessableEntity => TypePrefix + "unprocessable",
        StatusCodes.Status428PreconditionRequired => TypePrefix + "precondition-required",
        StatusCodes.Status429TooManyRequests => TypePrefix + "too-many-requests",
        StatusCodes.Status503ServiceUnavailable => UnavailableType,
        >= 500 => TypePrefix + "internal",
        _ => TypePrefix + "http-" + status,
    };

    public static string Kind(string kind) => TypePrefix + kind;

    public static ProblemHttpResult NotFound(string? detail = null) => Create(StatusCodes.Status404NotFound, detail);

    public static ProblemHttpResult Conflict(string kind, string detail, IDictionary<string, object?>? extensions = null) =>
        Create(StatusCodes.Status409Conflict, detail, Kind(kind), extensions);

    /// <summary>A validation problem on one field, shaped as FastEndpoints shapes the ones its validators find.</summary>
    public static ProblemHttpResult Invalid(string field, string reason) =>
        Create(StatusCodes.Status400BadRequest, reason, ValidationType,
            new Dictionary<string, object?> { ["errors"] = new[] { new ProblemFieldError { Name = field, Reason = reason } } });

    public static ProblemHttpResult Create(int status, string? detail, string? type = null, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: status,
            title: ReasonPhrases.GetReasonPhrase(status),
            type: type ?? TypeFor(status),
            extensions: extensions);
}
