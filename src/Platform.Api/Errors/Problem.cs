namespace Platform.Api.Errors;

/// <summary>An RFC 9457 problem: the body of every error response.</summary>
public sealed class Problem
{
    /// <summary>Stable identifier of the kind of error, e.g. <c>urn:plinth:problem:validation</c>. Branch on this.</summary>
    public required string Type { get; init; }

    public required string Title { get; init; }

    public required int Status { get; init; }

    public string? Detail { get; init; }

    /// <summary>The path of the request that failed.</summary>
    public string? Instance { get; init; }

    /// <summary>Quote this when reporting a problem; it finds the request in the logs.</summary>
    public string? TraceId { get; init; }

    /// <summary>For validation errors: what is wrong with each field.</summary>
    public IReadOnlyList<ProblemFieldError>? Errors { get; init; }
}

public sealed class ProblemFieldError
{
    /// <summary>The field, as named in the request (camelCase; nested fields with dots).</summary>
    public required string Name { get; init; }

    public required string Reason { get; init; }
}
