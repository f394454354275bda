using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>
/// The built API (<c>src/Platform.Api/bin/&lt;configuration&gt;/net10.0/Platform.Api.dll</c>) as a process of its own on a
/// SQLite file, so that a test can kill it the way a power cut or the OOM killer does.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    public const string AdminClientId = "crash-admin";
    public const string AdminSecret = "crash-admin-secret";

    readonly Process _process;
    readonly StringBuilder _output = new();

    ApiProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The last lines the process wrote, to explain a failure.</summary>
    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString()[Math.Max(0, _output.Length - 4000)..];
        }
    }

    public PlatformApi Admin => PlatformApi.SignIn(BaseAddress, AdminClientId, AdminSecret);

    public static async Task<ApiProcess> StartAsync(string sqliteFile, CancellationToken ct)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [BuiltApi(), "--urls", $"http://127.0.0.1:{port}"])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["Database__ConnectionString"] = $"Data Source={sqliteFile}",
                ["Bootstrap__ClientId"] = AdminClientId,
                ["Bootstrap__ClientSecret"] = AdminSecret,
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        var api = new ApiProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}/"));
        api._process.OutputDataReceived += (_, e) => api.Keep(e.Data);
        api._process.ErrorDataReceived += (_, e) => api.Keep(e.Data);
        api._process.BeginOutputReadLine();
        api._process.BeginErrorReadLine();
        await api.WaitUntilReadyAsync(ct);
        return api;
    }

    /// <summary>SIGKILL: no shutdown, no flush, no checkpoint.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            await KillAsync();
        _process.Dispose();
    }

    async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var ready = await http.GetAsync("/health/ready", ct);
                if (ready.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                // Not listening yet, or still starting up.
            }

            await Task.Delay(250, ct);
        }

        throw new InvalidOperationException($"The API process did not become ready:\n{Output}");
    }

    void Keep(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    /// <summary>A loopback port free right now, for a server whose address must be known before it starts.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The API built in the same configuration as these tests.</summary>
    static string BuiltApi()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (output.Name, output.Parent!.Name);
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Platform.sln")))
            root = root.Parent;
        var dll = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Platform.sln not found above the test output."),
            "src", "Platform.Api", "bin", configuration, framework, "Platform.Api.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build the solution first.");
    }
}
