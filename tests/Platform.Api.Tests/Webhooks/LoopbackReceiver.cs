using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.Api.Tests.Webhooks;

public sealed record ReceivedHook(string Path, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// A webhook receiver on 127.0.0.1: <c>/ok</c> always accepts, <c>/flaky</c> fails twice and then accepts,
/// <c>/down</c> always fails.
/// </summary>
public sealed class LoopbackReceiver : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly ConcurrentDictionary<string, int> _calls = new();

    LoopbackReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedHook> Received { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<LoopbackReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new LoopbackReceiver(app);
        app.MapPost("/{behaviour}/{name}", async (string behaviour, string name, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var calls = receiver._calls.AddOrUpdate(name, 1, (_, n) => n + 1);
            receiver.Received.Enqueue(new ReceivedHook(request.Path, request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString()), body));
            return behaviour switch
            {
                "ok" => Results.Ok(),
                "flaky" when calls > 2 => Results.Ok(),
                _ => Results.StatusCode(503),
            };
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseAddress = new Uri(address);
        return receiver;
    }

    public string Url(string behaviour, string name) => new Uri(BaseAddress, $"/{behaviour}/{name}").ToString();

    public async Task<IReadOnlyList<ReceivedHook>> WaitForAsync(string name, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var hooks = Received.Where(h => h.Path.EndsWith("/" + name, StringComparison.Ordinal)).ToList();
            if (hooks.Count >= count)
                return hooks;
            await Task.Delay(100);
        }

        return Received.Where(h => h.Path.EndsWith("/" + name, StringComparison.Ordinal)).ToList();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
