using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using FluentValidation;
using Platform.Api.Concurrency;
using Platform.Api.Idempotency;
using Platform.Api.Security;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Units;

public sealed class CreateUnitRequest : UnitFields
{
    /// <summary>The plinth the unit lies in.</summary>
    [Required]
    public Guid PlinthId { get; init; }
}

public sealed class CreateUnitValidator : Validator<CreateUnitRequest>
{
    public CreateUnitValidator()
    {
        RuleFor(u => u.PlinthId).NotEmpty();
        this.IncludeUnitFieldRules();
    }
}

public sealed class CreateUnitEndpoint(TenantContext tenant, UnitStore units) : Endpoint<CreateUnitRequest, UnitResponse>
{
    public override void Configure()
    {
        Post("/v1/tenants/{tenant}/units");
        Scopes(ApiScopes.PlinthsWrite);
        Summary(s =>
        {
            s.Summary = "Create a unit";
            s.Description = "Registers a lettable space in one of the tenant's plinths. Accepts an Idempotency-Key.";
        });
        Description(b => b.ClearDefaultProduces(200).Produces<UnitResponse>(201).WithMetadata(IdempotentPost.Instance));
    }

    public override async Task HandleAsync(CreateUnitRequest req, CancellationToken ct)
    {
        var outcome = await units.CreateAsync(req, ct);
        if (outcome.Status != WriteStatus.Done)
        {
            await Send.ResultAsync(outcome.Problem());
            return;
        }

        var row = outcome.Value!;
        HttpContext.Response.DescribeResource(row.Version, createdAt: $"/v1/tenants/{tenant.Current.Slug}/units/{row.Id}");
        await Send.ResponseAsync(UnitResponse.From(row), StatusCodes.Status201Created, ct);
    }
}
