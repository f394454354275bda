using Microsoft.OpenApi;
using Platform.Api.Idempotency;
using Platform.Api.Operations;

namespace Platform.Api.OpenApi;

/// <summary>The headers the API really sends, declared once under components and referenced from each response.</summary>
static class ResponseHeaders
{
    const string Location = "Location";
    const string RetryAfter = "Retry-After";
    const string AllowOrigin = "Access-Control-Allow-Origin";
    const string ETag = "ETag";

    /// <summary>Refusals the pipeline gives before the idempotency step, so they are never stored nor replayed.</summary>
    static readonly HashSet<int> AnsweredBeforeTheHandler =
    [
        StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status412PreconditionFailed,
        StatusCodes.Status428PreconditionRequired, StatusCodes.Status429TooManyRequests,
    ];

    public static readonly IReadOnlyDictionary<string, OpenApiHeader> Components = new Dictionary<string, OpenApiHeader>
    {
        [RateLimiting.LimitHeader] = Integer("Requests this client may make in the current window.", 0, 1_000_000),
        [RateLimiting.RemainingHeader] = Integer("Requests left in the current window.", 0, 1_000_000),
        [RateLimiting.ResetHeader] = Integer("Seconds until the current window ends.", 0, 86_400),
        [RetryAfter] = Integer("Seconds to wait before trying again.", 0, 86_400),
        [AllowOrigin] = Text("Present when the request's Origin is one of the configured allowed origins (Cors:AllowedOrigins).", "uri"),
        [Location] = Text("The path of the created resource.", "uri-reference"),
        [ETag] = new()
        {
            Description = "The version of the resource; send it back as If-Match to change it.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 12, Pattern = SchemaPattern.From(Concurrency.ETags.Pattern) },
        },
        [IdempotentPosts.ReplayedHeader] = new()
        {
            Description = "Present (true) when this is the stored answer to an earlier request with the same Idempotency-Key.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [System.Text.Json.Nodes.JsonValue.Create("true")] },
        },
    };

    /// <summary>The headers of one response; with <paramref name="idempotent"/>, what the handler answered may be a replay.</summary>
    public static Dictionary<string, IOpenApiHeader>? For(int status, OpenApiDocument document, bool carriesETag, bool idempotent)
    {
        // An exception's answer: the error handler clears the headers written so far; CORS adds its own as the response starts.
        if (status == StatusCodes.Status503ServiceUnavailable)
            return new[] { RetryAfter, AllowOrigin }.ToDictionary(n => n, IOpenApiHeader (n) => new OpenApiHeaderReference(n, document));
        if (status >= 500)
            return null;

        var names = new List<string> { RateLimiting.LimitHeader, RateLimiting.RemainingHeader, RateLimiting.ResetHeader, AllowOrigin };
        if (status == StatusCodes.Status201Created)
            names.Add(Location);
        if (idempotent && !AnsweredBeforeTheHandler.Contains(status))
            names.Add(IdempotentPosts.ReplayedHeader);
        if (carriesETag && status is >= 200 and < 300)
            names.Add(ETag);
        if (status == StatusCodes.Status429TooManyRequests)
            names.Add(RetryAfter);
        return names.ToDictionary(n => n, IOpenApiHeader (n) => new OpenApiHeaderReference(n, document));
    }

    static OpenApiHeader Integer(string description, int minimum, int maximum) => new()
    {
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = minimum.ToString(System.Globalization.CultureInfo.InvariantCulture), Maximum = maximum.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };

    static OpenApiHeader Text(string description, string format) => new()
    {
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = format, MaxLength = 2048 },
    };
}
