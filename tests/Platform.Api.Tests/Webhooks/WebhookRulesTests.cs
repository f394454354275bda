using System.Net;
using Platform.Api.Features.Webhooks;

namespace Platform.Api.Tests.Webhooks;

public sealed class WebhookRulesTests
{
    [Fact]
    public void Retries_wait_twice_as_long_each_time()
    {
        var options = new WebhookOptions { RetryBaseDelay = TimeSpan.FromSeconds(30) };

        Assert.Equal([30, 60, 120, 240, 480], Enumerable.Range(2, 5).Select(attempt => options.DelayBefore(attempt).TotalSeconds));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.20.30.40", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.0.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("64:ff9b::a00:1", true)]
    [InlineData("2002:a00:1::1", true)]
    [InlineData("::10.0.0.1", true)]
    [InlineData("64:ff9b::5db8:d822", false)]
    [InlineData("93.184.216.34", false)]
    [InlineData("2606:4700:4700::1111", false)]
    public void Internal_addresses_are_refused(string address, bool isInternal)
    {
        Assert.Equal(isInternal, WebhookAddresses.IsInternal(IPAddress.Parse(address)));
    }

    [Fact]
    public void The_signature_is_the_hex_hmac_of_timestamp_dot_body()
    {
        var signature = WebhookSender.Sign("whsec_test", 1_790_000_000, """{"type":"lease.ending"}""");

        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            "whsec_test"u8.ToArray(), System.Text.Encoding.UTF8.GetBytes("""1790000000.{"type":"lease.ending"}""")));
        Assert.Equal($"t=1790000000,v1={expected}", signature);
    }
}
