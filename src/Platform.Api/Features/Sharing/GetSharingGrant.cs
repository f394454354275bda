using FastEndpoints;
using Platform.Api.Errors;
using Platform.Api.Security;

namespace Platform.Api.Features.Sharing;

public sealed class GetSharingGrantEndpoint(SharingGrantStore grants) : EndpointWithoutRequest<SharingGrantResponse>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/sharing-grants/{grantId:guid}");
        Scopes(ApiScopes.TenantAdmin);
        Summary(s =>
        {
            s.Summary = "Get a sharing grant";
            s.Description = "One grant this tenant gave, revoked and expired ones included.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var row = await grants.FindAsync(Route<Guid>("grantId"), ct);
        if (row is null)
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        await Send.OkAsync(SharingGrantResponse.From(row, grants.Today), ct);
    }
}
