using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using Platform.Api.Errors;
using Platform.Api.Features.Jurors;
using Platform.Api.Features.Tenders;
using Platform.Api.Security;
using Platform.Api.Validation;

namespace Platform.Api.Features.Jury;

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

    /// <summary>The juror whose key made the request.</summary>
    public required JurorResponse Juror { get; init; }
}

public sealed class GetJuryTenderEndpoint(TenderStore tenders, JurorStore jurors) : EndpointWithoutRequest<JuryTenderResponse>
{
    public override void Configure()
    {
        Get("/v1/jury/tenders/{tenderId:guid}");
        Summary(s =>
        {
            s.Summary = "Get the tender a juror sits for";
            s.Description = "With the juror's key (Juror-Key): the tender's criteria and weights, its pitch night and the juror itself. A key "
                            + "opens its own tender only (another tender answers 404) and answers 401 once the juror is revoked or the tender "
                            + "awarded or cancelled.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var tenderId = Route<Guid>("tenderId");
        var tender = await tenders.FindAsync(tenderId, ct);
        var juror = await jurors.FindAsync(tenderId, Guid.Parse(User.FindFirst(JurorKeyAuthentication.JurorIdClaim)!.Value), ct);
        if (tender is null || juror is null)
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        await Send.OkAsync(new JuryTenderResponse
        {
            TenderId = tender.Id,
            Title = tender.Title,
            Status = tender.StatusAt(tenders.Now),
            Criteria = TenderJson.Read<List<TenderCriterion>>(tender.Criteria),
            PitchNight = tender.PitchNight is null ? null : TenderJson.Read<PitchNight>(tender.PitchNight),
            Juror = JurorResponse.From(juror),
        }, ct);
    }
}
