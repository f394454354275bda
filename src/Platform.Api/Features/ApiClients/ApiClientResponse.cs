namespace Platform.Api.Features.ApiClients;

public sealed class ApiClientResponse
{
    public required string ClientId { get; init; }

    public required string DisplayName { get; init; }

    public required IReadOnlyList<string> Scopes { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public static ApiClientResponse From(ApiClientRow row) => new()
    {
        ClientId = row.ClientId,
        DisplayName = row.DisplayName,
        Scopes = row.ScopeList,
        CreatedAt = row.CreatedAt,
    };
}
