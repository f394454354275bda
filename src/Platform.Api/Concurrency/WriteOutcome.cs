using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Errors;

namespace Platform.Api.Concurrency;

public enum WriteStatus
{
    Done,
    NotFound,
    Stale,
    Conflict,
}

/// <summary>What a write did: done (with the resource), or why not.</summary>
public sealed record WriteOutcome<T>(WriteStatus Status, T? Value = default, string? ConflictKind = null, string? Detail = null)
{
    public static WriteOutcome<T> Done(T value) => new(WriteStatus.Done, value);

    public static readonly WriteOutcome<T> NotFound = new(WriteStatus.NotFound);

    public static readonly WriteOutcome<T> Stale = new(WriteStatus.Stale);

    public static WriteOutcome<T> Conflict(string kind, string detail) => new(WriteStatus.Conflict, default, kind, detail);

    /// <summary>The problem to answer when the write was not done.</summary>
    public ProblemHttpResult Problem() => Status switch
    {
        WriteStatus.NotFound => Problems.NotFound(),
        WriteStatus.Stale => ETags.Stale(),
        WriteStatus.Conflict => Problems.Conflict(ConflictKind!, Detail!),
        _ => throw new InvalidOperationException("The write was done."),
    };
}
