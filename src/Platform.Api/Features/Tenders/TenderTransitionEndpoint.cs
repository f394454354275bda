using FastEndpoints;
using Platform.Api.Concurrency;
using Platform.Api.Idempotency;
using Platform.Api.OpenApi;
using Platform.Api.Persistence;
using Platform.Api.Security;

namespace Platform.Api.Features.Tenders;

/// <summary>
/// A state change of a tender, POSTed on <c>…/tenders/{tenderId}/{transition}</c>: <see cref="TenderRules"/> decides, and a
/// refusal is a 409 whose <c>allowedTransitions</c> names what the tender allows instead.
/// </summary>
public abstract class TenderTransitionEndpoint(TenderStore tenders, TenderTransition transition) : EndpointWithoutRequest<TenderResponse>
{
    protected void Transition(string summary, string effect)
    {
        // The route segment in kebab case (start-pitching), the transition's wire name in snake case (start_pitching).
        Post($"/v1/tenants/{{tenant}}/tenders/{{tenderId:guid}}/{EnumText<TenderTransition>.ToText(transition).Replace('_', '-')}");
        Scopes(ApiScopes.TendersWrite);
        Summary(s =>
        {
            s.Summary = summary;
            s.Description = effect + " 409 when the tender's status does not allow it, naming the transitions it allows (allowedTransitions). "
                            + "Accepts an Idempotency-Key.";
        });
        Description(b => b.ProducesProblems(StatusCodes.Status409Conflict).WithMetadata(IdempotentPost.Instance)
            .WithMetadata(new TakesNoIfMatch("A transition checks the tender's own status: 409 when it does not allow it.")));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var outcome = await tenders.TransitionAsync(Route<Guid>("tenderId"), transition, ct);
        if (outcome.Status != WriteStatus.Done)
        {
            await Send.ResultAsync(outcome.Problem());
            return;
        }

        HttpContext.Response.DescribeResource(outcome.Value!.Version);
        await Send.OkAsync(TenderResponse.From(outcome.Value, tenders.Now), ct);
    }
}
