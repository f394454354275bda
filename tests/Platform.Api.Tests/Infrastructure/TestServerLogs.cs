using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using Xunit.v3;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>
/// The server log lines each running test caused, from every in-process host it talked to or started, gathered from the
/// test's start to its end (<see cref="ServerLogsOnFailureAttribute"/>). Gathered as they are written, so they outlive a
/// host the test disposed and are not pushed out of a shared host's <see cref="HostLog"/> by other tests' traffic.
/// </summary>
public static class TestServerLogs
{
    static readonly ConcurrentDictionary<ActivityTraceId, TestServerLog> Running = new();

    public static void Begin(string testId) => Running[TestTraceHandler.TraceOf(testId)] = new TestServerLog(DateTimeOffset.UtcNow);

    public static TestServerLog? End(string testId) => Running.TryRemove(TestTraceHandler.TraceOf(testId), out var log) ? log : null;

    /// <summary>What the running test has caused so far.</summary>
    public static TestServerLog OfCurrentTest() =>
        Running[TestTraceHandler.CurrentTestTrace ?? throw new InvalidOperationException("No test is running.")];

    internal static void Collect(HostLog host, HostLogLine line)
    {
        if (line.Trace is { } trace && Running.TryGetValue(trace, out var log))
            log.Add(host, line);
    }
}

/// <summary>The server log lines of one test (at most <see cref="HostLog.Capacity"/>, the latest), and the report of them.</summary>
public sealed class TestServerLog(DateTimeOffset started)
{
    readonly Queue<HostLogLine> _lines = new();
    readonly HashSet<HostLog> _hosts = [];
    int _dropped;

    public IReadOnlyList<HostLogLine> Lines()
    {
        lock (_lines)
            return [.. _lines];
    }

    internal void Add(HostLog host, HostLogLine line)
    {
        lock (_lines)
        {
            if (_lines.Count == HostLog.Capacity)
            {
                _lines.Dequeue();
                _dropped++;
            }

            _lines.Enqueue(line);
            _hosts.Add(host);
        }
    }

    /// <summary>
    /// The test's own lines, then what the same hosts wrote outside any request while the test ran (background jobs,
    /// which carry no trace): those are attributed by time alone, so on a shared host they may be another test's.
    /// </summary>
    public string Report()
    {
        HostLogLine[] own;
        HostLog[] hosts;
        int dropped;
        lock (_lines)
            (own, hosts, dropped) = ([.. _lines], [.. _hosts], _dropped);

        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"Server log lines of this test: {own.Length}")
            .AppendLine(dropped > 0 ? $" (and {dropped} earlier ones, dropped)" : "");
        foreach (var line in own)
            Append(report, line);

        var untraced = hosts.SelectMany(h => h.Lines()).Where(l => l.Trace is null && l.At >= started).OrderBy(l => l.At).ToList();
        if (untraced.Count > 0)
        {
            report.AppendLine("Written by the same hosts outside any request while this test ran (by time alone: may be another test's):");
            foreach (var line in untraced)
                Append(report, line);
        }

        return report.ToString();
    }

    static void Append(StringBuilder report, HostLogLine line)
    {
        report.Append(CultureInfo.InvariantCulture, $"  {line.At:HH:mm:ss.fff}Z {line.Host} {line.Level} {line.Category}: {line.Message}").AppendLine();
        if (line.Exception is not null)
            report.Append("    ").AppendLine(line.Exception.ReplaceLineEndings(Environment.NewLine + "    "));
    }
}

/// <summary>Adds the server log lines a test caused to its output when it fails (see <see cref="TestServerLogs"/>).</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class ServerLogsOnFailureAttribute : BeforeAfterTestAttribute
{
    public override void Before(MethodInfo methodUnderTest, IXunitTest test) => TestServerLogs.Begin(test.UniqueID);

    public override void After(MethodInfo methodUnderTest, IXunitTest test)
    {
        // xUnit sets the test's state before the After attributes run; a failure raised by another After (a contract
        // violation) is not in it yet.
        if (TestServerLogs.End(test.UniqueID) is { } log && TestContext.Current.TestState?.Result == TestResult.Failed && log.Lines().Count > 0)
            TestContext.Current.TestOutputHelper?.WriteLine(log.Report());
    }
}
