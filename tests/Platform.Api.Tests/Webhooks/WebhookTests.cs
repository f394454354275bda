using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Plinth.Platform.Client;
using Platform.Api.Tests.Discounts;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;
using Estate = Platform.Api.Tests.Infrastructure.RealEstate;

namespace Platform.Api.Tests.Webhooks;

/// <summary>An instance that may call the loopback receiver, retries after 200 ms (doubling), three attempts at most.</summary>
public sealed class WebhookApp : ClockedApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Webhooks:AllowInsecureHosts:0", "127.0.0.1");
        builder.UseSetting("Webhooks:RetryBaseDelay", "00:00:00.200");
        builder.UseSetting("Webhooks:MaxAttempts", "3");
        builder.UseSetting("Jobs:PollingInterval", "00:00:01");
    }
}

public sealed class WebhookTests(WebhookApp app) : IClassFixture<WebhookApp>, IAsyncLifetime
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    LoopbackReceiver _receiver = null!;

    public async ValueTask InitializeAsync() => _receiver = await LoopbackReceiver.StartAsync();

    public async ValueTask DisposeAsync() => await _receiver.DisposeAsync();

    /// <summary>A tenant whose discount's evaluation comes due when the clock reaches 1 October 2026.</summary>
    async Task<(TestTenant Tenant, PlatformApi Api)> TenantWithDueEvaluationAsync()
    {
        app.MoveTo(new DateOnly(2026, 1, 1));
        var tenant = await app.CreateTenantAsync();
        var api = await tenant.SignInAsync("tenant:admin", "plinths:write", "leases:write", "discounts:write", "discounts:read");
        var plinth = await api.Plinths.CreatePlinthAsync(tenant.Slug, Estate.Herderplein(), cancellationToken: Ct);
        var unit = await api.Units.CreateUnitAsync(tenant.Slug, Estate.Atelier(plinth.Id), cancellationToken: Ct);
        var lease = await api.Leases.CreateLeaseAsync(tenant.Slug, Estate.Lease(unit.Id, new DateOnly(2026, 1, 1)), cancellationToken: Ct);
        await api.Discounts.CreateDiscountAsync(tenant.Slug, lease.Id, DiscountTests.TwentyFivePercent(), cancellationToken: Ct);
        return (tenant, api);
    }

    async Task ComeDueAsync()
    {
        app.MoveTo(new DateOnly(2026, 10, 1));
        await app.Admin.Reminders.TriggerReminderScanAsync(cancellationToken: Ct);
    }

    static CreateWebhookRequest Subscription(string url) => new() { Url = new Uri(url, UriKind.RelativeOrAbsolute), Events = [NotificationType.DiscountEvaluationDue] };

    [Fact]
    public async Task A_receiver_on_loopback_gets_a_correctly_signed_payload()
    {
        var (tenant, api) = await TenantWithDueEvaluationAsync();
        var name = Guid.NewGuid().ToString("N");
        var webhook = await api.Webhooks.CreateWebhookAsync(tenant.Slug, Subscription(_receiver.Url("ok", name)), Ct);

        await ComeDueAsync();
        var hook = Assert.Single(await _receiver.WaitForAsync(name, 1, Patience));

        Assert.Equal("discount.evaluation_due", hook.Headers["Platform-Event"]);
        var signature = hook.Headers["Platform-Signature"].Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(webhook.Secret), System.Text.Encoding.UTF8.GetBytes($"{signature["t"]}.{hook.Body}")));
        Assert.Equal(expected, signature["v1"]);
        var payload = JsonDocument.Parse(hook.Body).RootElement;
        Assert.Equal(("discount.evaluation_due", tenant.Slug, "2026-10-01"),
            (payload.GetProperty("type").GetString(), payload.GetProperty("tenant").GetString(), payload.GetProperty("dueOn").GetString()));
        Assert.EndsWith("Z", payload.GetProperty("createdAt").GetString(), StringComparison.Ordinal);

        var delivery = await WaitForDeliveryAsync(api, tenant, webhook.Id, d => d.Status == DeliveryStatus.Succeeded);
        Assert.Equal(delivery.Id.ToString(), hook.Headers["Platform-Delivery"]);
        Assert.Equal(200, Assert.Single(delivery.AttemptLog).StatusCode);
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_with_back_off_and_every_attempt_is_logged()
    {
        var (tenant, api) = await TenantWithDueEvaluationAsync();
        var flaky = Guid.NewGuid().ToString("N");
        var down = Guid.NewGuid().ToString("N");
        var recovering = await api.Webhooks.CreateWebhookAsync(tenant.Slug, Subscription(_receiver.Url("flaky", flaky)), Ct);
        var broken = await api.Webhooks.CreateWebhookAsync(tenant.Slug, Subscription(_receiver.Url("down", down)), Ct);

        await ComeDueAsync();
        var recovered = await WaitForDeliveryAsync(api, tenant, recovering.Id, d => d.Status == DeliveryStatus.Succeeded);
        var failed = await WaitForDeliveryAsync(api, tenant, broken.Id, d => d.Status == DeliveryStatus.Failed);

        Assert.Equal([503, 503, 200], recovered.AttemptLog.Select(a => a.StatusCode));
        Assert.Equal(3, recovered.Attempts);
        Assert.Equal([503, 503, 503], failed.AttemptLog.Select(a => a.StatusCode));
        Assert.All(failed.AttemptLog, a => Assert.Equal("The receiver answered 503.", a.Error));
        Assert.Equal(3, (await _receiver.WaitForAsync(flaky, 3, Patience)).Count);

        var redelivery = await api.Webhooks.RedeliverWebhookDeliveryAsync(tenant.Slug, broken.Id, failed.Id, cancellationToken: Ct);
        Assert.Equal((DeliveryStatus.Pending, 0), (redelivery.Status, redelivery.Attempts));
        Assert.Equal(6, (await _receiver.WaitForAsync(down, 6, Patience)).Count);
    }

    async Task<DeliveryResponse> WaitForDeliveryAsync(PlatformApi api, TestTenant tenant, Guid webhookId, Func<DeliveryResponse, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var deliveries = (await api.Webhooks.ListWebhookDeliveriesAsync(tenant.Slug, webhookId, cancellationToken: Ct)).Items;
            if (deliveries.FirstOrDefault(done) is { } finished)
                return finished;
            Assert.True(DateTime.UtcNow < deadline, "The delivery did not finish in time: " + string.Join(", ", deliveries.Select(d => $"{d.Status}/{d.Attempts}")));
            await Task.Delay(200, Ct);
        }
    }

    [Theory]
    [InlineData("http://hooks.example.org/plinth")]
    [InlineData("https://10.1.2.3/plinth")]
    [InlineData("https://192.168.1.20/plinth")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://localhost/plinth")]
    [InlineData("not a url")]
    public async Task Only_public_https_urls_are_accepted(string url)
    {
        var tenant = await app.CreateTenantAsync();
        var api = await tenant.SignInAsync("tenant:admin");

        var problem = await ThrowsProblemAsync(400, () => api.Webhooks.CreateWebhookAsync(tenant.Slug, Subscription(url), Ct));

        Assert.Equal(["url"], problem.FieldNames());
        Assert.Empty((await api.Webhooks.ListWebhooksAsync(tenant.Slug, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task Webhooks_are_listed_without_secrets_deleted_and_kept_per_tenant()
    {
        var tenant = await app.CreateTenantAsync();
        var api = await tenant.SignInAsync("tenant:admin");
        var webhook = await api.Webhooks.CreateWebhookAsync(tenant.Slug, Subscription(_receiver.Url("ok", "listed")), Ct);
        var other = await (await app.CreateTenantAsync()).SignInAsync("tenant:admin");
        var reader = await tenant.SignInAsync("discounts:read");

        var listed = Assert.Single((await api.Webhooks.ListWebhooksAsync(tenant.Slug, cancellationToken: Ct)).Items);
        await ThrowsProblemAsync(404, () => other.Webhooks.ListWebhookDeliveriesAsync(tenant.Slug, webhook.Id, cancellationToken: Ct));
        await ThrowsProblemAsync(404, () => other.Webhooks.DeleteWebhookAsync(tenant.Slug, webhook.Id, Ct));
        await ThrowsProblemAsync(403, () => reader.Webhooks.ListWebhooksAsync(tenant.Slug, cancellationToken: Ct));
        await api.Webhooks.DeleteWebhookAsync(tenant.Slug, webhook.Id, Ct);

        Assert.Equal(webhook.Id, listed.Id);
        Assert.Equal([NotificationType.DiscountEvaluationDue], listed.Events);
        Assert.DoesNotContain("whsec_", await api.Http.GetStringAsync($"/v1/tenants/{tenant.Slug}/webhooks", Ct));
        Assert.Empty((await api.Webhooks.ListWebhooksAsync(tenant.Slug, cancellationToken: Ct)).Items);
        await ThrowsProblemAsync(404, () => api.Webhooks.DeleteWebhookAsync(tenant.Slug, webhook.Id, Ct));
    }

    [Fact]
    public async Task The_hangfire_dashboard_is_for_platform_administrators_only()
    {
        var tenantAdmin = await (await app.CreateTenantAsync()).SignInAsync("tenant:admin");
        using var anonymous = app.Anonymous();

        using var withoutToken = await anonymous.GetAsync("/hangfire", Ct);
        using var withTenantToken = await tenantAdmin.Http.GetAsync("/hangfire", Ct);
        using var asAdmin = await app.Admin.Http.GetAsync("/hangfire", Ct);

        Assert.Contains(withoutToken.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        Assert.Contains(withTenantToken.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
        Assert.Equal("text/html", asAdmin.Content.Headers.ContentType?.MediaType);
    }
}
