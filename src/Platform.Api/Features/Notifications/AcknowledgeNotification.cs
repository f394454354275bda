using FastEndpoints;
using Platform.Api.Concurrency;
using Platform.Api.Errors;
using Platform.Api.Idempotency;
using Platform.Api.Security;

namespace Platform.Api.Features.Notifications;

public sealed class AcknowledgeNotificationEndpoint(NotificationStore notifications) : EndpointWithoutRequest<NotificationResponse>
{
    public override void Configure()
    {
        Post("/v1/tenants/{tenant}/notifications/{notificationId:guid}/ack");
        Scopes(ApiScopes.DiscountsWrite, ApiScopes.LeasesWrite, ApiScopes.TendersWrite, ApiScopes.ApplicationsSubmit, ApiScopes.TenantAdmin);
        Summary(s =>
        {
            s.Summary = "Acknowledge a notification";
            s.Description = "Marks the notification as seen; doing it again keeps the first acknowledgement. Acknowledging changes the "
                            + "feed, so it takes a write scope (discounts:write or leases:write) or tenant:admin; a read scope only reads the feed.";
        });
        Description(b => b.WithMetadata(IdempotentPost.Instance)
            .WithMetadata(new TakesNoIfMatch("Acknowledging twice keeps the first acknowledgement.")));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var row = await notifications.AcknowledgeAsync(Route<Guid>("notificationId"), User.ClientIdOf() ?? "unknown", ct);
        if (row is null)
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        await Send.OkAsync(NotificationResponse.From(row), ct);
    }
}
