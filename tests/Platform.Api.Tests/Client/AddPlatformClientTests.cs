using Microsoft.Extensions.DependencyInjection;
using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Client;

/// <summary>The C# client as a partner wires it: one registration, then typed clients from the container.</summary>
public sealed class AddPlatformClientTests(PlatformApp app)
{
    [Fact]
    public async Task A_partner_registers_the_client_and_calls_the_api_with_its_credentials()
    {
        var tenant = await app.CreateTenantAsync(name: "Rochdale");
        var (_, credentials) = await tenant.ClientAsync("tenant:admin");
        var services = new ServiceCollection();
        services.AddPlatformClient(o =>
        {
            o.BaseAddress = app.BaseAddress;
            o.ClientId = credentials.ClientId;
            o.ClientSecret = credentials.ClientSecret;
        });
        await using var provider = services.BuildServiceProvider();

        var tenants = provider.GetRequiredService<ITenantsClient>();
        var apiClients = provider.GetRequiredService<IApiClientsClient>();

        Assert.Equal("Rochdale", (await tenants.GetTenantAsync(tenant.Slug, TestContext.Current.CancellationToken)).Name);
        Assert.Contains(credentials.ClientId,
            (await apiClients.ListApiClientsAsync(tenant.Slug, cancellationToken: TestContext.Current.CancellationToken)).Items.Select(c => c.ClientId));
    }
}
