using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using FluentValidation;
using Platform.Api.Errors;
using Platform.Api.Idempotency;
using Platform.Api.OpenApi;
using Platform.Api.Persistence;
using Platform.Api.Security;
using Platform.Api.Validation;

namespace Platform.Api.Features.Tenants;

public sealed class CreateTenantRequest
{
    /// <summary>3–63 lowercase letters, digits and hyphens; unique, and fixed once created.</summary>
    [Required]
    public string Slug { get; init; } = "";

    [Required]
    public string Name { get; init; } = "";

    [Required]
    public TenantKind? Kind { get; init; }

    /// <summary>CBS municipality code: <c>GM</c> and four digits.</summary>
    [Required]
    public string MunicipalityCode { get; init; } = "";

    /// <summary>KvK number: eight digits.</summary>
    public string? KvkNumber { get; init; }
}

public sealed class CreateTenantValidator : Validator<CreateTenantRequest>
{
    public CreateTenantValidator()
    {
        RuleFor(r => r.Slug).Slug();
        RuleFor(r => r.Name).NotEmpty().TextLength(FieldLimits.Name);
        RuleFor(r => r.Kind).NotNull().IsInEnum();
        RuleFor(r => r.MunicipalityCode).MunicipalityCode();
        RuleFor(r => r.KvkNumber).KvkNumber().When(r => r.KvkNumber is not null);
    }
}

public sealed class CreateTenantEndpoint(TenantStore tenants, TimeProvider clock) : Endpoint<CreateTenantRequest, TenantResponse>
{
    public override void Configure()
    {
        Post("/v1/tenants");
        Scopes(ApiScopes.PlatformAdmin);
        Summary(s =>
        {
            s.Summary = "Create a tenant";
            s.Description = "Registers a municipality, housing corporation or collective. Platform administrators only. Accepts an Idempotency-Key.";
        });
        Description(b => b.ClearDefaultProduces(200).Produces<TenantResponse>(201).ProducesProblems(StatusCodes.Status409Conflict)
            .WithMetadata(IdempotentPost.Instance));
    }

    public override async Task HandleAsync(CreateTenantRequest req, CancellationToken ct)
    {
        var row = new TenantRow
        {
            Id = Ids.New(clock.GetUtcNow()),
            Slug = req.Slug,
            Name = req.Name.Trim(),
            Kind = EnumText<TenantKind>.ToText(req.Kind!.Value),
            MunicipalityCode = req.MunicipalityCode,
            KvkNumber = req.KvkNumber,
            CreatedAt = clock.GetUtcNow(),
        };

        if (!await tenants.TryInsertAsync(row, ct))
        {
            await Send.ResultAsync(Problems.Conflict("duplicate-slug", $"A tenant with slug '{req.Slug}' already exists."));
            return;
        }

        HttpContext.Response.Headers.Location = $"/v1/tenants/{row.Slug}";
        await Send.ResponseAsync(TenantResponse.From(row), StatusCodes.Status201Created, ct);
    }
}
