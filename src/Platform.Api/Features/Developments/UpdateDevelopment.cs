using FastEndpoints;
using Platform.Api.Concurrency;
using Platform.Api.Security;

namespace Platform.Api.Features.Developments;

public sealed class UpdateDevelopmentEndpoint(DevelopmentStore developments) : Endpoint<DevelopmentRequest, DevelopmentResponse>
{
    public override void Configure()
    {
        Put("/v1/tenants/{tenant}/developments/{developmentId:guid}");
        Scopes(ApiScopes.ProgrammesWrite, ApiScopes.TenantAdmin);
        Summary(s =>
        {
            s.Summary = "Update a development";
            s.Description = "Replaces the development's fields; its programme changes only by a new version. Requires If-Match with the ETag "
                            + "last read (recording a programme version changes it too).";
        });
        Description(b => b.WithMetadata(RequiresIfMatch.Instance));
    }

    public override async Task HandleAsync(DevelopmentRequest req, CancellationToken ct)
    {
        var outcome = await developments.UpdateAsync(Route<Guid>("developmentId"), HttpContext.ExpectedVersion(), req, ct);
        if (outcome.Status != WriteStatus.Done)
        {
            await Send.ResultAsync(outcome.Problem());
            return;
        }

        HttpContext.Response.DescribeResource(outcome.Value!.Version);
        await Send.OkAsync(DevelopmentResponse.From(outcome.Value), ct);
    }
}
