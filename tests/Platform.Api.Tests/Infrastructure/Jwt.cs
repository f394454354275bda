using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Platform.Api.Tests.Infrastructure;

public static class Jwt
{
    /// <summary>The claims of a JWT, read without checking its signature (the API checks that).</summary>
    public static JsonElement Payload(string token) =>
        JsonDocument.Parse(WebEncoders.Base64UrlDecode(token.Split('.')[1])).RootElement.Clone();
}
