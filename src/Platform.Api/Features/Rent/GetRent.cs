using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using FluentValidation;
using Platform.Api.Errors;
using Platform.Api.Features.Discounts;
using Platform.Api.Security;

namespace Platform.Api.Features.Rent;

public sealed class GetRentRequest
{
    /// <summary>The day; the rent is the monthly rent in force on it.</summary>
    [Required]
    public DateOnly On { get; init; }
}

public sealed class GetRentValidator : Validator<GetRentRequest>
{
    public GetRentValidator() => RuleFor(r => r.On).NotEmpty();
}

public sealed class GetRentEndpoint(DiscountStore discounts) : Endpoint<GetRentRequest, RentResponse>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/leases/{leaseId:guid}/rent");
        Scopes(ApiScopes.DiscountsRead, ApiScopes.DiscountsWrite, ApiScopes.LeasesRead);
        Summary(s =>
        {
            s.Summary = "Get a lease's rent on a day";
            s.Description = "The base rent, the discount in force and the effective monthly rent, in euro cents.";
        });
    }

    public override async Task HandleAsync(GetRentRequest req, CancellationToken ct)
    {
        var leaseId = Route<Guid>("leaseId");
        var lease = await discounts.LeaseAsync(leaseId, ct);
        if (lease is null)
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        var rent = new LeaseRent(lease, await discounts.OfLeaseAsync(leaseId, ct));
        await Send.OkAsync(rent.On(req.On), ct);
    }
}
