using FastEndpoints;
using Platform.Api.Concurrency;
using Platform.Api.Errors;
using Platform.Api.Idempotency;
using Platform.Api.Security;

namespace Platform.Api.Features.Webhooks;

public sealed class RedeliverWebhookDeliveryEndpoint(WebhookStore webhooks, WebhookDispatch dispatch) : EndpointWithoutRequest<DeliveryResponse>
{
    public override void Configure()
    {
        Post("/v1/tenants/{tenant}/webhooks/{webhookId:guid}/deliveries/{deliveryId:guid}/redeliver");
        Scopes(ApiScopes.TenantAdmin);
        Summary(s =>
        {
            s.Summary = "Redeliver a webhook delivery";
            s.Description = "Sends the same notification to the webhook again, as a new delivery with its own attempts (answered 202).";
        });
        Description(b => b.ClearDefaultProduces(200).Produces<DeliveryResponse>(202).WithMetadata(IdempotentPost.Instance)
            .WithMetadata(new TakesNoIfMatch("A redelivery adds a new delivery; the old one does not change.")));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var webhookId = Route<Guid>("webhookId");
        var delivery = await webhooks.FindAsync(webhookId, ct) is null ? null : await webhooks.RedeliverAsync(webhookId, Route<Guid>("deliveryId"), ct);
        if (delivery is null)
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        dispatch.Enqueue([delivery.Id]);
        await Send.ResponseAsync(DeliveryResponse.From(delivery, []), StatusCodes.Status202Accepted, ct);
    }
}
