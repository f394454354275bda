using System.Text.Json.Serialization;

namespace Platform.Api.Security;

/// <summary>The scopes as the API's request and response bodies name them; the wire values are <see cref="ApiScopes"/>.</summary>
public enum ApiScope
{
    [JsonStringEnumMemberName(ApiScopes.PlatformAdmin)] PlatformAdmin,
    [JsonStringEnumMemberName(ApiScopes.PlatformOperations)] PlatformOperations,
    [JsonStringEnumMemberName(ApiScopes.TenantAdmin)] TenantAdmin,
    [JsonStringEnumMemberName(ApiScopes.PlinthsRead)] PlinthsRead,
    [JsonStringEnumMemberName(ApiScopes.PlinthsWrite)] PlinthsWrite,
    [JsonStringEnumMemberName(ApiScopes.LeasesRead)] LeasesRead,
    [JsonStringEnumMemberName(ApiScopes.LeasesWrite)] LeasesWrite,
    [JsonStringEnumMemberName(ApiScopes.DiscountsRead)] DiscountsRead,
    [JsonStringEnumMemberName(ApiScopes.DiscountsWrite)] DiscountsWrite,
    [JsonStringEnumMemberName(ApiScopes.TendersRead)] TendersRead,
    [JsonStringEnumMemberName(ApiScopes.TendersWrite)] TendersWrite,
    [JsonStringEnumMemberName(ApiScopes.ApplicationsSubmit)] ApplicationsSubmit,
    [JsonStringEnumMemberName(ApiScopes.ReportsRead)] ReportsRead,
    [JsonStringEnumMemberName(ApiScopes.ProgrammesRead)] ProgrammesRead,
    [JsonStringEnumMemberName(ApiScopes.ProgrammesWrite)] ProgrammesWrite,
}
