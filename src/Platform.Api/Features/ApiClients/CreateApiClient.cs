using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using FluentValidation;
using Platform.Api.Errors;
using Platform.Api.Persistence;
using Platform.Api.Security;
using Platform.Api.Validation;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.ApiClients;

public sealed class CreateApiClientRequest
{
    /// <summary>What the client is, for people reading the list: e.g. "Staedion verhuursysteem".</summary>
    [Required]
    public string DisplayName { get; init; } = "";

    /// <summary>Scopes the client may request; any scope except the platform scopes.</summary>
    [Required]
    public IReadOnlyList<ApiScope> Scopes { get; init; } = [];
}

public sealed class CreateApiClientValidator : Validator<CreateApiClientRequest>
{
    public CreateApiClientValidator()
    {
        RuleFor(r => r.DisplayName).NotEmpty().TextLength(FieldLimits.Name);
        RuleFor(r => r.Scopes).NotEmpty().MaxCount(ApiScopes.Count);
        RuleForEach(r => r.Scopes)
            .Must(s => !ApiScopes.PlatformOnly.Contains(EnumText<ApiScope>.ToText(s)))
            .WithMessage("A tenant's client cannot hold platform scopes (platform:admin, platform:operations).");
    }
}

public sealed class CreatedApiClientResponse
{
    [MaxLength(FieldLimits.ClientId)]
    [RegularExpression(FieldLimits.ClientIdPattern)]
    public required string ClientId { get; init; }

    /// <summary>Shown only in this response; only a hash is stored.</summary>
    [MaxLength(FieldLimits.ClientSecret)]
    [RegularExpression(FieldLimits.ClientSecretPattern)]
    public required string ClientSecret { get; init; }

    [MaxLength(FieldLimits.Name)]
    public required string DisplayName { get; init; }

    [MaxLength(ApiScopes.Count)]
    public required IReadOnlyList<ApiScope> Scopes { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}

public sealed class CreateApiClientEndpoint(TenantContext tenant, ApiClientStore clients) : Endpoint<CreateApiClientRequest, CreatedApiClientResponse>
{
    public override void Configure()
    {
        Post("/v1/tenants/{tenant}/clients");
        Scopes(ApiScopes.PlatformAdmin, ApiScopes.TenantAdmin);
        Summary(s =>
        {
            s.Summary = "Create an API client";
            s.Description = "Creates a client-credentials client acting for this tenant. A tenant's client may grant only scopes its "
                            + "own token holds (403 otherwise); the platform administrator may grant any tenant scope. The secret is in "
                            + "this response only, which is also why this create takes no Idempotency-Key: a replay would have to store the secret.";
        });
        Description(b => b.ClearDefaultProduces(200).Produces<CreatedApiClientResponse>(201));
    }

    public override async Task HandleAsync(CreateApiClientRequest req, CancellationToken ct)
    {
        var notHeld = ScopesNotHeld(User, req.Scopes.Select(EnumText<ApiScope>.ToText));
        if (notHeld.Count > 0)
        {
            await Send.ResultAsync(Problems.Create(StatusCodes.Status403Forbidden,
                $"A client may grant only scopes it holds itself; this one does not hold {string.Join(", ", notHeld)}."));
            return;
        }

        var clientId = ClientSecrets.NewClientId(tenant.Current.Slug);
        var (row, secret) = await clients.CreateAsync(
            tenant.Id, clientId, req.DisplayName.Trim(), req.Scopes.Select(EnumText<ApiScope>.ToText), secret: null, ct);

        await Send.CreatedAtAsync<GetApiClientEndpoint>(
            new { tenant = tenant.Current.Slug, clientId = row.ClientId },
            new CreatedApiClientResponse
            {
                ClientId = row.ClientId,
                ClientSecret = secret,
                DisplayName = row.DisplayName,
                Scopes = ApiClientResponse.ScopesOf(row),
                CreatedAt = row.CreatedAt,
            },
            cancellation: ct);
    }

    /// <summary>The scopes the caller may not hand out: none for the platform administrator, else those its token lacks.</summary>
    static List<string> ScopesNotHeld(System.Security.Claims.ClaimsPrincipal caller, IEnumerable<string> scopes) =>
        caller.HasScope(ApiScopes.PlatformAdmin) ? [] : scopes.Where(s => !caller.HasScope(s)).Distinct().ToList();
}
