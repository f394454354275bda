namespace Platform.Api.Features.Tenders;

public sealed class CancelTenderEndpoint(TenderStore tenders) : TenderTransitionEndpoint(tenders, TenderTransition.Cancel)
{
    public override void Configure() => Transition("Cancel a tender",
        "Ends the tender without an award; its units that were in_tender are vacant again.");
}
