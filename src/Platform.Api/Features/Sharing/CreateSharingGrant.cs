using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using FluentValidation;
using Platform.Api.Concurrency;
using Platform.Api.Errors;
using Platform.Api.Features.Tenants;
using Platform.Api.Idempotency;
using Platform.Api.OpenApi;
using Platform.Api.Security;
using Platform.Api.Tenancy;
using Platform.Api.Validation;

namespace Platform.Api.Features.Sharing;

public sealed class CreateSharingGrantRequest
{
    /// <summary>The tenant that may read, e.g. the municipality of the performance agreements.</summary>
    [Required]
    public string GranteeSlug { get; init; } = "";

    /// <summary>The kinds of data shared.</summary>
    [Required]
    public IReadOnlyList<SharedResource> Resources { get; init; } = [];

    /// <summary>Limits the grant to some plinths (with their units and leases); omit to share all of them.</summary>
    public SharingGrantFilter? Filter { get; init; }

    /// <summary>Why the data is shared, e.g. "prestatieafspraken 2026".</summary>
    [Required]
    public string Purpose { get; init; } = "";

    [Required]
    public DateOnly ValidFrom { get; init; }

    /// <summary>The last day of the grant; omit for no end.</summary>
    public DateOnly? ValidUntil { get; init; }
}

public sealed class SharingGrantFilterValidator : Validator<SharingGrantFilter>
{
    const string GivenListNotEmpty = "'{PropertyName}', when given, must hold at least one item; leave it out to limit nothing.";

    public SharingGrantFilterValidator()
    {
        RuleFor(f => f.MunicipalityCodes!).NotEmpty().WithMessage(GivenListNotEmpty)
            .MaxCount(SharingGrantFilter.MaxMunicipalityCodes).When(f => f.MunicipalityCodes is not null);
        RuleForEach(f => f.MunicipalityCodes).MunicipalityCode();
        RuleFor(f => f.PlinthIds!).NotEmpty().WithMessage(GivenListNotEmpty)
            .MaxCount(SharingGrantFilter.MaxPlinthIds).When(f => f.PlinthIds is not null);
    }
}

public sealed class CreateSharingGrantValidator : Validator<CreateSharingGrantRequest>
{
    public CreateSharingGrantValidator()
    {
        RuleFor(r => r.GranteeSlug).Slug();
        RuleFor(r => r.Resources).NotEmpty().MaxCount(SharingGrantRules.ResourceKinds);
        RuleFor(r => r.Filter!).SetValidator(new SharingGrantFilterValidator()).When(r => r.Filter is not null);
        RuleFor(r => r.Purpose).NotEmpty().TextLength(SharingGrantRules.PurposeLength);
        RuleFor(r => r.ValidFrom).NotEmpty();
        RuleFor(r => r.ValidUntil)
            .Must((r, until) => until is null || until >= r.ValidFrom)
            .WithMessage("'{PropertyName}' must not be before validFrom.");
    }
}

public sealed class CreateSharingGrantEndpoint(TenantContext tenant, TenantStore tenants, SharingGrantStore grants)
    : Endpoint<CreateSharingGrantRequest, SharingGrantResponse>
{
    public override void Configure()
    {
        Post("/v1/tenants/{tenant}/sharing-grants");
        Scopes(ApiScopes.TenantAdmin);
        Summary(s =>
        {
            s.Summary = "Share data with another tenant";
            s.Description = "Lets the grantee read the given kinds of this tenant's data, limited by the filter, from validFrom through "
                            + "validUntil. 400 on granteeSlug when it names no tenant or this one; 400 on filter.plinthIds[i] when it names no "
                            + "plinth of this tenant; 409 when a grant to the same grantee "
                            + "that is neither revoked nor expired shares one of the kinds during the new term. The grantee is notified "
                            + "(sharing_grant.created). Accepts an Idempotency-Key.";
        });
        Description(b => b.ClearDefaultProduces(200).Produces<SharingGrantResponse>(201).ProducesProblems(StatusCodes.Status409Conflict)
            .WithMetadata(IdempotentPost.Instance));
    }

    public override async Task HandleAsync(CreateSharingGrantRequest req, CancellationToken ct)
    {
        var grantee = await tenants.FindBySlugAsync(req.GranteeSlug, ct);
        if (grantee is null || grantee.Id == tenant.Id)
        {
            await Send.ResultAsync(Problems.Invalid("granteeSlug",
                grantee is null ? $"'granteeSlug' names no tenant: '{req.GranteeSlug}'." : "'granteeSlug' must name another tenant than the owner."));
            return;
        }

        var outcome = await grants.CreateAsync(grantee.Id, req, ct);
        if (outcome.Status != WriteStatus.Done)
        {
            await Send.ResultAsync(outcome.Problem());
            return;
        }

        await Send.CreatedAtAsync<GetSharingGrantEndpoint>(
            new { tenant = tenant.Current.Slug, grantId = outcome.Value!.Id },
            SharingGrantResponse.From(outcome.Value, grants.Today),
            cancellation: ct);
    }
}
