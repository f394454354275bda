using System.Globalization;
using System.Text.RegularExpressions;
using Platform.Api.Errors;

namespace Platform.Api.Concurrency;

/// <summary>Endpoint metadata: the request must carry <c>If-Match</c> with the resource's current ETag.</summary>
public sealed class RequiresIfMatch
{
    public static readonly RequiresIfMatch Instance = new();
}

/// <summary>ETags are the row version in quotes: <c>"3"</c>.</summary>
public static partial class ETags
{
    public const string Pattern = @"^""[0-9]+""\z";

    /// <summary>What If-Match may hold: one of our ETags, or <c>*</c> for any version.</summary>
    public const string IfMatchPattern = @"^(\*|""([0-9]{1,10})"")\z";

    const string ExpectedVersionKey = "Platform.ExpectedVersion";

    public static string For(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The version named by If-Match; null for <c>*</c> (any version).</summary>
    public static int? ExpectedVersion(this HttpContext context) => context.Items[ExpectedVersionKey] as int?;

    public static void SetETag(this HttpResponse response, int version) => response.Headers.ETag = For(version);

    [GeneratedRegex(IfMatchPattern)]
    private static partial Regex IfMatch();

    /// <summary>
    /// Before the handler of an endpoint that requires it: no If-Match is 428, an If-Match that is not an ETag of ours
    /// (nor <c>*</c>) is 400. The handler compares the version when it writes, and answers 412 when it has changed.
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

            if (IfMatch().Match(header) is not { Success: true } match)
            {
                await Problems.Invalid("If-Match", "'If-Match' must be the ETag of the resource as last read (e.g. \"3\"), or *.").ExecuteAsync(context);
                return;
            }

            if (match.Groups[2] is not { Success: true } version)
            {
                context.Items[ExpectedVersionKey] = null;
            }
            else if (int.TryParse(version.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var expected))
            {
                context.Items[ExpectedVersionKey] = expected;
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
