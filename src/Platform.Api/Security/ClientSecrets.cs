using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Platform.Api.Security;

/// <summary>
/// Client secrets are 256 random bits generated here, so a single SHA-256 is enough to store them:
/// there is no low-entropy password to stretch, and token requests stay fast.
/// </summary>
public static class ClientSecrets
{
    public static string Generate() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string NewClientId(string prefix) =>
        $"{prefix}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string secret, string storedHash)
    {
        var actual = Encoding.ASCII.GetBytes(Hash(secret));
        var expected = Encoding.ASCII.GetBytes(storedHash);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
