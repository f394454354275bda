using Microsoft.OpenApi;
using Platform.Api.Idempotency;

namespace Platform.Api.OpenApi;

/// <summary>Request headers that are part of the contract of the endpoints that take them.</summary>
static class HeaderParameters
{
    public static readonly OpenApiParameter IfMatch = new()
    {
        Name = "If-Match",
        In = ParameterLocation.Header,
        Required = true,
        Description = "The ETag of the resource as last read (or * for any version). Missing: 428; not an ETag: 400; stale: 412.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 12, Pattern = SchemaPattern.From(Concurrency.ETags.IfMatchPattern) },
    };

    public static readonly OpenApiParameter IdempotencyKey = new()
    {
        Name = IdempotentPosts.Header,
        In = ParameterLocation.Header,
        Required = false,
        Description = "A key of your choosing (e.g. a UUID). Retrying with the same key and body answers the first response " +
                      "again; the same key with another body is 422. Keys are kept for 24 hours.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotentPosts.MaxKeyLength, Pattern = SchemaPattern.From(IdempotentPosts.KeyPattern) },
    };
}
