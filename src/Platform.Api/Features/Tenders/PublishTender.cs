namespace Platform.Api.Features.Tenders;

public sealed class PublishTenderEndpoint(TenderStore tenders) : TenderTransitionEndpoint(tenders, TenderTransition.Publish)
{
    public override void Configure() => Transition("Publish a tender",
        "Makes a draft public (or available to the invited, for an invite tender) and fixes its criteria, weights, required sections and "
        + "eligibility; it opens for applications at opensAt. Its units become in_tender. 409 when the weights do not sum to 100, when "
        + "closesAt has passed, when a unit is not vacant, or (tender-several-units) when a draft from before a tender let exactly one "
        + "unit names several: update it to one.");
}
