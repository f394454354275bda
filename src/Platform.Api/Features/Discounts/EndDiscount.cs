using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using FluentValidation;
using Platform.Api.Concurrency;
using Platform.Api.Idempotency;
using Platform.Api.OpenApi;
using Platform.Api.Security;
using Platform.Api.Validation;

namespace Platform.Api.Features.Discounts;

public sealed class EndDiscountRequest
{
    /// <summary>The discount's new last day, within its term.</summary>
    [Required]
    public DateOnly EndDate { get; init; }

    [Required]
    public string Reason { get; init; } = "";
}

public sealed class EndDiscountValidator : Validator<EndDiscountRequest>
{
    public EndDiscountValidator()
    {
        RuleFor(r => r.EndDate).NotEmpty();
        RuleFor(r => r.Reason).NotEmpty().TextLength(1000);
    }
}

public sealed class EndDiscountEndpoint(DiscountStore discounts) : Endpoint<EndDiscountRequest, DiscountResponse>
{
    public override void Configure()
    {
        Post("/v1/tenants/{tenant}/discounts/{discountId:guid}/end");
        Scopes(ApiScopes.DiscountsWrite);
        Summary(s =>
        {
            s.Summary = "End a rent discount early";
            s.Description = "Ends the discount on the given day with a reason; its open evaluations lapse. 409 when it was ended already.";
        });
        Description(b => b.ProducesProblems(StatusCodes.Status409Conflict).WithMetadata(IdempotentPost.Instance)
            .WithMetadata(new TakesNoIfMatch("Ending checks the discount's own state: 409 when it ended already.")));
    }

    public override async Task HandleAsync(EndDiscountRequest req, CancellationToken ct)
    {
        var outcome = await discounts.EndAsync(Route<Guid>("discountId"), req, ct);
        if (outcome.Status != WriteStatus.Done)
        {
            await Send.ResultAsync(outcome.Problem());
            return;
        }

        HttpContext.Response.DescribeResource(outcome.Value!.Discount.Version);
        await Send.OkAsync(DiscountResponse.From(outcome.Value, discounts.StatusOf(outcome.Value.Discount)), ct);
    }
}
