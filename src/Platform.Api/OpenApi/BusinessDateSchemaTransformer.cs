using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Platform.Api.Validation;

namespace Platform.Api.OpenApi;

/// <summary>Every date the contract names is a business date: the pattern states the bounds the API enforces.</summary>
sealed class BusinessDateSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Format == "date")
            schema.Pattern = SchemaPattern.From(BusinessDates.Pattern);

        return Task.CompletedTask;
    }
}
