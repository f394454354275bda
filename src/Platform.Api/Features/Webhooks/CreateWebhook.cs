using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using FluentValidation;
using Microsoft.Extensions.Options;
using Platform.Api.Errors;
using Platform.Api.Features.Notifications;
using Platform.Api.Idempotency;
using Platform.Api.Persistence;
using Platform.Api.Security;
using Platform.Api.Tenancy;
using Platform.Api.Validation;

namespace Platform.Api.Features.Webhooks;

public sealed class CreateWebhookRequest
{
    /// <summary>A public https URL that receives a signed JSON POST per notification.</summary>
    [Required]
    [Url]
    public string Url { get; init; } = "";

    /// <summary>The notification types to receive.</summary>
    [Required]
    public IReadOnlyList<NotificationType> Events { get; init; } = [];
}

public sealed class CreateWebhookValidator : Validator<CreateWebhookRequest>
{
    public CreateWebhookValidator()
    {
        RuleFor(w => w.Url).NotEmpty().TextLength(2048)
            .Must((_, url, context) =>
            {
                if (WebhookAddresses.ProblemWithUrl(url, Resolve<IOptions<WebhookOptions>>().Value) is not { } problem)
                    return true;
                context.MessageFormatter.AppendArgument("UrlProblem", problem);
                return false;
            })
            .WithMessage("'url' must be an absolute https URL without credentials, to a public host. {UrlProblem}");
        RuleFor(w => w.Events).NotEmpty().MaxCount(Enum.GetValues<NotificationType>().Length);
    }
}

public sealed class CreatedWebhookResponse
{
    public required Guid Id { get; init; }

    [MaxLength(2048)]
    [Url]
    public required string Url { get; init; }

    [MaxLength(4)]
    public required IReadOnlyList<NotificationType> Events { get; init; }

    /// <summary>Signs every delivery (see Platform-Signature); shown only in this response.</summary>
    [MaxLength(64)]
    [RegularExpression(@"^whsec_[A-Za-z0-9_-]{43}\z")]
    public required string Secret { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}

public sealed class CreateWebhookEndpoint(TenantContext tenant, WebhookStore webhooks, IOptions<WebhookOptions> options)
    : Endpoint<CreateWebhookRequest, CreatedWebhookResponse>
{
    public override void Configure()
    {
        Post("/v1/tenants/{tenant}/webhooks");
        Scopes(ApiScopes.TenantAdmin);
        Summary(s =>
        {
            s.Summary = "Subscribe a webhook";
            s.Description = "Each notification of the chosen types is POSTed to the URL with headers Platform-Event, Platform-Delivery and "
                            + "Platform-Signature (t=<unix>,v1=<hex HMAC-SHA256 of \"<t>.<body>\">). The URL must be public https. "
                            + "The signing secret is in this response only, which is also why this create takes no Idempotency-Key.";
        });
        Description(b => b.ClearDefaultProduces(200).Produces<CreatedWebhookResponse>(201));
    }

    public override async Task HandleAsync(CreateWebhookRequest req, CancellationToken ct)
    {
        if (await WebhookAddresses.ProblemWithHostAsync(req.Url, options.Value, ct) is { } problem)
        {
            await Send.ResultAsync(Problems.Invalid("url", problem));
            return;
        }

        var row = await webhooks.CreateAsync(req.Url, req.Events.Select(EnumText<NotificationType>.ToText), ct);
        await Send.CreatedAtAsync<GetWebhookEndpoint>(new { tenant = tenant.Current.Slug, webhookId = row.Id }, new CreatedWebhookResponse
        {
            Id = row.Id,
            Url = row.Url,
            Events = req.Events.Distinct().ToList(),
            Secret = row.Secret,
            CreatedAt = row.CreatedAt,
        }, cancellation: ct);
    }
}
