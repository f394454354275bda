namespace Platform.Api.OpenApi;

/// <summary>
/// Error statuses an endpoint answers beyond those every endpoint of its shape gets (400, 401, 403, 404, 413, 415, 429, 500, 503),
/// documented as problem+json.
/// </summary>
public sealed record ProblemResponses(IReadOnlyList<int> Statuses);

public static class ProblemResponsesExtensions
{
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses) =>
        builder.WithMetadata(new ProblemResponses(statuses));
}
