using FastEndpoints;
using Platform.Api.Concurrency;
using Platform.Api.Errors;
using Platform.Api.Security;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.ApiClients;

public sealed class RevokeApiClientEndpoint(TenantContext tenant, ApiClientStore clients, ClientRevocations revocations) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Delete("/v1/tenants/{tenant}/clients/{clientId}");
        Scopes(ApiScopes.PlatformAdmin, ApiScopes.TenantAdmin);
        Summary(s =>
        {
            s.Summary = "Revoke an API client";
            s.Description = "The client can no longer get tokens, and the tokens it already holds stop working.";
        });
        Description(b => b.ClearDefaultProduces().Produces(204).WithMetadata(new TakesNoIfMatch("A client has no versions: it is active until revoked.")));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var clientId = Route<string>("clientId")!;
        if (!await clients.RevokeAsync(tenant.Id, clientId, ct))
        {
            await Send.ResultAsync(Problems.NotFound($"The tenant has no active client '{clientId}'."));
            return;
        }

        revocations.Revoked(clientId);
        await Send.NoContentAsync(ct);
    }
}
