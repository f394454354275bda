using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>The API with a clock for token lifetimes that the test moves; tokens are still issued on the real clock.</summary>
public sealed class TokenClockedApp : PlatformApp
{
    public FakeTimeProvider TokenClock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.PostConfigureAll<JwtBearerOptions>(o => o.TimeProvider = TokenClock));
    }
}
