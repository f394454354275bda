namespace Platform.Api.Features.Tenders;

public sealed class CloseTenderEndpoint(TenderStore tenders) : TenderTransitionEndpoint(tenders, TenderTransition.Close)
{
    public override void Configure() => Transition("Close a tender",
        "Stops taking applications before closesAt (the reminder scan closes an open tender at closesAt by itself).");
}
