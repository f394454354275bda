using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.Api.OpenApi;

/// <summary>
/// The pattern and length of every string in a response's list: validation attributes on a list describe the list, and
/// a response has no validator whose item rules the contract could take, so the property states its items' shape here.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EachItemAttribute(string pattern, int length) : Attribute
{
    public string Pattern { get; } = pattern;

    public int Length { get; } = length;
}

sealed class EachItemSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(EachItemAttribute), inherit: false) is [EachItemAttribute each, ..]
            && schema.Items is OpenApiSchema items)
        {
            items.Pattern = SchemaPattern.From(each.Pattern);
            items.MinLength = each.Length;
            items.MaxLength = each.Length;
        }

        return Task.CompletedTask;
    }
}
