using System.CodeDom.Compiler;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Plinth.Platform.Client;

public static class ServiceCollectionExtensions
{
    const string ApiHttpClient = "Plinth.Platform";
    const string TokenHttpClient = "Plinth.Platform.Token";

    /// <summary>
    /// Registers every generated client (<c>ITenantsClient</c>, …) on one <see cref="IHttpClientFactory"/> client
    /// that signs in with client credentials.
    /// </summary>
    public static IServiceCollection AddPlatformClient(this IServiceCollection services, Action<PlatformClientOptions> configure)
    {
        services.AddOptions<PlatformClientOptions>().Configure(configure);
        services.AddHttpClient(TokenHttpClient);
        services.AddSingleton(sp => new ClientCredentialsTokenSource(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(TokenHttpClient),
            sp.GetRequiredService<IOptions<PlatformClientOptions>>().Value,
            sp.GetService<TimeProvider>()));
        services.AddTransient<ClientCredentialsHandler>();
        services.AddHttpClient(ApiHttpClient, (sp, http) =>
                http.BaseAddress = sp.GetRequiredService<IOptions<PlatformClientOptions>>().Value.BaseAddress)
            .AddHttpMessageHandler<ClientCredentialsHandler>();

        foreach (var (contract, implementation) in GeneratedClients())
        {
            services.AddTransient(contract, sp => ActivatorUtilities.CreateInstance(
                sp, implementation, sp.GetRequiredService<IHttpClientFactory>().CreateClient(ApiHttpClient)));
        }

        return services;
    }

    /// <summary>The generated client classes and their interfaces: one pair per tag of the contract.</summary>
    internal static IEnumerable<(Type Contract, Type Implementation)> GeneratedClients() =>
        from type in typeof(ServiceCollectionExtensions).Assembly.GetTypes()
        where type is { IsClass: true, IsAbstract: false } && type.Name.EndsWith("Client", StringComparison.Ordinal)
              && type.GetCustomAttribute<GeneratedCodeAttribute>() is { Tool: "NSwag" }
        let contract = type.GetInterface("I" + type.Name)
        where contract is not null
        select (contract, type);
}
