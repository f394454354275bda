using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using FluentValidation;
using Platform.Api.Errors;
using Platform.Api.Features.Discounts;
using Platform.Api.Security;

namespace Platform.Api.Features.Rent;

public sealed class GetRentScheduleRequest
{
    /// <summary>A day in the first month of the schedule.</summary>
    [Required]
    public DateOnly From { get; init; }

    /// <summary>A day in the last month of the schedule (at most 120 months after the first).</summary>
    [Required]
    public DateOnly To { get; init; }
}

public sealed class GetRentScheduleValidator : Validator<GetRentScheduleRequest>
{
    public GetRentScheduleValidator()
    {
        RuleFor(r => r.From).NotEmpty();
        RuleFor(r => r.To).NotEmpty().GreaterThanOrEqualTo(r => r.From).WithMessage("'to' must not be before 'from'.")
            .Must((r, to) => RentArithmetic.MonthStarts(r.From, to).Count() <= RentScheduleRules.MaxMonths)
            .WithMessage($"A schedule covers at most {RentScheduleRules.MaxMonths} months.");
    }
}

public sealed class GetRentScheduleEndpoint(DiscountStore discounts) : Endpoint<GetRentScheduleRequest, RentScheduleResponse>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/leases/{leaseId:guid}/rent-schedule");
        Scopes(ApiScopes.DiscountsRead, ApiScopes.DiscountsWrite, ApiScopes.LeasesRead);
        Summary(s =>
        {
            s.Summary = "Get a lease's rent schedule";
            s.Description = "One row per calendar month from 'from' to 'to': base, discount and effective rent in euro cents, each month "
                            + "at the terms in force on its first day, with the effective rent per m² per year and how far it lies below the "
                            + "unit's market rent and target rent.";
        });
    }

    public override async Task HandleAsync(GetRentScheduleRequest req, CancellationToken ct)
    {
        var leaseId = Route<Guid>("leaseId");
        var lease = await discounts.LeaseAsync(leaseId, ct);
        if (lease is null)
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        var rent = new LeaseRent(lease, await discounts.OfLeaseAsync(leaseId, ct));
        var months = RentArithmetic.MonthStarts(req.From, req.To).Select(rent.On).Select(r =>
        {
            var measures = r.LeaseInForce ? RentMeasures.Of(r.EffectiveCentsPerMonth, lease.Unit) : null;
            return new RentScheduleRow
            {
                Month = r.On,
                BaseCents = r.BaseCentsPerMonth,
                DiscountCents = r.DiscountCentsPerMonth,
                EffectiveCents = r.EffectiveCentsPerMonth,
                EffectiveCentsPerM2PerYear = measures?.EffectiveCentsPerM2PerYear,
                BelowMarketPercent = measures?.BelowMarketPercent,
                BelowTargetPercent = measures?.BelowTargetPercent,
            };
        }).ToList();
        await Send.OkAsync(new RentScheduleResponse
        {
            Months = months,
            TotalEffectiveCents = months.Sum(m => m.EffectiveCents),
            TotalDiscountCents = months.Sum(m => m.DiscountCents),
        }, ct);
    }
}
