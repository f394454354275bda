using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using FastEndpoints;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;
using Platform.Api.Concurrency;
using Platform.Api.Errors;
using Platform.Api.Features.Reports;
using Platform.Api.Idempotency;
using Platform.Api.Security;

namespace Platform.Api.OpenApi;

/// <summary>
/// Describes a FastEndpoints endpoint from its definition: ASP.NET Core's generator sees only a
/// parameterless delegate, so without this there are no path or query parameters, no security and
/// no error responses.
/// </summary>
sealed class OperationTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var definition = context.Description.ActionDescriptor.EndpointMetadata.OfType<EndpointDefinition>().FirstOrDefault();
        var document = context.Document;
        if (definition is null || document is null)
            return;

        var verb = context.Description.HttpMethod ?? "GET";
        var route = "/" + context.Description.RelativePath;
        var pathParameters = ApiDescriptions.PathParameterNames(route);

        operation.OperationId = ApiDescriptions.OperationId(definition.EndpointType);
        operation.Summary = definition.EndpointSummary?.Summary;
        operation.Description = definition.EndpointSummary?.Description;
        operation.Tags = new HashSet<OpenApiTagReference> { new(ApiDescriptions.Tag(definition.EndpointType), document) };

        var parameters = pathParameters.Select(IOpenApiParameter (name) =>
        {
            var (description, schema) = ApiDescriptions.PathParameter(name);
            return new OpenApiParameter { Name = name, In = ParameterLocation.Path, Required = true, Description = description, Schema = schema };
        }).ToList();

        var hasBody = verb is not ("GET" or "DELETE") && definition.ReqDtoType != typeof(EmptyRequest);
        if (!hasBody)
        {
            operation.RequestBody = null;
            if (definition.ReqDtoType != typeof(EmptyRequest))
                parameters.AddRange(await QueryParameters(definition.ReqDtoType, pathParameters, context, cancellationToken));
        }

        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<RequiresIfMatch>().Any())
            parameters.Add(HeaderParameters.IfMatch);
        if (metadata.OfType<IdempotentPost>().Any())
            parameters.Add(HeaderParameters.IdempotencyKey);

        operation.Parameters = parameters.Count > 0 ? parameters : null;

        var secured = definition.AnonymousVerbs?.Contains(verb) != true;
        // An anonymous operation says so (an empty list), rather than leaving its security unstated.
        operation.Security = !secured ? []
            : route.StartsWith(JurorKeyAuthentication.RoutePrefix, StringComparison.Ordinal)
                ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(DocumentTransformer.JurorKeySchemeName, document)] = [] }]
                : SecurityRequirements(definition, document);

        var problem = await ComponentReference(typeof(Problem), context, cancellationToken);
        var responses = operation.Responses ??= [];
        foreach (var status in ExpectedProblems(definition, context.Description.ActionDescriptor.EndpointMetadata, hasBody, parameters.Count > pathParameters.Count, pathParameters.Count > 0, secured))
            responses.TryAdd(status.ToString(System.Globalization.CultureInfo.InvariantCulture), new OpenApiResponse());

        var ordered = responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        responses.Clear();
        foreach (var (code, response) in ordered)
        {
            responses[code] = response;
            if (response is not OpenApiResponse concrete)
                continue;
            var status = int.Parse(code, System.Globalization.CultureInfo.InvariantCulture);
            concrete.Description = definition.EndpointSummary?.Responses.GetValueOrDefault(status) ?? ReasonPhrases.GetReasonPhrase(status);
            if (status >= 400)
                concrete.Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem } };
            concrete.Headers = ResponseHeaders.For(status, document, carriesETag: HasETag(definition.ResDtoType), idempotent: metadata.OfType<IdempotentPost>().Any());
            if (status == StatusCodes.Status200OK && metadata.OfType<CsvReport>().FirstOrDefault() is { } csv)
                (concrete.Content ??= new Dictionary<string, OpenApiMediaType>())[CsvReport.MediaType] = CsvContent(csv);
        }
    }

    /// <summary>The report as one CSV table: the schema is text, the example its header row, the description the rules of its values.</summary>
    static OpenApiMediaType CsvContent(CsvReport csv) => new()
    {
        Schema = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "RFC 4180, UTF-8, CRLF line ends: the header row of the example, then one line per row. Dates are ISO "
                          + "(yyyy-MM-dd), money integer euro cents, decimals written with a point, enums in their wire spelling, "
                          + "an empty field for null; text starting with =, +, -, @ gets a leading apostrophe.",
        },
        Example = System.Text.Json.Nodes.JsonValue.Create(csv.HeaderRow + "\r\n"),
    };

    static bool HasETag(Type responseType) => responseType.GetProperty("ETag") is not null;


    static async Task<IEnumerable<IOpenApiParameter>> QueryParameters(
        Type requestType, IReadOnlyCollection<string> pathParameters, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var schema = await context.GetOrCreateSchemaAsync(requestType, null, ct);
        var parameters = new List<IOpenApiParameter>();
        foreach (var (name, propertySchema) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (pathParameters.Contains(name, StringComparer.OrdinalIgnoreCase))
                continue;

            var property = requestType.GetProperties().Single(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name) == name);
            var enumType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            IOpenApiSchema parameterSchema;
            string? description;
            if (enumType.IsEnum)
            {
                // The enum's own component, so clients get the same enum type as in bodies, not a per-parameter copy.
                parameterSchema = await ComponentReference(enumType, context, ct);
                description = property.GetCustomAttribute<DescriptionAttribute>()?.Description;
            }
            else
            {
                var copy = propertySchema.CreateShallowCopy();
                description = copy.Description;
                if (copy is OpenApiSchema concrete)
                    concrete.Description = null;
                parameterSchema = copy;
            }

            parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Query,
                Required = schema.Required?.Contains(name) == true,
                Description = description,
                Schema = parameterSchema,
            });
        }

        return parameters;
    }

    static async Task<IOpenApiSchema> ComponentReference(Type type, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var document = context.Document!;
        var schemas = (document.Components ??= new OpenApiComponents()).Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!schemas.ContainsKey(type.Name))
            schemas[type.Name] = await context.GetOrCreateSchemaAsync(type, null, ct);
        return new OpenApiSchemaReference(type.Name, document);
    }

    static List<OpenApiSecurityRequirement> SecurityRequirements(EndpointDefinition definition, OpenApiDocument document)
    {
        var scheme = new OpenApiSecuritySchemeReference(DocumentTransformer.SecuritySchemeName, document);
        var scopes = definition.AllowedScopes ?? [];
        if (scopes.Count == 0 || !definition.AllowAnyScope)
            return [new OpenApiSecurityRequirement { [scheme] = [.. scopes] }];

        // Any one of the scopes is enough: alternatives are separate requirement objects.
        return scopes.Select(s => new OpenApiSecurityRequirement { [scheme] = [s] }).ToList();
    }

    static IEnumerable<int> ExpectedProblems(EndpointDefinition definition, IList<object> metadata, bool hasBody, bool hasQuery, bool hasPathParameters, bool secured)
    {
        if (hasBody || hasQuery)
            yield return StatusCodes.Status400BadRequest;
        if (secured)
            yield return StatusCodes.Status401Unauthorized;
        if (secured && definition.AllowedScopes?.Count > 0)
            yield return StatusCodes.Status403Forbidden;
        if (hasPathParameters)
            yield return StatusCodes.Status404NotFound;
        if (hasBody)
        {
            yield return StatusCodes.Status413PayloadTooLarge;
            yield return StatusCodes.Status415UnsupportedMediaType;
        }
        yield return StatusCodes.Status429TooManyRequests;
        if (metadata.OfType<RequiresIfMatch>().Any())
        {
            yield return StatusCodes.Status412PreconditionFailed;
            yield return StatusCodes.Status428PreconditionRequired;
        }

        if (metadata.OfType<IdempotentPost>().Any())
        {
            yield return StatusCodes.Status409Conflict;
            yield return StatusCodes.Status422UnprocessableEntity;
        }

        if (metadata.OfType<CsvReport>().Any())
            yield return StatusCodes.Status406NotAcceptable;

        foreach (var declared in metadata.OfType<ProblemResponses>())
        {
            foreach (var status in declared.Statuses)
                yield return status;
        }

        yield return StatusCodes.Status500InternalServerError;
        // Every operation reads or writes the database, which may be missing, read-only or replaced for a while.
        yield return StatusCodes.Status503ServiceUnavailable;
    }
}
