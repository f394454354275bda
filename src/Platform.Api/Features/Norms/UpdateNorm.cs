using FastEndpoints;
using Platform.Api.Concurrency;
using Platform.Api.Security;

namespace Platform.Api.Features.Norms;

public sealed class UpdateNormEndpoint(NormStore norms) : Endpoint<NormRequest, NormResponse>
{
    public override void Configure()
    {
        Put("/v1/tenants/{tenant}/norms/{normId:guid}");
        Scopes(ApiScopes.ProgrammesWrite, ApiScopes.TenantAdmin);
        Summary(s =>
        {
            s.Summary = "Update a norm";
            s.Description = "Replaces the norm's fields. Requires If-Match with the ETag last read.";
        });
        Description(b => b.WithMetadata(RequiresIfMatch.Instance));
    }

    public override async Task HandleAsync(NormRequest req, CancellationToken ct)
    {
        var outcome = await norms.UpdateAsync(Route<Guid>("normId"), HttpContext.ExpectedVersion(), await norms.SetterAsync(ct), req, ct);
        if (outcome.Status != WriteStatus.Done)
        {
            await Send.ResultAsync(outcome.Problem());
            return;
        }

        HttpContext.Response.DescribeResource(outcome.Value!.Version);
        await Send.OkAsync(NormResponse.From(outcome.Value), ct);
    }
}
