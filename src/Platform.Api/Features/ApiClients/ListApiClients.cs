using FastEndpoints;
using Platform.Api.Paging;
using Platform.Api.Security;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.ApiClients;

public sealed class ListApiClientsRequest : PageQuery;

public sealed class ListApiClientsValidator : Validator<ListApiClientsRequest>
{
    public ListApiClientsValidator() => this.IncludePageRules();
}

public sealed class ListApiClientsEndpoint(TenantContext tenant, ApiClientStore clients) : Endpoint<ListApiClientsRequest, Page<ApiClientResponse>>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/clients");
        Scopes(ApiScopes.PlatformAdmin, ApiScopes.TenantAdmin);
        Summary(s =>
        {
            s.Summary = "List API clients";
            s.Description = "The tenant's active clients, in client id order. Secrets are never listed.";
        });
    }

    public override async Task HandleAsync(ListApiClientsRequest req, CancellationToken ct)
    {
        var rows = await clients.ListActiveOfTenantAsync(tenant.Id, req.After, req.ReadLimit, ct);
        await Send.OkAsync(Page<ApiClientResponse>.From(rows, req.Limit, ApiClientResponse.From, r => r.ClientId), ct);
    }
}
