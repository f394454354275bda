using FastEndpoints;
using Platform.Api.Concurrency;
using Platform.Api.Idempotency;
using Platform.Api.OpenApi;
using Platform.Api.Security;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Discounts;

public sealed class CreateEvaluationEndpoint(TenantContext tenant, DiscountStore discounts) : Endpoint<CreateEvaluationRequest, EvaluationResponse>
{
    public override void Configure()
    {
        Post("/v1/tenants/{tenant}/discounts/{discountId:guid}/evaluations");
        Scopes(ApiScopes.DiscountsWrite);
        Summary(s =>
        {
            s.Summary = "Evaluate a rent discount";
            s.Description = "Records, for the period named, the counter-performances achieved and the decision: continue (next period, "
                            + "same terms) or step_up (next period, a smaller discount), each with a new justification and new "
                            + "counter-performance targets, or end (the discount ends with this period). A decision never changes a month "
                            + "already begun: a late step_up applies from the first of the month after evaluatedOn, a late end ends the "
                            + "discount at the end of evaluatedOn's month. A period is evaluated once: 409 on a second try, and 409 when "
                            + "continuing would take a year of the budget line over that year's budget.";
        });
        Description(b => b.ClearDefaultProduces(200).Produces<EvaluationResponse>(201).ProducesProblems(StatusCodes.Status409Conflict)
            .WithMetadata(IdempotentPost.Instance));
    }

    public override async Task HandleAsync(CreateEvaluationRequest req, CancellationToken ct)
    {
        var discountId = Route<Guid>("discountId");
        var outcome = await discounts.EvaluateAsync(discountId, req, User.ClientIdOf() ?? "unknown", ct);
        if (outcome.Status != WriteStatus.Done)
        {
            await Send.ResultAsync(outcome.Problem());
            return;
        }

        var (discount, evaluation) = outcome.Value;
        await Send.CreatedAtAsync<GetEvaluationEndpoint>(
            new { tenant = tenant.Current.Slug, discountId, evaluationId = evaluation.Id }, EvaluationResponse.From(evaluation, discount), cancellation: ct);
    }
}
