using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.Api.OpenApi;

/// <summary>Ids, dates and timestamps have a fixed longest spelling; the contract states it.</summary>
sealed class FormattedStringSchemaTransformer : IOpenApiSchemaTransformer
{
    static readonly Dictionary<string, int> LongestByFormat = new(StringComparer.Ordinal)
    {
        ["uuid"] = 36,                   // 01a20826-cf19-7022-a24f-6fee15560395
        ["date"] = 10,                   // 2026-11-23
        ["date-time"] = 33,              // 2026-11-23T11:24:50.8529937+00:00
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type?.HasFlag(JsonSchemaType.String) == true && schema.MaxLength is null
            && schema.Format is { } format && LongestByFormat.TryGetValue(format, out var longest))
            schema.MaxLength = longest;
        return Task.CompletedTask;
    }
}
