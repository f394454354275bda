using Microsoft.Extensions.Options;
using Platform.Api.Features.ApiClients;

namespace Platform.Api.Security;

/// <summary>On the first start with an empty database, creates the platform administrator's API client.</summary>
public sealed class BootstrapAdminClient(ApiClientStore clients, IOptions<BootstrapOptions> options, ILogger<BootstrapAdminClient> logger)
{
    public async Task EnsureAsync(CancellationToken ct)
    {
        if (await clients.CountPlatformClientsAsync(ct) > 0)
            return;

        var configured = options.Value;
        var (client, secret) = await clients.CreateAsync(
            tenantId: null, configured.ClientId, "Platform administrator", ApiScopes.PlatformOnly, configured.ClientSecret is { Length: > 0 } s ? s : null, ct);

        logger.LogInformation("Created the bootstrap platform-admin client {ClientId}", client.ClientId);
        if (configured.ClientSecret is not { Length: > 0 })
        {
            // Printed once, on purpose to the console and not to the structured log: only its hash is stored.
            Console.WriteLine($"""

                Bootstrap platform-admin client created. Keep this secret now; it is not shown again.
                  client_id:     {client.ClientId}
                  client_secret: {secret}

                """);
        }
    }
}
