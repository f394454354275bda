namespace Platform.Load;

/// <summary>The yardstick: the API's host and Kestrel settings, no middleware, one endpoint.</summary>
public static class BareEndpoint
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        var app = builder.Build();
        app.MapGet("/ping", () => "pong");
        await app.RunAsync();
        return 0;
    }
}
