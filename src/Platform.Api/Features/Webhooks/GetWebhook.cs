using FastEndpoints;
using Platform.Api.Errors;
using Platform.Api.Security;

namespace Platform.Api.Features.Webhooks;

public sealed class GetWebhookEndpoint(WebhookStore webhooks) : EndpointWithoutRequest<WebhookResponse>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/webhooks/{webhookId:guid}");
        Scopes(ApiScopes.TenantAdmin);
        Summary(s =>
        {
            s.Summary = "Get a webhook";
            s.Description = "One webhook subscription, without its signing secret. A webhook never changes, so it has no ETag.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var row = await webhooks.FindAsync(Route<Guid>("webhookId"), ct);
        if (row is null)
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        await Send.OkAsync(WebhookResponse.From(row), ct);
    }
}
