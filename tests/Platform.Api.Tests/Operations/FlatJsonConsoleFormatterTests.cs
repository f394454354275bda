using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Platform.Api.Operations;

namespace Platform.Api.Tests.Operations;

/// <summary>A request line as RequestLogging writes it, in the scopes ASP.NET Core and RequestLogging open.</summary>
public sealed class FlatJsonConsoleFormatterTests
{
    static readonly List<KeyValuePair<string, object?>> RequestLine =
    [
        new("Method", "GET"), new("Path", "/v1/tenants/staedion/units"), new("StatusCode", 200), new("ElapsedMs", 3.25),
        new("{OriginalFormat}", "{Method} {Path} answered {StatusCode} in {ElapsedMs:0.0} ms"),
    ];

    static string Write(JsonConsoleFormatterOptions options, IExternalScopeProvider? scopes, Exception? exception = null)
    {
        var formatter = new FlatJsonConsoleFormatter(new FixedOptions(options));
        var entry = new LogEntry<List<KeyValuePair<string, object?>>>(
            exception is null ? LogLevel.Information : LogLevel.Error, "Platform.Api.Operations.RequestLogging", new EventId(42), RequestLine, exception,
            (_, _) => "GET /v1/tenants/staedion/units answered 200 in 3.3 ms");
        using var text = new StringWriter();
        formatter.Write(in entry, scopes, text);
        return text.ToString();
    }

    static LoggerExternalScopeProvider RequestScopes()
    {
        var scopes = new LoggerExternalScopeProvider();
        scopes.Push(new Dictionary<string, object?> { ["RequestId"] = "0HNQ:00000001", ["RequestPath"] = "/v1/tenants/staedion/units" });
        scopes.Push(new Dictionary<string, object?> { ["TraceId"] = "67a789f7eac447351cf1776fe6c24b0c", ["Tenant"] = "staedion", ["ClientId"] = null });
        scopes.Push("nightly reminder scan");
        scopes.Push("batch 7");
        return scopes;
    }

    [Fact]
    public void A_line_has_each_value_once_the_message_values_in_State_and_every_scope_value_in_Scope()
    {
        var line = Write(new JsonConsoleFormatterOptions { IncludeScopes = true, TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ", UseUtcTimestamp = true }, RequestScopes());

        Assert.EndsWith(Environment.NewLine, line);
        Assert.Single(line.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal(
            ["Timestamp", "EventId", "LogLevel", "Category", "Message", "State", "Scope"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.True(DateTimeOffset.TryParseExact(root.GetProperty("Timestamp").GetString(), "yyyy-MM-ddTHH:mm:ss.fffZ", null,
            System.Globalization.DateTimeStyles.AssumeUniversal, out _));
        Assert.Equal(42, root.GetProperty("EventId").GetInt32());
        Assert.Equal("Information", root.GetProperty("LogLevel").GetString());
        Assert.Equal("Platform.Api.Operations.RequestLogging", root.GetProperty("Category").GetString());
        Assert.Equal("GET /v1/tenants/staedion/units answered 200 in 3.3 ms", root.GetProperty("Message").GetString());
        Assert.Equal("""{"Method":"GET","Path":"/v1/tenants/staedion/units","StatusCode":200,"ElapsedMs":3.25}""", root.GetProperty("State").GetRawText());
        Assert.Equal(
            """{"RequestId":"0HNQ:00000001","RequestPath":"/v1/tenants/staedion/units","TraceId":"67a789f7eac447351cf1776fe6c24b0c","Tenant":"staedion","ClientId":null,"Text":"nightly reminder scan","Text2":"batch 7"}""",
            root.GetProperty("Scope").GetRawText());
    }

    [Fact]
    public void Without_scopes_or_a_timestamp_format_the_line_has_neither_and_an_exception_is_written_whole()
    {
        var failure = new InvalidOperationException("disk full");

        var line = Write(new JsonConsoleFormatterOptions { IncludeScopes = false }, RequestScopes(), failure);

        var root = JsonDocument.Parse(line).RootElement;
        Assert.False(root.TryGetProperty("Scope", out _));
        Assert.False(root.TryGetProperty("Timestamp", out _));
        Assert.Equal("Error", root.GetProperty("LogLevel").GetString());
        Assert.Equal(failure.ToString(), root.GetProperty("Exception").GetString());
    }

    sealed class FixedOptions(JsonConsoleFormatterOptions value) : IOptionsMonitor<JsonConsoleFormatterOptions>
    {
        public JsonConsoleFormatterOptions CurrentValue => value;

        public JsonConsoleFormatterOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<JsonConsoleFormatterOptions, string?> listener) => null;
    }
}
