using FastEndpoints;
using FluentValidation;
using Platform.Api.Concurrency;
using Platform.Api.OpenApi;
using Platform.Api.Security;

namespace Platform.Api.Features.DiscountPolicy;

/// <summary>The whole policy; a rule left out (or null) does not apply.</summary>
public sealed class UpdateDiscountPolicyRequest
{
    /// <summary>The least a discounted rent lies below the unit's market rent, in percent (Staedion: 10).</summary>
    public int? MinBelowMarketPercent { get; init; }

    /// <summary>The most a discounted rent lies below the unit's market rent, in percent (Staedion: 40).</summary>
    public int? MaxBelowMarketPercent { get; init; }

    /// <summary>The longest term of a discount, and of each period an evaluation opens, in calendar months (Staedion: 12).</summary>
    public int? MaxTermMonths { get; init; }

    /// <summary>Discounts only for units whose plinth lies in a priority neighbourhood (the plinth's priorityNeighbourhood).</summary>
    public bool? PriorityNeighbourhoodsOnly { get; init; }
}

public static class DiscountPolicyFields
{
    public const int MaxTermMonthsLimit = 120;
}

public sealed class UpdateDiscountPolicyValidator : Validator<UpdateDiscountPolicyRequest>
{
    public UpdateDiscountPolicyValidator()
    {
        RuleFor(p => p.MinBelowMarketPercent).InclusiveBetween(0, 100);
        RuleFor(p => p.MaxBelowMarketPercent).InclusiveBetween(0, 100);
        RuleFor(p => p.MaxBelowMarketPercent).GreaterThanOrEqualTo(p => p.MinBelowMarketPercent).When(p => p.MinBelowMarketPercent is not null)
            .WithMessage("'maxBelowMarketPercent' must not be below 'minBelowMarketPercent'.");
        RuleFor(p => p.MaxTermMonths).InclusiveBetween(1, DiscountPolicyFields.MaxTermMonthsLimit);
    }
}

public sealed class UpdateDiscountPolicyEndpoint(DiscountPolicyStore policies) : Endpoint<UpdateDiscountPolicyRequest, DiscountPolicyResponse>
{
    public override void Configure()
    {
        Put("/v1/tenants/{tenant}/discount-policy");
        Scopes(ApiScopes.TenantAdmin);
        Summary(s =>
        {
            s.Summary = "Set the discount policy";
            s.Description = "Replaces the tenant's discount policy (scope tenant:admin: those who grant discounts do not set their own "
                            + "limits). A discount or an evaluation that continues or steps one up outside the policy is refused with 422 "
                            + "urn:plinth:problem:discount-policy naming the rule. Requires If-Match with the ETag last read (\"0\" before "
                            + "the first policy).";
        });
        Description(b => b.WithMetadata(RequiresIfMatch.Instance));
    }

    public override async Task HandleAsync(UpdateDiscountPolicyRequest req, CancellationToken ct)
    {
        var outcome = await policies.ReplaceAsync(HttpContext.ExpectedVersion(), req, ct);
        if (outcome.Status != WriteStatus.Done)
        {
            await Send.ResultAsync(outcome.Problem());
            return;
        }

        HttpContext.Response.DescribeResource(outcome.Value!.Version);
        await Send.OkAsync(DiscountPolicyResponse.From(outcome.Value), ct);
    }
}
