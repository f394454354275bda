using System.Net;
using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;

namespace Platform.Api.Tests.Webhooks;

public sealed class GetWebhookTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static CreateWebhookRequest Subscription() =>
        new() { Url = new Uri("https://93.184.216.34/plinth"), Events = [NotificationType.DiscountEvaluationDue, NotificationType.LeaseEnding] };

    [Fact]
    public async Task A_tenant_admin_reads_its_webhook_without_the_secret()
    {
        var tenant = await app.CreateTenantAsync();
        var api = await tenant.SignInAsync("tenant:admin");
        var created = await api.Webhooks.CreateWebhookAsync(tenant.Slug, Subscription(), Ct);

        var read = await api.Webhooks.GetWebhookAsync(tenant.Slug, created.Id, Ct);
        using var raw = await api.Http.GetAsync($"/v1/tenants/{tenant.Slug}/webhooks/{created.Id}", Ct);
        var body = await raw.Content.ReadAsStringAsync(Ct);

        Assert.Equal(created.Id, read.Id);
        Assert.Equal(new Uri("https://93.184.216.34/plinth"), read.Url);
        Assert.Equal([NotificationType.DiscountEvaluationDue, NotificationType.LeaseEnding], read.Events);
        Assert.DoesNotContain(created.Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_deleted_webhook_answers_404()
    {
        var tenant = await app.CreateTenantAsync();
        var api = await tenant.SignInAsync("tenant:admin");
        var created = await api.Webhooks.CreateWebhookAsync(tenant.Slug, Subscription(), Ct);
        await api.Webhooks.DeleteWebhookAsync(tenant.Slug, created.Id, Ct);

        await ThrowsProblemAsync(404, () => api.Webhooks.GetWebhookAsync(tenant.Slug, created.Id, Ct));
    }

    [Fact]
    public async Task Another_tenants_webhook_answers_404_and_a_reading_scope_403_and_no_token_401()
    {
        var owner = await app.CreateTenantAsync();
        var ownerAdmin = await owner.SignInAsync("tenant:admin");
        var created = await ownerAdmin.Webhooks.CreateWebhookAsync(owner.Slug, Subscription(), Ct);
        var other = await app.CreateTenantAsync();
        var otherAdmin = await other.SignInAsync("tenant:admin");
        var reader = await owner.SignInAsync("leases:read");

        await ThrowsProblemAsync(404, () => otherAdmin.Webhooks.GetWebhookAsync(owner.Slug, created.Id, Ct));
        await ThrowsProblemAsync(404, () => otherAdmin.Webhooks.GetWebhookAsync(other.Slug, created.Id, Ct));
        await ThrowsProblemAsync(403, () => reader.Webhooks.GetWebhookAsync(owner.Slug, created.Id, Ct));
        using var anonymous = await app.Anonymous().GetAsync($"/v1/tenants/{owner.Slug}/webhooks/{created.Id}", Ct);
        await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
