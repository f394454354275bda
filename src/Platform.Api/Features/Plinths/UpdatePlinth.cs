using FastEndpoints;
using Platform.Api.Concurrency;
using Platform.Api.Security;

namespace Platform.Api.Features.Plinths;

public sealed class UpdatePlinthEndpoint(PlinthStore plinths) : Endpoint<PlinthRequest, PlinthResponse>
{
    public override void Configure()
    {
        Put("/v1/tenants/{tenant}/plinths/{plinthId:guid}");
        Scopes(ApiScopes.PlinthsWrite);
        Summary(s =>
        {
            s.Summary = "Update a plinth";
            s.Description = "Replaces the plinth's fields. Requires If-Match with the ETag last read.";
        });
        Description(b => b.WithMetadata(RequiresIfMatch.Instance));
    }

    public override async Task HandleAsync(PlinthRequest req, CancellationToken ct)
    {
        var outcome = await plinths.UpdateAsync(Route<Guid>("plinthId"), HttpContext.ExpectedVersion(), req, ct);
        if (outcome.Status != WriteStatus.Done)
        {
            await Send.ResultAsync(outcome.Problem());
            return;
        }

        HttpContext.Response.DescribeResource(outcome.Value!.Version);
        await Send.OkAsync(PlinthResponse.From(outcome.Value), ct);
    }
}
