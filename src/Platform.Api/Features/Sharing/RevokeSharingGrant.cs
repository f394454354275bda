using FastEndpoints;
using Platform.Api.Concurrency;
using Platform.Api.Idempotency;
using Platform.Api.OpenApi;
using Platform.Api.Security;

namespace Platform.Api.Features.Sharing;

public sealed class RevokeSharingGrantEndpoint(SharingGrantStore grants) : EndpointWithoutRequest<SharingGrantResponse>
{
    public override void Configure()
    {
        Post("/v1/tenants/{tenant}/sharing-grants/{grantId:guid}/revoke");
        Scopes(ApiScopes.TenantAdmin);
        Summary(s =>
        {
            s.Summary = "Revoke a sharing grant";
            s.Description = "Ends the grant at once: the grantee's next read answers 404. The grantee is notified (sharing_grant.revoked). "
                            + "409 when it was revoked already. Accepts an Idempotency-Key.";
        });
        Description(b => b.ProducesProblems(StatusCodes.Status409Conflict).WithMetadata(IdempotentPost.Instance)
            .WithMetadata(new TakesNoIfMatch("A grant is never changed, only revoked: 409 when it was revoked already.")));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var outcome = await grants.RevokeAsync(Route<Guid>("grantId"), ct);
        if (outcome.Status != WriteStatus.Done)
        {
            await Send.ResultAsync(outcome.Problem());
            return;
        }

        await Send.OkAsync(SharingGrantResponse.From(outcome.Value!, grants.Today), ct);
    }
}
