using Platform.Api.Features.Sharing;

namespace Platform.Api.Tenancy;

/// <summary>
/// Endpoint metadata: this GET also answers a grantee whose active grant shares <see cref="Resource"/> and whose token holds
/// <see cref="ReadScope"/>; it then reads through <see cref="GranteeDb"/>. A route without it answers every grantee 404.
/// </summary>
public sealed record GranteeReadable(SharedResource Resource, string ReadScope);
