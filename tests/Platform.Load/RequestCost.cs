using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Api.Persistence;

namespace Platform.Load;

/// <summary>
/// What one request costs the process, measured in ways that do not depend on how busy the machine is: bytes
/// allocated and CPU time per request, over sequential requests through the in-memory test server (the API's whole
/// pipeline with its appsettings.json, request logging on; no sockets). The client's own share is included and the
/// same for every variant of the API, so compare a change against its parent, not these figures against wrk's.
/// </summary>
public static class RequestCost
{
    const int Requests = 3000;

    public static async Task<int> RunAsync()
    {
        var data = Directory.CreateTempSubdirectory("plinth-cost");
        Console.SetOut(TextWriter.Null); // the API's log lines are formatted as usual, then dropped
        try
        {
            await using var api = new WebApplicationFactory<SystemDb>().WithWebHostBuilder(host => host
                .UseEnvironment("Production")
                .UseContentRoot(ApiProjectFolder())
                .UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(data.FullName, "cost.db")}")
                .UseSetting("Bootstrap:ClientId", "cost-admin")
                .UseSetting("Bootstrap:ClientSecret", "cost-admin-secret")
                .UseSetting("RateLimiting:PermitLimit", "2000000000"));
            var seeded = await LoadSeed.SeedAsync(api.Server.BaseAddress, () => api.Server.CreateHandler(), "cost-admin", "cost-admin-secret");
            using var http = new HttpClient(api.Server.CreateHandler()) { BaseAddress = api.Server.BaseAddress };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", seeded.Token);
            var tenant = $"v1/tenants/{seeded.Tenant}";

            Console.Error.WriteLine($"{"operation",-20} {"bytes/request",14} {"CPU µs/request",15}");
            foreach (var (name, path) in new[]
                     {
                         ("GET /health/live", "health/live"),
                         ("GET one unit", $"{tenant}/units/{seeded.UnitId}"),
                         ("list 50 units", $"{tenant}/units?limit=50"),
                         ("GET one discount", $"{tenant}/discounts/{seeded.DiscountId}"),
                     })
            {
                await MeasureAsync(http, path, Requests / 10); // JIT and pools
                var (bytes, cpu) = await MeasureAsync(http, path, Requests);
                Console.Error.WriteLine($"{name,-20} {bytes,14:0} {cpu,15:0}");
            }

            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            data.Delete(recursive: true);
        }
    }

    static string ApiProjectFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Platform.sln")))
                return Path.Combine(folder.FullName, "src", "Platform.Api");
        }

        throw new InvalidOperationException("Run request-cost from the repository's build output (dotnet run --project tests/Platform.Load).");
    }

    static async Task<(double Bytes, double CpuMicroseconds)> MeasureAsync(HttpClient http, string path, int requests)
    {
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < requests; i++)
        {
            using var response = await http.GetAsync(path);
            await response.Content.CopyToAsync(Stream.Null);
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        process.Refresh();
        return ((double)allocated / requests, (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / requests);
    }
}
