using System.Globalization;
using Platform.Api.Errors;

namespace Platform.Api.Concurrency;

/// <summary>Endpoint metadata: the request must carry <c>If-Match</c> with the resource's current ETag.</summary>
public sealed class RequiresIfMatch
{
    public static readonly RequiresIfMatch Instance = new();
}

/// <summary>ETags are the row version in quotes: <c>"3"</c>.</summary>
public static class ETags
{
    public const string Pattern = "^\"[0-9]+\"$";

    const string ExpectedVersionKey = "Platform.ExpectedVersion";

    public static string For(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The version named by If-Match; null for <c>*</c> (any version).</summary>
    public static int? ExpectedVersion(this HttpContext context) => context.Items[ExpectedVersionKey] as int?;

    public static void SetETag(this HttpResponse response, int version) => response.Headers.ETag = For(version);

    /// <summary>
    /// Before the handler of an endpoint that requires it: no If-Match is 428, an If-Match that names no
    /// version of ours is 412. The handler compares the version when it writes.
    /// </summary>
    public static IApplicationBuilder UsePreconditions(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<RequiresIfMatch>() is null)
            {
                await next(context);
                return;
            }

            var header = context.Request.Headers.IfMatch.ToString().Trim();
            if (header.Length == 0)
            {
                await Problems.Create(StatusCodes.Status428PreconditionRequired,
                    "Send If-Match with the ETag of the resource you read, so concurrent changes are not lost.").ExecuteAsync(context);
                return;
            }

            if (header == "*")
            {
                context.Items[ExpectedVersionKey] = null;
            }
            else if (header.StartsWith("W/", StringComparison.Ordinal) is false && header.Length > 2 && header[0] == '"' && header[^1] == '"'
                     && int.TryParse(header[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                context.Items[ExpectedVersionKey] = version;
            }
            else
            {
                await Stale().ExecuteAsync(context);
                return;
            }

            await next(context);
        });

    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Stale() =>
        Problems.Create(StatusCodes.Status412PreconditionFailed,
            "The resource has changed since the ETag in If-Match was read. Read it again and reapply your change.");
}
