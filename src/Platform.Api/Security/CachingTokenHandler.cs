using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Api.Security;

/// <summary>
/// Validates a bearer token with <see cref="JsonWebTokenHandler"/> the first time it is seen, then answers from
/// <see cref="ValidatedTokenCache"/>, on the validator's own clock, until the token expires. A token that differs
/// in any character hashes to another key, so it is validated afresh.
/// </summary>
public sealed class CachingTokenHandler(JsonWebTokenHandler inner, ValidatedTokenCache cache, Func<DateTimeOffset> now) : TokenHandler
{
    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (cache.TryGet(token, now(), out var validated))
            return validated.NewResult();

        var result = await inner.ValidateTokenAsync(token, validationParameters);
        cache.Add(token, result, now());
        return result;
    }
}
