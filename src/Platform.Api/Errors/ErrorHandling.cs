using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace Platform.Api.Errors;

/// <summary>
/// Every error leaves as problem+json: unknown routes, wrong methods and media types (status code pages),
/// oversized or unreadable bodies, and unhandled exceptions (500 without internals).
/// </summary>
public static class ErrorHandling
{
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
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        return app;
    }
}
