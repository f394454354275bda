using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using FluentValidation;
using Platform.Api.Concurrency;
using Platform.Api.Idempotency;
using Platform.Api.Security;
using Platform.Api.Tenancy;
using Platform.Api.Validation;

namespace Platform.Api.Features.Developments;

public sealed class ProgrammeLineRequest
{
    [Required]
    public ProgrammeFunction? Function { get; init; }

    /// <summary>Floor area of the function in m².</summary>
    [Required]
    public int M2 { get; init; }

    /// <summary>The part of m2 let as affordable work space (at most EUR 125 per m² per year, 2025 prices); 0 for housing.</summary>
    [Required]
    public int AffordableM2 { get; init; }
}

public sealed class CreateProgrammeVersionRequest
{
    public const int MaxLines = 5;
    public const int ReasonLength = 2000;

    /// <summary>The day the programme was decided; not before the previous version's.</summary>
    [Required]
    public DateOnly DecidedOn { get; init; }

    /// <summary>Why the programme changed; required when it has fewer m² of work or facilities than the version before.</summary>
    public string? Reason { get; init; }

    /// <summary>One line per function, each function at most once.</summary>
    [Required]
    public IReadOnlyList<ProgrammeLineRequest> Lines { get; init; } = [];
}

public sealed class ProgrammeLineRequestValidator : AbstractValidator<ProgrammeLineRequest>
{
    public ProgrammeLineRequestValidator()
    {
        RuleFor(l => l.Function).NotNull().IsInEnum();
        RuleFor(l => l.M2).InclusiveBetween(0, DevelopmentRequest.MaxM2);
        RuleFor(l => l.AffordableM2).InclusiveBetween(0, DevelopmentRequest.MaxM2)
            .Must((l, affordable) => affordable <= l.M2).WithMessage("'{PropertyName}' must not exceed the line's m2.")
            .Must((l, affordable) => affordable == 0 || l.Function != ProgrammeFunction.Housing).WithMessage("'{PropertyName}' must be 0 for housing: it counts work space.");
    }
}

public sealed class CreateProgrammeVersionValidator : Validator<CreateProgrammeVersionRequest>
{
    public CreateProgrammeVersionValidator()
    {
        RuleFor(r => r.DecidedOn).NotEmpty();
        RuleFor(r => r.Reason).TextLength(CreateProgrammeVersionRequest.ReasonLength);
        RuleFor(r => r.Lines).NotEmpty().MaxCount(CreateProgrammeVersionRequest.MaxLines)
            .Must(lines => lines.OfType<ProgrammeLineRequest>().DistinctBy(l => l.Function).Count() == lines.OfType<ProgrammeLineRequest>().Count())
            .WithMessage("'{PropertyName}' must not name a function twice.");
        RuleForEach(r => r.Lines).NotNull().SetValidator(new ProgrammeLineRequestValidator());
    }
}

public sealed class CreateProgrammeVersionEndpoint(TenantContext tenant, ProgrammeVersionStore versions)
    : Endpoint<CreateProgrammeVersionRequest, ProgrammeVersionResponse>
{
    public override void Configure()
    {
        Post("/v1/tenants/{tenant}/developments/{developmentId:guid}/programme-versions");
        Scopes(ApiScopes.ProgrammesWrite, ApiScopes.TenantAdmin);
        Summary(s =>
        {
            s.Summary = "Record a programme version";
            s.Description = "Records the development's programme as decided on a day: m² per function (housing, work, facilities, horeca, "
                            + "social) and the affordable part. The first version is the original and never changes; each later one becomes "
                            + "the current programme. A version with fewer m² of work or of facilities than the one before needs a reason "
                            + "(400 naming reason) and is announced to every tenant holding an active reports grant of the owner "
                            + "(programme.work_space_reduced). decidedOn may not be before the previous version's (400). Accepts an Idempotency-Key.";
        });
        Description(b => b.ClearDefaultProduces(200).Produces<ProgrammeVersionResponse>(201).WithMetadata(IdempotentPost.Instance));
    }

    public override async Task HandleAsync(CreateProgrammeVersionRequest req, CancellationToken ct)
    {
        var developmentId = Route<Guid>("developmentId");
        var outcome = await versions.CreateAsync(developmentId, req, User.ClientIdOf() ?? "unknown", ct);
        if (outcome.Status != WriteStatus.Done)
        {
            await Send.ResultAsync(outcome.Problem());
            return;
        }

        await Send.CreatedAtAsync<GetProgrammeVersionEndpoint>(
            new { tenant = tenant.Current.Slug, developmentId, versionId = outcome.Value!.Row.Id }, ProgrammeVersionResponse.From(outcome.Value), cancellation: ct);
    }
}
