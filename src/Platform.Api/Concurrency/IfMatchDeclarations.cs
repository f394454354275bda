using Microsoft.AspNetCore.Http.Metadata;

namespace Platform.Api.Concurrency;

/// <summary>Endpoint metadata: this write takes no <c>If-Match</c>, and why not.</summary>
public sealed class TakesNoIfMatch(string reason)
{
    public string Reason { get; } = reason;
}

/// <summary>
/// Every PUT, PATCH and DELETE, and every POST that changes state rather than creating (no 201), declares
/// <see cref="RequiresIfMatch"/> or <see cref="TakesNoIfMatch"/>; the host refuses to start otherwise, so a new
/// write cannot forget optimistic concurrency without saying so.
/// </summary>
public static class IfMatchDeclarations
{
    public static void Verify(IEnumerable<Endpoint> endpoints)
    {
        var undeclared = endpoints.OfType<RouteEndpoint>()
            .Where(e => Writes(e) && e.Metadata.GetMetadata<RequiresIfMatch>() is null && e.Metadata.GetMetadata<TakesNoIfMatch>() is null)
            .Select(e => $"{string.Join(',', e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods)} /{e.RoutePattern.RawText?.TrimStart('/')}")
            .ToList();
        if (undeclared.Count > 0)
            throw new InvalidOperationException(
                $"These endpoints write without declaring whether they take If-Match (RequiresIfMatch or TakesNoIfMatch): {string.Join("; ", undeclared)}");
    }

    static bool Writes(Endpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
        var creates = endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Any(p => p.StatusCode == StatusCodes.Status201Created);
        return methods.Any(m => m is "PUT" or "PATCH" or "DELETE" || (m == "POST" && !creates));
    }
}
