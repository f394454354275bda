using System.ComponentModel.DataAnnotations;

namespace Platform.Api.Errors;

/// <summary>An RFC 9457 problem: the body of every error response.</summary>
public sealed class Problem
{
    public const int MaxFieldErrors = 100;

    /// <summary>Stable identifier of the kind of error, e.g. <c>urn:plinth:problem:validation</c>. Branch on this.</summary>
    [MaxLength(200)]
    [RegularExpression(@"^urn:plinth:problem:[a-z0-9-]+\z")]
    public required string Type { get; init; }

    [MaxLength(200)]
    public required string Title { get; init; }

    [Range(400, 599)]
    public required int Status { get; init; }

    [MaxLength(4000)]
    public string? Detail { get; init; }

    /// <summary>The path of the request that failed.</summary>
    [MaxLength(8192)]
    public string? Instance { get; init; }

    /// <summary>Quote this when reporting a problem; it finds the request in the logs.</summary>
    [MaxLength(200)]
    public string? TraceId { get; init; }

    /// <summary>For validation errors: what is wrong with each field (at most 100).</summary>
    [MaxLength(MaxFieldErrors)]
    public IReadOnlyList<ProblemFieldError>? Errors { get; init; }
}

public sealed class ProblemFieldError
{
    /// <summary>The field, as named in the request (camelCase; nested fields with dots).</summary>
    [MaxLength(500)]
    public required string Name { get; init; }

    [MaxLength(4000)]
    public required string Reason { get; init; }
}
