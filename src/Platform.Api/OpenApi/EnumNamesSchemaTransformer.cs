using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.Api.OpenApi;

/// <summary>
/// Adds <c>x-enumNames</c> (the C# member names) beside a string enum's wire values, so generated clients
/// name members <c>HousingCorporation</c> rather than <c>Housing_corporation</c>.
/// </summary>
sealed class EnumNamesSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type.IsEnum && schema.Enum is { Count: > 0 })
        {
            schema.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            schema.Extensions["x-enumNames"] = new JsonNodeExtension(new JsonArray([.. Enum.GetNames(type).Select(n => JsonValue.Create(n))]));
        }

        return Task.CompletedTask;
    }
}
