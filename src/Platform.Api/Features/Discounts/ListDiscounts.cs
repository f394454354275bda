using System.ComponentModel;
using FastEndpoints;
using Platform.Api.Paging;
using Platform.Api.Persistence;
using Platform.Api.Security;

namespace Platform.Api.Features.Discounts;

public sealed class ListDiscountsRequest : PageQuery
{
    /// <summary>Only the discounts of this lease.</summary>
    public Guid? LeaseId { get; init; }

    [Description("Only upcoming, active or ended discounts (as of today).")]
    public TermStatus? Status { get; init; }

    /// <summary>Only discounts with an unevaluated period whose evaluation is due before this date.</summary>
    public DateOnly? EvaluationDueBefore { get; init; }
}

public sealed class ListDiscountsValidator : Validator<ListDiscountsRequest>
{
    public ListDiscountsValidator() => this.IncludePageRules(idOrdered: true);
}

public sealed class ListDiscountsEndpoint(DiscountStore discounts) : Endpoint<ListDiscountsRequest, Page<DiscountResponse>>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/discounts");
        Scopes(ApiScopes.DiscountsRead, ApiScopes.DiscountsWrite);
        Summary(s =>
        {
            s.Summary = "List rent discounts";
            s.Description = "The tenant's discounts in the order they were granted, optionally filtered.";
        });
    }

    public override async Task HandleAsync(ListDiscountsRequest req, CancellationToken ct)
    {
        var filter = new DiscountFilter
        {
            LeaseId = req.LeaseId,
            Status = req.Status is { } status ? EnumText<TermStatus>.ToText(status) : null,
            EvaluationDueBefore = req.EvaluationDueBefore,
        };
        var rows = await discounts.ListAsync(filter, req.AfterId, req.ReadLimit, ct);
        await Send.OkAsync(Page<DiscountResponse>.From(rows, req.Limit, d => DiscountResponse.From(d, discounts.StatusOf(d.Discount)), d => d.Discount.Id.ToString()), ct);
    }
}
