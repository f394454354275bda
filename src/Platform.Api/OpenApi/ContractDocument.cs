using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace Platform.Api.OpenApi;

/// <summary>
/// Serves <c>/openapi/v1.json</c>: the document is built once, on the first request, and then answered as the same
/// bytes with a strong <c>ETag</c>, so a caller that has it gets a 304. Building it walks every endpoint and validator,
/// far too slow to do per request.
/// </summary>
public static class ContractDocument
{
    public const string Path = "/openapi/" + DocumentName + ".json";
    public const string CacheControl = "public, max-age=300";
    const string DocumentName = "v1";

    public static IEndpointConventionBuilder MapContractDocument(this IEndpointRouteBuilder app)
    {
        var built = new Lazy<Task<Serialized>>(() => SerializeAsync(app.ServiceProvider));
        return app.MapGet(Path, async (HttpContext context) =>
            {
                var document = await built.Value;
                var headers = context.Response.GetTypedHeaders();
                headers.ETag = document.ETag;
                context.Response.Headers.CacheControl = CacheControl;
                if (context.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Compare(document.ETag, useStrongComparison: false)))
                    return Results.StatusCode(StatusCodes.Status304NotModified);
                return Results.Bytes(document.Body, "application/json; charset=utf-8");
            })
            .ExcludeFromDescription()
            .AllowAnonymous();
    }

    sealed record Serialized(byte[] Body, EntityTagHeaderValue ETag);

    static async Task<Serialized> SerializeAsync(IServiceProvider services)
    {
        var document = await services.GetRequiredKeyedService<IOpenApiDocumentProvider>(DocumentName).GetOpenApiDocumentAsync(CancellationToken.None);
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        document.SerializeAsV3(new OpenApiJsonWriter(text));
        var body = Encoding.UTF8.GetBytes(text.ToString());
        var hash = Convert.ToBase64String(SHA256.HashData(body)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return new Serialized(body, new EntityTagHeaderValue($"\"{hash}\""));
    }
}
