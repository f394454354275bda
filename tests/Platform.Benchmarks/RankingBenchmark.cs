using System.Diagnostics;
using System.Globalization;
using Platform.Api.Features.Awards;

namespace Platform.Benchmarks;

/// <summary>
/// The jury's ranking as a pure function over a large tender: 2,000 applications, 9 jurors, 5 criteria (90,000 scores),
/// every juror conflicted with one application in a hundred. Reports the median, fastest and slowest of 20 runs after warm-up.
/// </summary>
public static class RankingBenchmark
{
    public static void Run(int applications = 2_000, int jurors = 9, int criteria = 5, int runs = 20)
    {
        var random = new Random(17);
        var keys = Enumerable.Range(0, criteria).Select(i => new RankingCriterion($"criterion_{i}", 100 / criteria)).ToList();
        var applicationIds = Enumerable.Range(0, applications).Select(_ => Guid.NewGuid()).ToList();
        var jurorIds = Enumerable.Range(0, jurors).Select(_ => Guid.NewGuid()).ToList();
        var scores = (from application in applicationIds
                      from juror in jurorIds
                      from criterion in keys
                      select new JurorScore(juror, application, criterion.Key, random.Next(1, 11))).ToList();
        var conflicts = jurorIds.SelectMany(j => applicationIds.Where(_ => random.Next(100) == 0).Select(a => new JurorConflict(j, a))).ToList();

        for (var i = 0; i < 3; i++)
            RankingRules.Rank(keys, applicationIds, scores, conflicts);

        var times = new List<double>();
        long allocated = 0;
        IReadOnlyList<RankedApplication> ranking = [];
        for (var i = 0; i < runs; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            ranking = RankingRules.Rank(keys, applicationIds, scores, conflicts);
            watch.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Ranking (pure): {applications:N0} applications × {jurors} jurors × {criteria} criteria = {scores.Count:N0} scores, {conflicts.Count} conflicts"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  median {times[runs / 2]:0.0} ms, fastest {times[0]:0.0} ms, slowest {times[^1]:0.0} ms over {runs} runs; {allocated / 1024.0 / 1024.0:0.0} MiB allocated per run"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  ranked {ranking.Count(r => r.Rank is not null)}, tied {ranking.Count(r => r.Tied)}, best {ranking[0].WeightedScore}"));
    }
}
