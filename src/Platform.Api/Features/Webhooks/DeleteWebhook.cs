using FastEndpoints;
using Platform.Api.Concurrency;
using Platform.Api.Errors;
using Platform.Api.Security;

namespace Platform.Api.Features.Webhooks;

public sealed class DeleteWebhookEndpoint(WebhookStore webhooks) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Delete("/v1/tenants/{tenant}/webhooks/{webhookId:guid}");
        Scopes(ApiScopes.TenantAdmin);
        Summary(s =>
        {
            s.Summary = "Delete a webhook";
            s.Description = "Stops the subscription; deliveries still pending are dropped. A webhook never changes, so it needs no If-Match.";
        });
        Description(b => b.ClearDefaultProduces().Produces(204).WithMetadata(new TakesNoIfMatch("A webhook never changes.")));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        if (!await webhooks.DeleteAsync(Route<Guid>("webhookId"), ct))
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        await Send.NoContentAsync(ct);
    }
}
