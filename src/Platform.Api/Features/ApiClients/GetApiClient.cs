using FastEndpoints;
using Platform.Api.Errors;
using Platform.Api.Security;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.ApiClients;

public sealed class GetApiClientEndpoint(TenantContext tenant, ApiClientStore clients) : EndpointWithoutRequest<ApiClientResponse>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/clients/{clientId}");
        Scopes(ApiScopes.PlatformAdmin, ApiScopes.TenantAdmin);
        Summary(s =>
        {
            s.Summary = "Get an API client";
            s.Description = "One of the tenant's active clients, without its secret. A revoked client answers 404.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var clientId = Route<string>("clientId")!;
        var row = await clients.FindActiveOfTenantAsync(tenant.Id, clientId, ct);
        if (row is null)
        {
            await Send.ResultAsync(Problems.NotFound($"The tenant has no active client '{clientId}'."));
            return;
        }

        await Send.OkAsync(ApiClientResponse.From(row), ct);
    }
}
