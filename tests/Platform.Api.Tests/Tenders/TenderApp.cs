using Microsoft.AspNetCore.Hosting;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Tenders;

/// <summary>A moving clock, and webhooks that may name a loopback address (nothing listens there: only the deliveries count).</summary>
public sealed class TenderApp : ClockedApp
{
    public TenderApp()
        : base(sqliteFile: null, new DateTimeOffset(2027, 1, 4, 8, 0, 0, TimeSpan.Zero))
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Webhooks:AllowInsecureHosts:0", "127.0.0.1");
        builder.UseSetting("Webhooks:MaxAttempts", "1");
    }
}
