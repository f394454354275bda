using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Tenders.ApplicationScenarios;

namespace Platform.Api.Tests.Tenders;

/// <summary>Rochdale's atelier tender after closing, with plans the landlord has checked against the eligibility.</summary>
public static class ShortlistScenarios
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// An open tender (the request's, or the atelier's) gets one plan from each submitter (the landlord's website when none is
    /// named), each marked eligible; then the tender is closed.
    /// </summary>
    public static async Task<ClosedTender> ClosedWithEligibleAsync(this Landlord landlord, int plans, CreateTenderRequest? request = null,
        params PlatformApi[] submitters)
    {
        var open = await landlord.PublishedAsync(request);
        var website = submitters.Length == 0 ? await landlord.Tenant.SignInAsync("applications:submit") : null;
        var eligible = new List<ApplicationResponse>();
        for (var i = 0; i < plans; i++)
        {
            var submitter = website ?? submitters[i % submitters.Length];
            var submitted = await submitter.Applications.SubmitApplicationAsync(open.Id, Plan(UniqueEmail($"plan{i}"), name: $"Plan {i + 1}"), cancellationToken: Ct);
            eligible.Add(await landlord.Api.Applications.AssessApplicationAsync(landlord.Slug, open.Id, submitted.Id,
                new AssessApplicationRequest { Decision = AssessmentDecision.Eligible, Reason = "Startende ondernemers." }, cancellationToken: Ct));
        }

        var closed = await landlord.Api.Tenders.CloseTenderAsync(landlord.Slug, open.Id, cancellationToken: Ct);
        return new ClosedTender(closed, eligible);
    }

    public static ShortlistTenderRequest Shortlist(params ApplicationResponse[] applications) => new()
    {
        Entries = [.. applications.Select(a => new ShortlistEntry { ApplicationId = a.Id, Note = $"Sterk etalageplan van {a.Applicant.Name}." })],
    };
}

public sealed record ClosedTender(TenderResponse Tender, IReadOnlyList<ApplicationResponse> Eligible)
{
    public Guid Id => Tender.Id;
}
