using FastEndpoints;
using Platform.Api.Paging;
using Platform.Api.Security;

namespace Platform.Api.Features.Webhooks;

public sealed class ListWebhooksRequest : PageQuery;

public sealed class ListWebhooksValidator : Validator<ListWebhooksRequest>
{
    public ListWebhooksValidator() => this.IncludePageRules(idOrdered: true);
}

public sealed class ListWebhooksEndpoint(WebhookStore webhooks) : Endpoint<ListWebhooksRequest, Page<WebhookResponse>>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/webhooks");
        Scopes(ApiScopes.TenantAdmin);
        Summary(s =>
        {
            s.Summary = "List webhooks";
            s.Description = "The tenant's webhook subscriptions; secrets are never listed.";
        });
    }

    public override async Task HandleAsync(ListWebhooksRequest req, CancellationToken ct)
    {
        var rows = await webhooks.ListAsync(req.AfterId, req.ReadLimit, ct);
        await Send.OkAsync(Page<WebhookResponse>.From(rows, req.Limit, WebhookResponse.From, r => r.Id.ToString()), ct);
    }
}
