using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Security;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>The API counting the bearer tokens its embedded JwtBearer scheme is handed.</summary>
public sealed class BearerCountingApp : PlatformApp
{
    int _tokensHandled;

    public int TokensHandled => Volatile.Read(ref _tokensHandled);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.PostConfigure<JwtBearerOptions>(Authentication.EmbeddedScheme, options =>
        {
            var received = options.Events.OnMessageReceived;
            options.Events.OnMessageReceived = context =>
            {
                Interlocked.Increment(ref _tokensHandled);
                return received(context);
            };
        }));
    }
}
