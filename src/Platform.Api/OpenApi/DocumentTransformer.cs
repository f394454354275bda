using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Platform.Api.Security;

namespace Platform.Api.OpenApi;

/// <summary>The document-wide parts: info, the OAuth 2.0 scheme with every scope, and the tags.</summary>
sealed class DocumentTransformer : IOpenApiDocumentTransformer
{
    public const string SecuritySchemeName = "oauth2";
    public const string JurorKeySchemeName = "jurorKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Plinth Platform API",
            Version = ApiVersion.Current,
            Description = """
                Affordable work space in the ground floors (plinths) of Dutch neighbourhoods: plinths, BOG/MOG units,
                leases, rent discounts with their evaluations, tenders and reports, kept apart per tenant.
                Every tenant resource lives under `/v1/tenants/{tenant}/…`; a resource of another tenant answers 404.
                Errors are RFC 9457 problem details with a stable `type`.
                """,
            Contact = new OpenApiContact { Name = "Plinth Platform team", Email = "api@plinth-platform.nl" },
            License = new OpenApiLicense { Name = "Proprietary", Url = new Uri("https://plinth-platform.nl/terms") },
        };

        // Relative, so the committed snapshot does not depend on the host that served it.
        document.Servers =
        [
            new OpenApiServer
            {
                Url = "/",
                Description = "The host that serves this document: production, staging or a local embedded instance.",
                Extensions = new Dictionary<string, IOpenApiExtension> { ["x-internal"] = new JsonNodeExtension(JsonValue.Create(false)) },
            },
        ];

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [SecuritySchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = """
                    OAuth 2.0 client credentials from the embedded token server (or the configured external authority).
                    Access tokens are short-lived JWTs (one hour by default), signed with RS256 and never encrypted, and are
                    validated following RFC8725 (JSON Web Token Best Current Practices): the algorithm is pinned, and the token
                    type (at+jwt), issuer, audience, lifetime and signature are all checked. A client renews its token at the
                    same endpoint with its credentials before the old one expires; no refresh tokens are issued.
                    """,
                Flows = new OpenApiOAuthFlows
                {
                    ClientCredentials = new OpenApiOAuthFlow
                    {
                        TokenUrl = new Uri(TokenServer.TokenEndpoint, UriKind.Relative),
                        RefreshUrl = new Uri(TokenServer.TokenEndpoint, UriKind.Relative),
                        Scopes = ApiScopes.Descriptions.ToDictionary(),
                    },
                },
            },
            [JurorKeySchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = JurorKeyAuthentication.Header,
                Description = """
                    A neighbourhood juror's key, given once when the landlord appoints the juror (the 43 characters of `key`).
                    Accepted on /v1/jury/… only, and there instead of a token: for the juror's own tender (another tender is 404),
                    until the juror is revoked or the tender awarded or cancelled (then 401).
                    """,
            },
        };
        document.Components.Headers = ResponseHeaders.Components.ToDictionary(h => h.Key, IOpenApiHeader (h) => h.Value);

        var tagNames = document.Paths.Values
            .SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name!)
            .Distinct()
            .Order(StringComparer.Ordinal);
        document.Tags = new HashSet<OpenApiTag>(tagNames.Select(name => ApiDescriptions.Tags.TryGetValue(name, out var tag)
            ? new OpenApiTag
            {
                Name = name,
                Description = tag.Description,
                Extensions = new Dictionary<string, IOpenApiExtension> { ["x-displayName"] = new JsonNodeExtension(JsonValue.Create(tag.DisplayName)) },
            }
            : new OpenApiTag { Name = name }));

        foreach (var schema in document.Components.Schemas?.Values.OfType<OpenApiSchema>() ?? [])
        {
            UnwrapNullableReferences(schema);
            if (schema is { Enum.Count: > 0, Type: null })
                schema.Type = JsonSchemaType.String;
            if (schema.Enum is { Count: > 0 } values && values.Contains(null!))
                DropNull(schema);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// A nullable enum or object property comes out as <c>oneOf: [null, $ref]</c>, which generators turn into
    /// odd union types. A required property becomes the plain reference. An optional one becomes
    /// <c>oneOf: [$ref, {type: object, nullable: true, enum: [null]}]</c>: OpenAPI 3.0 has no null type, and
    /// <c>nullable</c> beside a reference or an untyped <c>allOf</c> has no effect. NSwag (C# and TypeScript) and
    /// openapi-typescript read this as "the referenced type or null"; Redocly and Spectral accept it.
    /// </summary>
    static void UnwrapNullableReferences(OpenApiSchema schema)
    {
        foreach (var (name, property) in schema.Properties?.ToList() ?? [])
        {
            if (property is not OpenApiSchema { OneOf.Count: 2 } union
                || union.OneOf.OfType<OpenApiSchemaReference>().SingleOrDefault() is not { } reference
                || !union.OneOf.Any(s => s is OpenApiSchema { Type: JsonSchemaType.Null }))
                continue;

            schema.Properties![name] = schema.Required?.Contains(name) == true
                ? reference
                : new OpenApiSchema { OneOf = [reference, NullOnly()], Description = union.Description };
        }
    }

    /// <summary>
    /// An enum whose schema was first generated from a nullable property lists null among its values; the values are
    /// the type's, and whether a property may be null is said where it refers to the type.
    /// </summary>
    static void DropNull(OpenApiSchema schema)
    {
        schema.Enum = [.. schema.Enum!.Where(value => value is not null)];
        schema.Type &= ~JsonSchemaType.Null;
    }

    static OpenApiSchema NullOnly() => new() { Type = JsonSchemaType.Object | JsonSchemaType.Null, Enum = [null!] };
}
