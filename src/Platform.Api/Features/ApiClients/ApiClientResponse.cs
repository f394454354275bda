using System.ComponentModel.DataAnnotations;
using Platform.Api.Persistence;
using Platform.Api.Security;
using Platform.Api.Validation;

namespace Platform.Api.Features.ApiClients;

public sealed class ApiClientResponse
{
    [MaxLength(FieldLimits.ClientId)]
    [RegularExpression(FieldLimits.ClientIdPattern)]
    public required string ClientId { get; init; }

    [MaxLength(FieldLimits.Name)]
    public required string DisplayName { get; init; }

    [MaxLength(ApiScopes.Count)]
    public required IReadOnlyList<ApiScope> Scopes { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public static ApiClientResponse From(ApiClientRow row) => new()
    {
        ClientId = row.ClientId,
        DisplayName = row.DisplayName,
        Scopes = ScopesOf(row),
        CreatedAt = row.CreatedAt,
    };

    public static IReadOnlyList<ApiScope> ScopesOf(ApiClientRow row) => row.ScopeList.Select(EnumText<ApiScope>.Parse).ToList();
}
