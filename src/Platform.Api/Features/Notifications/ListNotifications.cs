using System.ComponentModel;
using FastEndpoints;
using Platform.Api.Paging;
using Platform.Api.Persistence;
using Platform.Api.Security;

namespace Platform.Api.Features.Notifications;

public sealed class ListNotificationsRequest : PageQuery
{
    /// <summary>Only notifications nobody has acknowledged yet.</summary>
    public bool Unacknowledged { get; init; }

    [Description("Only notifications of this type.")]
    public NotificationType? Type { get; init; }
}

public sealed class ListNotificationsValidator : Validator<ListNotificationsRequest>
{
    public ListNotificationsValidator() => this.IncludePageRules(idOrdered: true);
}

public sealed class ListNotificationsEndpoint(NotificationStore notifications) : Endpoint<ListNotificationsRequest, Page<NotificationResponse>>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/notifications");
        Scopes(ApiScopes.DiscountsRead, ApiScopes.DiscountsWrite, ApiScopes.LeasesRead, ApiScopes.LeasesWrite, ApiScopes.TendersRead, ApiScopes.TendersWrite,
            ApiScopes.ApplicationsSubmit, ApiScopes.TenantAdmin);
        Summary(s =>
        {
            s.Summary = "List notifications";
            s.Description = "The tenant's reminders (evaluation due or overdue, discount or lease ending, a 7:290 lease's notice deadline) notices of sharing grants given to it or revoked, and of shortlists (to the landlord, and to an applicant tenant of its own application), oldest first.";
        });
    }

    public override async Task HandleAsync(ListNotificationsRequest req, CancellationToken ct)
    {
        var type = req.Type is { } t ? EnumText<NotificationType>.ToText(t) : null;
        var rows = await notifications.ListAsync(type, req.Unacknowledged, req.AfterId, req.ReadLimit, ct);
        await Send.OkAsync(Page<NotificationResponse>.From(rows, req.Limit, NotificationResponse.From, r => r.Id.ToString()), ct);
    }
}
