using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Errors;

namespace Platform.Api.Concurrency;

public enum WriteStatus
{
    Done,
    NotFound,
    Stale,
    Conflict,

    /// <summary>A field is valid on its own but not against what is stored (answered as a 400 on that field).</summary>
    Invalid,

    /// <summary>Well-formed, but against a rule of the tenant's own policy (answered as a 422 naming the rule).</summary>
    AgainstPolicy,
}

/// <summary>What a write did: done (with the resource), or why not.</summary>
public sealed record WriteOutcome<T>(
    WriteStatus Status, T? Value = default, string? ConflictKind = null, string? Detail = null, IDictionary<string, object?>? Extensions = null)
{
    public static WriteOutcome<T> Done(T value) => new(WriteStatus.Done, value);

    public static readonly WriteOutcome<T> NotFound = new(WriteStatus.NotFound);

    public static readonly WriteOutcome<T> Stale = new(WriteStatus.Stale);

    public static WriteOutcome<T> Conflict(string kind, string detail, IDictionary<string, object?>? extensions = null) =>
        new(WriteStatus.Conflict, default, kind, detail, extensions);

    /// <summary><paramref name="field"/> is the JSON name of the request field at fault.</summary>
    public static WriteOutcome<T> Invalid(string field, string detail) => new(WriteStatus.Invalid, default, field, detail);

    /// <summary><paramref name="rule"/> is the JSON name of the policy rule the write would break.</summary>
    public static WriteOutcome<T> AgainstPolicy(string rule, string detail) => new(WriteStatus.AgainstPolicy, default, rule, detail);

    /// <summary>The same refusal as the outcome of another write.</summary>
    public WriteOutcome<TOther> Refusal<TOther>() => Status == WriteStatus.Done
        ? throw new InvalidOperationException("The write was done.")
        : new(Status, default, ConflictKind, Detail, Extensions);

    /// <summary>The problem to answer when the write was not done.</summary>
    public ProblemHttpResult Problem() => Status switch
    {
        WriteStatus.NotFound => Problems.NotFound(),
        WriteStatus.Stale => ETags.Stale(),
        WriteStatus.Conflict => Problems.Conflict(ConflictKind!, Detail!, Extensions),
        WriteStatus.Invalid => Problems.Invalid(ConflictKind!, Detail!),
        WriteStatus.AgainstPolicy => Problems.Create(StatusCodes.Status422UnprocessableEntity, Detail, Problems.Kind("discount-policy"),
            new Dictionary<string, object?> { [Errors.Problem.Member(nameof(Errors.Problem.Rule))] = ConflictKind }),
        _ => throw new InvalidOperationException("The write was done."),
    };
}
