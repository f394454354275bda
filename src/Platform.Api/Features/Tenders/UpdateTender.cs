using FastEndpoints;
using Platform.Api.Concurrency;
using Platform.Api.OpenApi;
using Platform.Api.Security;

namespace Platform.Api.Features.Tenders;

public sealed class UpdateTenderRequest : TenderFields;

public sealed class UpdateTenderValidator : Validator<UpdateTenderRequest>
{
    public UpdateTenderValidator() => this.IncludeTenderFieldRules();
}

public sealed class UpdateTenderEndpoint(TenderStore tenders) : Endpoint<UpdateTenderRequest, TenderResponse>
{
    public override void Configure()
    {
        Put("/v1/tenants/{tenant}/tenders/{tenderId:guid}");
        Scopes(ApiScopes.TendersWrite);
        Summary(s =>
        {
            s.Summary = "Update a draft tender";
            s.Description = "Replaces the tender's fields while it is a draft. From publication on its criteria, weights, required "
                            + "sections, eligibility and terms are fixed, as the Didam ruling requires: 409. Requires If-Match with the ETag last read.";
        });
        Description(b => b.ProducesProblems(StatusCodes.Status409Conflict).WithMetadata(RequiresIfMatch.Instance));
    }

    public override async Task HandleAsync(UpdateTenderRequest req, CancellationToken ct)
    {
        var outcome = await tenders.UpdateAsync(Route<Guid>("tenderId"), HttpContext.ExpectedVersion(), req, ct);
        if (outcome.Status != WriteStatus.Done)
        {
            await Send.ResultAsync(outcome.Problem());
            return;
        }

        HttpContext.Response.DescribeResource(outcome.Value!.Version);
        await Send.OkAsync(TenderResponse.From(outcome.Value, tenders.Now), ct);
    }
}
