using System.ComponentModel.DataAnnotations;

namespace Platform.Api.Features.Developments;

public sealed class ProgrammeLineResponse
{
    public required ProgrammeFunction Function { get; init; }

    [Range(0, DevelopmentRequest.MaxM2)]
    public required int M2 { get; init; }

    /// <summary>The part of m2 let as affordable work space: at most EUR 125 per m² per year (2025 prices).</summary>
    [Range(0, DevelopmentRequest.MaxM2)]
    public required int AffordableM2 { get; init; }

    public static ProgrammeLineResponse From(ProgrammeLineTerms line) => new() { Function = line.Function, M2 = line.M2, AffordableM2 = line.AffordableM2 };
}

public sealed class ProgrammeVersionResponse
{
    public required Guid Id { get; init; }

    public required Guid DevelopmentId { get; init; }

    /// <summary>1 for the original programme, which never changes; each later version counts on.</summary>
    [Range(1, int.MaxValue)]
    public required int Number { get; init; }

    /// <summary>The day the programme was decided.</summary>
    public required DateOnly DecidedOn { get; init; }

    [MaxLength(CreateProgrammeVersionRequest.ReasonLength)]
    public required string? Reason { get; init; }

    [MaxLength(CreateProgrammeVersionRequest.MaxLines)]
    public required IReadOnlyList<ProgrammeLineResponse> Lines { get; init; }

    /// <summary>The watched functions (work, facilities) that have fewer m² than in the version before; empty for the original.</summary>
    [MaxLength(CreateProgrammeVersionRequest.MaxLines)]
    public required IReadOnlyList<ProgrammeFunction> CutFunctions { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The API client that recorded the version.</summary>
    [MaxLength(100)]
    public required string CreatedBy { get; init; }

    public static ProgrammeVersionResponse From(ProgrammeVersion version) => new()
    {
        Id = version.Row.Id,
        DevelopmentId = version.Row.DevelopmentId,
        Number = version.Row.Number,
        DecidedOn = version.Row.DecidedOn,
        Reason = version.Row.Reason,
        Lines = version.Lines.Select(ProgrammeLineResponse.From).ToList(),
        CutFunctions = version.CutFunctions,
        CreatedAt = version.Row.CreatedAt,
        CreatedBy = version.Row.CreatedBy,
    };
}
