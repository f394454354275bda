using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using FluentValidation;
using Platform.Api.Concurrency;
using Platform.Api.Features.Applications;
using Platform.Api.Idempotency;
using Platform.Api.OpenApi;
using Platform.Api.Security;
using Platform.Api.Validation;

namespace Platform.Api.Features.Tenders;

/// <summary>One shortlisted application, with the landlord's note on it.</summary>
public sealed class ShortlistEntry
{
    public const int NoteLength = 1000;

    [Required]
    public Guid ApplicationId { get; init; }

    /// <summary>Why it is on the shortlist, e.g. "a storefront plan the street will see"; shown to the applicant.</summary>
    public string? Note { get; init; }
}

public sealed class ShortlistTenderRequest
{
    public const int MaxEntries = 50;

    /// <summary>The shortlisted applications, each an eligible one of this tender, in the order they pitch.</summary>
    [Required]
    public IReadOnlyList<ShortlistEntry> Entries { get; init; } = [];
}

public sealed class ShortlistEntryValidator : AbstractValidator<ShortlistEntry>
{
    public ShortlistEntryValidator()
    {
        RuleFor(e => e.ApplicationId).NotEmpty();
        RuleFor(e => e.Note).TextLength(ShortlistEntry.NoteLength);
    }
}

public sealed class ShortlistTenderValidator : Validator<ShortlistTenderRequest>
{
    public ShortlistTenderValidator()
    {
        RuleFor(r => r.Entries).NotEmpty().MaxCount(ShortlistTenderRequest.MaxEntries)
            .Must(e => e.Where(x => x is not null).DistinctBy(x => x.ApplicationId).Count() == e.Count(x => x is not null))
            .WithMessage("'entries' must not name an application twice.");
        RuleForEach(r => r.Entries).NotNull().SetValidator(new ShortlistEntryValidator());
    }
}

public sealed class ShortlistTenderEndpoint(ShortlistStore shortlists, TenderStore tenders) : Endpoint<ShortlistTenderRequest, TenderResponse>
{
    public override void Configure()
    {
        Post("/v1/tenants/{tenant}/tenders/{tenderId:guid}/shortlist");
        Scopes(ApiScopes.TendersWrite);
        Summary(s =>
        {
            s.Summary = "Make the shortlist of a closed tender";
            s.Description = "The named applications become shortlisted, with their notes, in the order of the entries; every other eligible "
                            + "application becomes not_selected, and the tender shortlisted. 400 naming entries[i].applicationId for an id "
                            + "that is no application of this tender; 409 application-not-eligible when a named application is not eligible; "
                            + "409 tender-transition-not-allowed when the tender is not closed, naming the transitions it allows "
                            + "(allowedTransitions). Accepts an Idempotency-Key.";
        });
        Description(b => b.ProducesProblems(StatusCodes.Status409Conflict).WithMetadata(IdempotentPost.Instance)
            .WithMetadata(new TakesNoIfMatch("A shortlist is made once, of a closed tender: 409 when the tender's status does not allow it.")));
    }

    public override async Task HandleAsync(ShortlistTenderRequest req, CancellationToken ct)
    {
        var entries = req.Entries.Select(e => new ShortlistChoice(e.ApplicationId, string.IsNullOrWhiteSpace(e.Note) ? null : e.Note.Trim())).ToList();
        var outcome = await shortlists.ShortlistAsync(Route<Guid>("tenderId"), entries, ct);
        if (outcome.Status != WriteStatus.Done)
        {
            await Send.ResultAsync(outcome.Problem());
            return;
        }

        HttpContext.Response.DescribeResource(outcome.Value!.Version);
        await Send.OkAsync(TenderResponse.From(outcome.Value, tenders.Now), ct);
    }
}
