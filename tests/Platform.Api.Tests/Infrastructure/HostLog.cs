using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Platform.Api.Operations;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>
/// The recent log lines of one in-process API host, kept in memory: warnings and worse from every category, and the
/// request log's line of every request. <see cref="PlatformApp"/> adds it to the hosts it starts (the product's own
/// console logger stays). Each line carries the test it belongs to: the trace of the request that wrote it
/// (<see cref="TestTraceHandler"/>), else the test that started this host (null for a fixture's host); it is also handed
/// to <see cref="TestServerLogs"/>, which shows a failing test the lines it caused.
/// </summary>
public sealed class HostLog(string host) : ILoggerProvider
{
    public const int Capacity = 500;

    public static readonly string RequestLogCategory = typeof(RequestLogging).FullName!;

    readonly Queue<HostLogLine> _lines = new(Capacity);
    readonly ActivityTraceId? _startedByTest = TestTraceHandler.CurrentTestTrace;

    public string Host { get; } = host;

    public static bool Keeps(string category, LogLevel level) =>
        level is >= LogLevel.Warning and < LogLevel.None || (level == LogLevel.Information && category == RequestLogCategory);

    /// <summary>The last <see cref="Capacity"/> lines, oldest first.</summary>
    public IReadOnlyList<HostLogLine> Lines()
    {
        lock (_lines)
            return [.. _lines];
    }

    public ILogger CreateLogger(string categoryName) => new CategoryLogger(this, categoryName);

    public void Dispose()
    {
    }

    void Write(LogLevel level, string category, string message, Exception? exception)
    {
        // Read on the thread that logs: inside a request, Activity.Current is the request's and continues the test's trace.
        var trace = Activity.Current?.TraceId is { } requestTrace && requestTrace != default ? requestTrace : _startedByTest;
        var line = new HostLogLine(DateTimeOffset.UtcNow, Host, level, category, message, exception?.ToString(), trace);
        lock (_lines)
        {
            if (_lines.Count == Capacity)
                _lines.Dequeue();
            _lines.Enqueue(line);
        }

        TestServerLogs.Collect(this, line);
    }

    sealed class CategoryLogger(HostLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => Keeps(category, logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                log.Write(logLevel, category, formatter(state, exception), exception);
        }
    }
}

/// <summary>One line a host logged; <paramref name="Exception"/> holds the exception's type, message and stack.</summary>
public sealed record HostLogLine(DateTimeOffset At, string Host, LogLevel Level, string Category, string Message, string? Exception, ActivityTraceId? Trace);
