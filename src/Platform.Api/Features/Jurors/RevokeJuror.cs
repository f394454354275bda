using FastEndpoints;
using Platform.Api.Concurrency;
using Platform.Api.Idempotency;
using Platform.Api.OpenApi;
using Platform.Api.Security;

namespace Platform.Api.Features.Jurors;

public sealed class RevokeJurorEndpoint(JurorStore jurors) : EndpointWithoutRequest<JurorResponse>
{
    public override void Configure()
    {
        Post("/v1/tenants/{tenant}/tenders/{tenderId:guid}/jurors/{jurorId:guid}/revoke");
        Scopes(ApiScopes.TendersWrite);
        Summary(s =>
        {
            s.Summary = "Revoke a juror";
            s.Description = "The juror's key answers 401 from now on; the scores it gave stay in the audit trail. 409 juror-revoked when it "
                            + "was revoked before. Accepts an Idempotency-Key.";
        });
        Description(b => b.ProducesProblems(StatusCodes.Status409Conflict).WithMetadata(IdempotentPost.Instance)
            .WithMetadata(new TakesNoIfMatch("A revocation is final: a juror is revoked once, whatever its version.")));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var outcome = await jurors.RevokeAsync(Route<Guid>("tenderId"), Route<Guid>("jurorId"), ct);
        if (outcome.Status != WriteStatus.Done)
        {
            await Send.ResultAsync(outcome.Problem());
            return;
        }

        HttpContext.Response.DescribeResource(outcome.Value!.Version);
        await Send.OkAsync(JurorResponse.From(outcome.Value), ct);
    }
}
