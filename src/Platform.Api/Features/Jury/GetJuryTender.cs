using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using Platform.Api.Errors;
using Platform.Api.Features.Applications;
using Platform.Api.Features.Jurors;
using Platform.Api.Features.Tenders;
using Platform.Api.Security;
using Platform.Api.Validation;

namespace Platform.Api.Features.Jury;

/// <summary>The applicant as the jury knows it: its name and organisation, never its contact details or KvK number.</summary>
public sealed class JuryApplicant
{
    [MaxLength(FieldLimits.Name)]
    public required string Name { get; init; }

    [MaxLength(FieldLimits.Name)]
    public string? Organisation { get; init; }
}

/// <summary>A shortlisted plan as one juror sees it: the plan, its turn on the pitch night, and this juror's own conflict and scores.</summary>
public sealed class JuryApplication
{
    public required Guid Id { get; init; }

    public required JuryApplicant Applicant { get; init; }

    public required ApplicationSections Sections { get; init; }

    /// <summary>The place on the shortlist: 1 pitches first.</summary>
    [Range(1, ShortlistTenderRequest.MaxEntries)]
    public required int Position { get; init; }

    /// <summary>Its turn on the pitch night, when the tender has one.</summary>
    public PitchSlot? PitchSlot { get; init; }

    /// <summary>This juror's declared conflict of interest with the plan, if it declared one (then it does not score it).</summary>
    public JuryConflictResponse? Conflict { get; init; }

    /// <summary>This juror's current scores of the plan, if it scored it; never another juror's.</summary>
    public JuryScoresResponse? Scores { get; init; }
}

public sealed class JuryTenderResponse
{
    public required Guid TenderId { get; init; }

    [MaxLength(FieldLimits.Name)]
    public required string Title { get; init; }

    public required TenderStatus Status { get; init; }

    /// <summary>What the jury scores, each from 1 to 10; the weights were fixed when the tender was published.</summary>
    [MaxLength(TenderFieldRules.MaxCriteria)]
    public required IReadOnlyList<TenderCriterion> Criteria { get; init; }

    public PitchNight? PitchNight { get; init; }

    /// <summary>The shortlisted plans in pitch order (empty until the tender is shortlisted).</summary>
    [MaxLength(ShortlistTenderRequest.MaxEntries)]
    public required IReadOnlyList<JuryApplication> Applications { get; init; }

    /// <summary>The juror whose key made the request.</summary>
    public required JurorResponse Juror { get; init; }
}

public sealed class GetJuryTenderEndpoint(TenderStore tenders, JurorStore jurors, JuryStore jury) : EndpointWithoutRequest<JuryTenderResponse>
{
    public override void Configure()
    {
        Get("/v1/jury/tenders/{tenderId:guid}");
        Summary(s =>
        {
            s.Summary = "Get the tender a juror sits for";
            s.Description = "With the juror's key (Juror-Key): the tender's criteria and weights, its pitch night, the juror itself, and the "
                            + "shortlisted plans in pitch order, each with its applicant's name and organisation (no contact details), its "
                            + "sections, its pitch slot, and this juror's own conflict and scores (never another juror's). A key opens its own "
                            + "tender only (another tender answers 404) and answers 401 once the juror is revoked or the tender awarded or cancelled.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var tenderId = Route<Guid>("tenderId");
        var jurorId = JurorKeyAuthentication.JurorIdOf(User);
        var tender = await tenders.FindAsync(tenderId, ct);
        var juror = await jurors.FindAsync(tenderId, jurorId, ct);
        if (tender is null || juror is null)
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        var criteria = TenderJson.Read<List<TenderCriterion>>(tender.Criteria);
        var pitchNight = tender.PitchNight is null ? null : TenderJson.Read<PitchNight>(tender.PitchNight);
        var shortlist = await jury.ShortlistAsync(tenderId, jurorId, ct);
        var keys = criteria.Select(c => c.Key).ToList();
        await Send.OkAsync(new JuryTenderResponse
        {
            TenderId = tender.Id,
            Title = tender.Title,
            Status = tender.StatusAt(tenders.Now),
            Criteria = criteria,
            PitchNight = pitchNight,
            Applications = shortlist.Applications.Select(a => new JuryApplication
            {
                Id = a.Id,
                Applicant = new JuryApplicant { Name = a.ApplicantName, Organisation = a.ApplicantOrganisation },
                Sections = TenderJson.Read<ApplicationSections>(a.Sections),
                Position = a.ShortlistPosition,
                PitchSlot = pitchNight is null ? null : TenderRules.SlotOf(pitchNight, new ShortlistPlace(a.Id, a.ShortlistPosition)),
                Conflict = shortlist.Conflicts.FirstOrDefault(c => c.ApplicationId == a.Id) is { } conflict ? JuryConflictResponse.From(jurorId, conflict) : null,
                Scores = JuryScoresResponse.From(jurorId, a.Id, keys, shortlist.Scores.Where(s => s.ApplicationId == a.Id)),
            }).ToList(),
            Juror = JurorResponse.From(juror),
        }, ct);
    }
}
