using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Platform.Api.Features.Jurors;
using Platform.Api.Validation;

namespace Platform.Api.Security;

/// <summary>
/// The credential of a neighbourhood juror, who has no account: the key it was given once, sent as the <c>Juror-Key</c> header.
/// It authenticates requests under <c>/v1/jury/</c> only (<see cref="Authentication"/> forwards those here, and nothing else),
/// while the juror is not revoked and its tender is not awarded or cancelled; otherwise 401.
/// </summary>
public sealed class JurorKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, JurorKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "JurorKey";
    public const string Header = "Juror-Key";
    public const string RoutePrefix = "/v1/jury/";

    public const string JurorIdClaim = "juror_id";
    public const string TenderIdClaim = "juror_tender_id";
    public const string OwnerIdClaim = "juror_owner_id";
    public const string OwnerSlugClaim = "juror_owner";

    /// <summary>The juror whose key authenticated the request (on a jury route, after authorization).</summary>
    public static Guid JurorIdOf(ClaimsPrincipal user) => Guid.Parse(user.FindFirst(JurorIdClaim)!.Value);

    public static bool Serves(PathString path) => path.StartsWithSegments(RoutePrefix.TrimEnd('/'), StringComparison.Ordinal);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values))
            return AuthenticateResult.NoResult();
        var key = values.ToString();
        if (values.Count != 1 || key.Length != 43 || !System.Text.RegularExpressions.Regex.IsMatch(key, FieldLimits.ClientSecretPattern))
            return AuthenticateResult.Fail("The Juror-Key header is not a juror key.");

        var juror = await keys.FindAsync(ClientSecrets.Hash(key), Context.RequestAborted);
        if (juror is not { Valid: true })
            return AuthenticateResult.Fail("The juror key is unknown or no longer valid (revoked, or its tender awarded or cancelled).");

        var identity = new ClaimsIdentity(
        [
            new Claim(JurorIdClaim, juror.JurorId.ToString()),
            new Claim(TenderIdClaim, juror.TenderId.ToString()),
            new Claim(OwnerIdClaim, juror.OwnerId.ToString()),
            new Claim(OwnerSlugClaim, juror.OwnerSlug),
            // The audit trail and the idempotency keys name the caller by its client id: a juror is "juror-<id>".
            new Claim(PlatformClaims.ClientId, $"juror-{juror.JurorId}"),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
