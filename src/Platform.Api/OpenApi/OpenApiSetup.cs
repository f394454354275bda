using Microsoft.OpenApi;

namespace Platform.Api.OpenApi;

public static class OpenApiSetup
{
    public static IServiceCollection AddPlatformOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi("v1", options =>
        {
            // 3.0 rather than 3.1: NSwag's generators read 3.0 fully.
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
            options.AddOperationTransformer<OperationTransformer>();
            options.AddSchemaTransformer<EnumNamesSchemaTransformer>();
            options.AddSchemaTransformer<ValidationRulesSchemaTransformer>();
            options.AddSchemaTransformer<FormattedStringSchemaTransformer>();
            options.AddSchemaTransformer<EachItemSchemaTransformer>();
            options.AddSchemaTransformer<BusinessDateSchemaTransformer>();
            options.AddDocumentTransformer<DocumentTransformer>();
        });
        return services;
    }
}
