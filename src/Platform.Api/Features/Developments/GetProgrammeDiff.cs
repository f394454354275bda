using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using Platform.Api.Errors;
using Platform.Api.Security;

namespace Platform.Api.Features.Developments;

public sealed class ProgrammeLineDiff
{
    public required ProgrammeFunction Function { get; init; }

    [Range(0, DevelopmentRequest.MaxM2)]
    public required int OriginalM2 { get; init; }

    [Range(0, DevelopmentRequest.MaxM2)]
    public required int CurrentM2 { get; init; }

    /// <summary>currentM2 − originalM2: negative where the programme lost floor area.</summary>
    [Range(-DevelopmentRequest.MaxM2, DevelopmentRequest.MaxM2)]
    public required int ChangeM2 { get; init; }

    [Range(0, DevelopmentRequest.MaxM2)]
    public required int OriginalAffordableM2 { get; init; }

    [Range(0, DevelopmentRequest.MaxM2)]
    public required int CurrentAffordableM2 { get; init; }

    [Range(-DevelopmentRequest.MaxM2, DevelopmentRequest.MaxM2)]
    public required int ChangeAffordableM2 { get; init; }
}

public sealed class ProgrammeDiffResponse
{
    public required Guid DevelopmentId { get; init; }

    public required ProgrammeVersionResponse Original { get; init; }

    public required ProgrammeVersionResponse Current { get; init; }

    /// <summary>Every function of either version, housing first; a function missing from one version counts 0 m² there.</summary>
    [MaxLength(CreateProgrammeVersionRequest.MaxLines)]
    public required IReadOnlyList<ProgrammeLineDiff> Lines { get; init; }

    /// <summary>The watched functions (work, facilities) with fewer m² now than in the original.</summary>
    [MaxLength(CreateProgrammeVersionRequest.MaxLines)]
    public required IReadOnlyList<ProgrammeFunction> CutFunctions { get; init; }
}

public sealed class GetProgrammeDiffEndpoint(ProgrammeVersionStore versions) : EndpointWithoutRequest<ProgrammeDiffResponse>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/developments/{developmentId:guid}/programme-diff");
        Scopes(ApiScopes.ProgrammesRead, ApiScopes.ProgrammesWrite, ApiScopes.TenantAdmin);
        Summary(s =>
        {
            s.Summary = "Compare the original programme with the current one";
            s.Description = "The original version (1) beside the current one (the latest), function by function: m² and affordable m² "
                            + "in each and the change. 404 while the development has no programme version.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var developmentId = Route<Guid>("developmentId");
        if (await versions.CompareAsync(developmentId, ct) is not { } comparison)
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        await Send.OkAsync(new ProgrammeDiffResponse
        {
            DevelopmentId = developmentId,
            Original = ProgrammeVersionResponse.From(comparison.Original),
            Current = ProgrammeVersionResponse.From(comparison.Current),
            Lines = ProgrammeRules.Diff(comparison.Original.Lines, comparison.Current.Lines).Select(c => new ProgrammeLineDiff
            {
                Function = c.Function,
                OriginalM2 = c.OriginalM2,
                CurrentM2 = c.CurrentM2,
                ChangeM2 = c.ChangeM2,
                OriginalAffordableM2 = c.OriginalAffordableM2,
                CurrentAffordableM2 = c.CurrentAffordableM2,
                ChangeAffordableM2 = c.ChangeAffordableM2,
            }).ToList(),
            CutFunctions = ProgrammeRules.CutFunctions(comparison.Original.Lines, comparison.Current.Lines),
        }, ct);
    }
}
