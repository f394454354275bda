using FastEndpoints;
using Platform.Api.Concurrency;
using Platform.Api.Security;

namespace Platform.Api.Features.Norms;

public sealed class DeleteNormEndpoint(NormStore norms) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Delete("/v1/tenants/{tenant}/norms/{normId:guid}");
        Scopes(ApiScopes.ProgrammesWrite, ApiScopes.TenantAdmin);
        Summary(s =>
        {
            s.Summary = "Delete a norm";
            s.Description = "Removes the norm. Requires If-Match with the ETag last read.";
        });
        Description(b => b.ClearDefaultProduces().Produces(204).WithMetadata(RequiresIfMatch.Instance));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var outcome = await norms.DeleteAsync(Route<Guid>("normId"), HttpContext.ExpectedVersion(), ct);
        if (outcome.Status != WriteStatus.Done)
        {
            await Send.ResultAsync(outcome.Problem());
            return;
        }

        await Send.NoContentAsync(ct);
    }
}
