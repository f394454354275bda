using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Platform.Api.Operations;

/// <summary>
/// A JSON object per log line, each value once: <c>Timestamp</c>, <c>EventId</c>, <c>LogLevel</c>, <c>Category</c>,
/// <c>Message</c>, <c>Exception</c> when there is one, the message's values in <c>State</c> (without its template), and in
/// <c>Scope</c> the values of every scope the line is written in (a scope that is only text as <c>Text</c>, <c>Text2</c>, …).
/// The framework's JSON formatter also writes each scope's text beside its values, and the message's template: a request
/// line of 850 bytes where this one writes 535 (issue 14).
/// It reads the JSON formatter's options (<c>Logging:Console:FormatterOptions</c>): timestamp format, UTC, scopes, indentation.
/// </summary>
public sealed class FlatJsonConsoleFormatter(IOptionsMonitor<JsonConsoleFormatterOptions> options) : ConsoleFormatter(Name)
{
    public new const string Name = "flat-json";

    const string TemplateKey = "{OriginalFormat}";

    // A line is written on every request: its bytes go through a buffer kept per thread, let go only after a rare long line
    // (an exception's stack), as BatchedConsoleLoggerProvider keeps its text.
    const int KeptBufferBytes = 16 * 1024;

    [ThreadStatic] static ArrayBufferWriter<byte>? _buffer;

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (logEntry.Exception is null && message is null)
            return;
        var settings = options.CurrentValue;
        var buffer = _buffer is { Capacity: <= KeptBufferBytes } kept ? kept : _buffer = new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer, settings.JsonWriterOptions))
        {
            json.WriteStartObject();
            if (settings.TimestampFormat is { } format)
                WriteTimestamp(json, settings.UseUtcTimestamp ? DateTimeOffset.UtcNow : DateTimeOffset.Now, format);
            json.WriteNumber("EventId", logEntry.EventId.Id);
            json.WriteString("LogLevel", logEntry.LogLevel.ToString());
            json.WriteString("Category", logEntry.Category);
            json.WriteString("Message", message);
            if (logEntry.Exception is { } exception)
                json.WriteString("Exception", exception.ToString());
            if (logEntry.State is IReadOnlyList<KeyValuePair<string, object?>> values)
                WriteState(json, values);
            if (settings.IncludeScopes && scopeProvider is not null)
                WriteScopes(json, scopeProvider);
            json.WriteEndObject();
        }

        WriteLine(buffer.WrittenSpan, textWriter);
    }

    /// <summary>The message's values, if it has any besides its template.</summary>
    static void WriteState(Utf8JsonWriter json, IReadOnlyList<KeyValuePair<string, object?>> values)
    {
        var started = false;
        for (var index = 0; index < values.Count; index++)
        {
            var (key, value) = values[index];
            if (key == TemplateKey)
                continue;
            if (!started)
            {
                json.WriteStartObject("State");
                started = true;
            }

            WriteValue(json, key, value);
        }

        if (started)
            json.WriteEndObject();
    }

    static void WriteTimestamp(Utf8JsonWriter json, DateTimeOffset now, string format)
    {
        Span<char> text = stackalloc char[64];
        if (now.TryFormat(text, out var written, format, CultureInfo.InvariantCulture))
            json.WriteString("Timestamp", text[..written]);
        else
            json.WriteString("Timestamp", now.ToString(format, CultureInfo.InvariantCulture));
    }

    static void WriteScopes(Utf8JsonWriter json, IExternalScopeProvider scopeProvider)
    {
        var scopes = new ScopeWriter(json);
        scopeProvider.ForEachScope(static (scope, writer) => writer.Write(scope), scopes);
        scopes.End();
    }

    /// <summary>The values of the scopes, in order, in one <c>Scope</c> object; a scope that is only text gets a numbered <c>Text</c> key.</summary>
    sealed class ScopeWriter(Utf8JsonWriter json)
    {
        int _texts;
        bool _started;

        public void Write(object? scope)
        {
            if (scope is null)
                return;
            if (!_started)
            {
                json.WriteStartObject("Scope");
                _started = true;
            }

            if (scope is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                    WriteValue(json, key, value);
            }
            else
            {
                _texts++;
                json.WriteString(_texts == 1 ? "Text" : $"Text{_texts}", Convert.ToString(scope, CultureInfo.InvariantCulture));
            }
        }

        public void End()
        {
            if (_started)
                json.WriteEndObject();
        }
    }

    static void WriteValue(Utf8JsonWriter json, string key, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull(key);
                break;
            case string text:
                json.WriteString(key, text);
                break;
            case bool flag:
                json.WriteBoolean(key, flag);
                break;
            case int number:
                json.WriteNumber(key, number);
                break;
            case long number:
                json.WriteNumber(key, number);
                break;
            case decimal number:
                json.WriteNumber(key, number);
                break;
            case double number when double.IsFinite(number):
                json.WriteNumber(key, number);
                break;
            case DateTimeOffset moment:
                json.WriteString(key, moment);
                break;
            case Guid id:
                json.WriteString(key, id);
                break;
            default:
                json.WriteString(key, Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>The UTF-8 line as characters into <paramref name="textWriter"/>, through a pooled buffer rather than a string.</summary>
    static void WriteLine(ReadOnlySpan<byte> line, TextWriter textWriter)
    {
        var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(line.Length));
        try
        {
            var count = Encoding.UTF8.GetChars(line, chars);
            textWriter.Write(chars.AsSpan(0, count));
            textWriter.Write(Environment.NewLine);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
