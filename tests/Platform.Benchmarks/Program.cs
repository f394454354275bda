using System.Globalization;
using Platform.Api.Persistence;
using Platform.Benchmarks;

// dotnet run -c Release --project tests/Platform.Benchmarks [-- reminder-scan | reports | ranking | listing]
DapperTypeHandlers.Register();
if (args is ["ranking"])
{
    RankingBenchmark.Run();
    await RankingBenchmark.RunEndpointAsync();
    return;
}

if (args.FirstOrDefault() == "reports")
{
    Console.WriteLine("Reports on SQLite through the API in this process (Release), year 2026; times in ms.");
    Console.WriteLine($"{"request",-40} {"bytes",9} {"first",8} {"median",8} {"max",8} {"cpu",8}");
    foreach (var timing in await ReportsBenchmark.RunAsync(rounds: 20))
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{timing.Request,-40} {timing.Bytes,9} {timing.FirstMs,8:0.0} {timing.MedianMs,8:0.0} {timing.MaxMs,8:0.0} {timing.MedianCpuMs,8:0.0}"));
    return;
}

if (args.FirstOrDefault() == "listing")
{
    await ListingBenchmark.RunAsync(rounds: 20);
    return;
}

Console.WriteLine("Reminder scan on SQLite: one scan over N active discounts with D evaluations due today, then a rerun.");
Console.WriteLine($"{"stored",9} {"due",6} {"written",8} {"scan ms",9} {"ms/due",7} {"rerun ms",9} {"seed s",7}");
await ReminderScanBenchmark.RunAsync(1_000, 10); // warm-up: JIT and SQLite, not reported
ReminderScanBenchmark.Result? last = null;
foreach (var (stored, due) in new[] { (10_000, 100), (100_000, 1_000), (100_000, 100) })
{
    last = await ReminderScanBenchmark.RunAsync(stored, due);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{last.Discounts,9} {last.Due,6} {last.Written,8} {last.Scan.TotalMilliseconds,9:0.0} {last.Scan.TotalMilliseconds / last.Due,7:0.00} {last.Rerun.TotalMilliseconds,9:0.0} {last.Seed.TotalSeconds,7:0.0}"));
    if (last.Written != due || last.WrittenByRerun != 0)
        throw new InvalidOperationException($"Expected {due} notifications and none on the rerun, got {last.Written} and {last.WrittenByRerun}.");
}

Console.WriteLine($"query plan of the due-evaluation scan: {last!.Plan}");
