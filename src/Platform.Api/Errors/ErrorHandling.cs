using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;
using Platform.Api.Persistence;

namespace Platform.Api.Errors;

/// <summary>
/// Every error leaves as problem+json: unknown routes, wrong methods and media types (status code pages),
/// oversized or unreadable bodies, unhandled exceptions (500 without internals), and a database that cannot take
/// the work now (503 with Retry-After: nothing was stored, the same request may be sent again).
/// </summary>
public static class ErrorHandling
{
    /// <summary>Seconds a client waits after a 503: about as long as the API needs to notice a restored database.</summary>
    public const int UnavailableRetryAfterSeconds = 5;

    public static IServiceCollection AddPlatformProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;

            if (context.Exception is BadHttpRequestException badRequest)
            {
                status = badRequest.StatusCode;
                context.HttpContext.Response.StatusCode = status;
                problem.Status = status;
                problem.Detail = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? "The request body is larger than the limit of 1 MiB."
                    : "The request could not be read.";
            }

            if (status == StatusCodes.Status503ServiceUnavailable)
            {
                problem.Detail = "The database cannot take this request now; send it again after Retry-After seconds.";
                context.HttpContext.Response.Headers.RetryAfter = UnavailableRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
                problem.Type = Problems.TypeFor(status);
            problem.Title = ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : problem.Title;
            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
            problem.Extensions.Remove("exception");
        });

    public static WebApplication UsePlatformErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // The default writer, fed by the customisation above; no exception text leaves the process.
            StatusCodeSelector = exception => exception switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                _ when DbErrors.IsUnavailable(exception) => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseStatusCodePages();
        return app;
    }
}
