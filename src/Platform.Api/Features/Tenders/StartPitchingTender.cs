namespace Platform.Api.Features.Tenders;

public sealed class StartPitchingTenderEndpoint(TenderStore tenders) : TenderTransitionEndpoint(tenders, TenderTransition.StartPitching)
{
    public override void Configure() => Transition("Start the pitching of a shortlisted tender",
        "The jury hears the shortlisted applicants and scores them with their juror keys. Needs at least one active resident and one "
        + "active professional juror (409 tender-jury-incomplete otherwise).");
}
