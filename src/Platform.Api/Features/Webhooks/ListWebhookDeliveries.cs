using FastEndpoints;
using Platform.Api.Errors;
using Platform.Api.Paging;
using Platform.Api.Security;

namespace Platform.Api.Features.Webhooks;

public sealed class ListWebhookDeliveriesRequest : PageQuery;

public sealed class ListWebhookDeliveriesValidator : Validator<ListWebhookDeliveriesRequest>
{
    public ListWebhookDeliveriesValidator() => this.IncludePageRules(idOrdered: true);
}

public sealed class ListWebhookDeliveriesEndpoint(WebhookStore webhooks) : Endpoint<ListWebhookDeliveriesRequest, Page<DeliveryResponse>>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/webhooks/{webhookId:guid}/deliveries");
        Scopes(ApiScopes.TenantAdmin);
        Summary(s =>
        {
            s.Summary = "List a webhook's deliveries";
            s.Description = "Every delivery, oldest first, with its status and the log of its attempts.";
        });
    }

    public override async Task HandleAsync(ListWebhookDeliveriesRequest req, CancellationToken ct)
    {
        var webhookId = Route<Guid>("webhookId");
        if (await webhooks.FindAsync(webhookId, ct) is null)
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        var rows = await webhooks.ListDeliveriesAsync(webhookId, req.AfterId, req.ReadLimit, ct);
        await Send.OkAsync(Page<DeliveryResponse>.From(rows, req.Limit, r => DeliveryResponse.From(r.Delivery, r.Attempts), r => r.Delivery.Id.ToString()), ct);
    }
}
