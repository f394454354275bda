namespace Platform.Api.Features.Tenders;

public sealed class ShortlistTenderEndpoint(TenderStore tenders) : TenderTransitionEndpoint(tenders, TenderTransition.Shortlist)
{
    public override void Configure() => Transition("Mark a closed tender shortlisted",
        "Records that the landlord has made its shortlist of a closed tender.");
}
