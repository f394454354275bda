using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>
/// Sends each request of a running test with a W3C <c>traceparent</c> whose trace id is derived from that test's id. The
/// in-process API continues that trace in the request's Activity, so the log lines it writes for the request can be
/// attributed to the test that sent it (<see cref="HostLog"/>), also while tests run in parallel on a shared host.
/// </summary>
public sealed class TestTraceHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    const string TraceParent = "traceparent";

    public static ActivityTraceId TraceOf(string testId) =>
        ActivityTraceId.CreateFromBytes(SHA256.HashData(Encoding.UTF8.GetBytes(testId)).AsSpan(0, 16));

    /// <summary>The trace of the test running in this flow; null outside a test (a fixture's own requests).</summary>
    public static ActivityTraceId? CurrentTestTrace => TestContext.Current.Test?.UniqueID is { } testId ? TraceOf(testId) : null;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (CurrentTestTrace is { } trace && !request.Headers.Contains(TraceParent))
            request.Headers.TryAddWithoutValidation(TraceParent, $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        return base.SendAsync(request, cancellationToken);
    }
}
