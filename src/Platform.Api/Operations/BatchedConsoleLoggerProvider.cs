using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Platform.Api.Operations;

/// <summary>
/// The console logger's lines, formatted by the configured console formatter with its options (JSON lines, see
/// appsettings.json) on the caller's thread, so timestamps and scopes are the caller's, then queued without a lock and
/// written by one writer thread in batches, flushed whenever it has drained the queue.
/// The framework's console logger takes a lock and signals its writer for every line: profiled under load (issue 14),
/// that lock was three quarters of a request line's cost. Like the framework's logger in its default mode, a caller
/// waits when the queue is full rather than drop a line.
/// </summary>
[ProviderAlias("Console")]
public sealed class BatchedConsoleLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    const int Capacity = 10_000;
    const int BatchChars = 64 * 1024;

    // A request line with its scopes is 1-2 K characters: a smaller buffer grew (allocated) again for every line
    // (measured, issue 14). Only a rare longer one (an exception's stack) is let go.
    const int FormattedChars = 8 * 1024;

    [ThreadStatic] static StringWriter? _formatted;

    readonly ConcurrentQueue<Line> _lines = new();
    readonly SemaphoreSlim _wake = new(0);
    readonly IOptionsMonitor<ConsoleLoggerOptions> _options;
    readonly Dictionary<string, ConsoleFormatter> _formatters;
    readonly IDisposable? _reload;
    readonly Thread _writer;
    ConsoleFormatter _formatter;
    IExternalScopeProvider? _scopes;
    int _queued;
    int _writerAsleep;
    volatile bool _stopping;

    public BatchedConsoleLoggerProvider(IOptionsMonitor<ConsoleLoggerOptions> options, IEnumerable<ConsoleFormatter> formatters)
    {
        _options = options;
        _formatters = formatters.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        _formatter = FormatterFor(options.CurrentValue);
        _reload = options.OnChange(changed => _formatter = FormatterFor(changed));
        _writer = new Thread(WriteBatches) { IsBackground = true, Name = "Console log writer" };
        _writer.Start();
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
        _reload?.Dispose();
        _stopping = true;
        _wake.Release();
        _writer.Join(TimeSpan.FromSeconds(5));
    }

    ConsoleFormatter FormatterFor(ConsoleLoggerOptions options) =>
        _formatters.GetValueOrDefault(options.FormatterName ?? ConsoleFormatterNames.Simple) ?? _formatters[ConsoleFormatterNames.Simple];

    void Write<TState>(in LogEntry<TState> entry)
    {
        var formatted = _formatted ??= new StringWriter();
        _formatter.Write(in entry, _scopes, formatted);
        var text = formatted.GetStringBuilder();
        if (text.Length == 0)
            return;
        var line = new Line(text.ToString(), entry.LogLevel >= _options.CurrentValue.LogToStandardErrorThreshold);
        text.Clear();
        if (text.Capacity > FormattedChars)
            text.Capacity = FormattedChars;

        while (Interlocked.Increment(ref _queued) > Capacity && !_stopping)
        {
            Interlocked.Decrement(ref _queued);
            Thread.Sleep(1);
        }

        _lines.Enqueue(line);
        if (Volatile.Read(ref _writerAsleep) == 1 && Interlocked.Exchange(ref _writerAsleep, 0) == 1)
            _wake.Release();
    }

    void WriteBatches()
    {
        var output = new StringBuilder();
        var errors = new StringBuilder();
        while (true)
        {
            while (_lines.TryDequeue(out var line))
            {
                Interlocked.Decrement(ref _queued);
                (line.ToError ? errors : output).Append(line.Text);
                if (output.Length + errors.Length >= BatchChars)
                    Flush(output, errors);
            }

            Flush(output, errors);
            if (_stopping && _lines.IsEmpty)
                return;

            // Asleep first, then look again: a line queued in between either is seen here or wakes the writer.
            Interlocked.Exchange(ref _writerAsleep, 1);
            if (!_lines.IsEmpty && Interlocked.Exchange(ref _writerAsleep, 0) == 1)
                continue;
            _wake.Wait(TimeSpan.FromSeconds(1));
            Interlocked.Exchange(ref _writerAsleep, 0);
        }
    }

    static void Flush(StringBuilder output, StringBuilder errors)
    {
        Flush(output, Console.Out);
        Flush(errors, Console.Error);
    }

    static void Flush(StringBuilder batch, TextWriter console)
    {
        if (batch.Length == 0)
            return;
        try
        {
            console.Write(batch);
            console.Flush();
        }
        catch (IOException)
        {
            // A closed or full stdout must not end the process; the batch is lost.
        }

        batch.Clear();
    }

    readonly record struct Line(string Text, bool ToError);

    sealed class Logger(string category, BatchedConsoleLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                provider.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter));
        }
    }
}

public static class BatchedConsoleLogging
{
    /// <summary>
    /// Replaces the host's console logger with <see cref="BatchedConsoleLoggerProvider"/>; formatters, options and filters stay,
    /// and <see cref="FlatJsonConsoleFormatter"/> joins them.
    /// </summary>
    public static ILoggingBuilder AddBatchedConsole(this ILoggingBuilder logging)
    {
        logging.AddConsole().AddConsoleFormatter<FlatJsonConsoleFormatter, JsonConsoleFormatterOptions>();
        foreach (var console in logging.Services.Where(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider)).ToList())
            logging.Services.Remove(console);
        logging.Services.AddSingleton<ILoggerProvider, BatchedConsoleLoggerProvider>();
        return logging;
    }
}
