using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>The API with a clock the test moves. Tokens still run on the real clock.</summary>
public class ClockedApp : PlatformApp
{
    public ClockedApp()
        : this(sqliteFile: null, new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero))
    {
    }

    public ClockedApp(string? sqliteFile, DateTimeOffset now)
        : base(sqliteFile) => Clock = new FakeTimeProvider(now);

    public FakeTimeProvider Clock { get; }

    /// <summary>Sets the clock to 08:00 UTC on <paramref name="day"/>, forward or back.</summary>
    public void MoveTo(DateOnly day) => Clock.AdjustTime(new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
