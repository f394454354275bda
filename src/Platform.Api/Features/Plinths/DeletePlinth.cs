using FastEndpoints;
using Platform.Api.Concurrency;
using Platform.Api.OpenApi;
using Platform.Api.Security;

namespace Platform.Api.Features.Plinths;

public sealed class DeletePlinthEndpoint(PlinthStore plinths) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Delete("/v1/tenants/{tenant}/plinths/{plinthId:guid}");
        Scopes(ApiScopes.PlinthsWrite);
        Summary(s =>
        {
            s.Summary = "Delete a plinth";
            s.Description = "Refused with 409 while the plinth has units. Requires If-Match with the ETag last read.";
        });
        Description(b => b.ClearDefaultProduces().Produces(204).WithMetadata(RequiresIfMatch.Instance).ProducesProblems(StatusCodes.Status409Conflict));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var outcome = await plinths.DeleteAsync(Route<Guid>("plinthId"), HttpContext.ExpectedVersion(), ct);
        if (outcome.Status != WriteStatus.Done)
        {
            await Send.ResultAsync(outcome.Problem());
            return;
        }

        await Send.NoContentAsync(ct);
    }
}
