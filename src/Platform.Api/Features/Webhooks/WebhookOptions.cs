using System.Net;
using System.Net.Sockets;

namespace Platform.Api.Features.Webhooks;

public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Hosts that may be plain http and on private or loopback addresses (e.g. 127.0.0.1 for a local receiver).</summary>
    public string[] AllowInsecureHosts { get; set; } = [];

    /// <summary>Attempts per delivery, the first included.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Wait before the second attempt; each later wait doubles (30 s, 1 min, 2 min, …).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a receiver may take to answer before the attempt counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool AllowsInsecure(string host) => AllowInsecureHosts.Contains(host, StringComparer.OrdinalIgnoreCase);

    public TimeSpan DelayBefore(int attempt) => RetryBaseDelay * Math.Pow(2, attempt - 2);
}

/// <summary>
/// Webhooks go to public https endpoints only: no private, loopback, link-local or otherwise internal
/// addresses (server-side request forgery), unless the host is listed in Webhooks:AllowInsecureHosts.
/// The address is checked when a webhook is registered and again on every connection (DNS may change).
/// </summary>
public static class WebhookAddresses
{
    public static string? ProblemWithUrl(string url, WebhookOptions options)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            return "Give an absolute https URL.";
        if (!string.IsNullOrEmpty(uri.UserInfo))
            return "The URL may not carry credentials.";
        if (options.AllowsInsecure(uri.Host))
            return null;
        if (uri.Scheme != "https")
            return "Webhook URLs must use https.";
        return null;
    }

    public static async Task<string?> ProblemWithHostAsync(string url, WebhookOptions options, CancellationToken ct)
    {
        var uri = new Uri(url);
        if (options.AllowsInsecure(uri.Host))
            return null;
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(uri.Host, ct);
        }
        catch (SocketException)
        {
            return $"The host '{uri.Host}' does not resolve.";
        }

        return addresses.Length == 0 || addresses.Any(IsInternal) ? $"The host '{uri.Host}' resolves to a private, loopback or link-local address." : null;
    }

    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None))
            return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (EmbeddedIPv4(address) is { } embedded)
                return IsInternal(embedded);
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast;
        }

        var b = address.GetAddressBytes();
        return b[0] switch
        {
            0 or 10 or 127 => true,
            100 => b[1] >= 64 && b[1] <= 127,          // carrier-grade NAT
            169 => b[1] == 254,                         // link-local, cloud metadata
            172 => b[1] >= 16 && b[1] <= 31,
            192 => (b[1] == 168) || (b[1] == 0 && b[2] == 0),
            198 => b[1] is 18 or 19,                    // benchmarking
            >= 224 => true,                             // multicast and reserved
            _ => false,
        };
    }

    /// <summary>The IPv4 address inside a NAT64 (64:ff9b::/96), 6to4 (2002::/16) or IPv4-compatible (::a.b.c.d) address.</summary>
    static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        var b = address.GetAddressBytes();
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.Skip(4).Take(8).All(x => x == 0))
            return new IPAddress(b[12..16]);
        if (b[0] == 0x20 && b[1] == 0x02)
            return new IPAddress(b[2..6]);
        if (b.Take(12).All(x => x == 0) && !b.Skip(12).All(x => x == 0))
            return new IPAddress(b[12..16]);
        return null;
    }

    /// <summary>Connects only to addresses <see cref="IsInternal"/> does not refuse (or to an allowed host).</summary>
    public static SocketsHttpHandler GuardedHandler(WebhookOptions options) => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        // A proxy would connect on our behalf to an address this guard never sees.
        UseProxy = false,
        ConnectCallback = async (context, ct) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
            var allowed = options.AllowsInsecure(host) ? addresses : addresses.Where(a => !IsInternal(a)).ToArray();
            if (allowed.Length == 0)
                throw new HttpRequestException($"Refused to connect to '{host}': it resolves to an internal address.");

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
