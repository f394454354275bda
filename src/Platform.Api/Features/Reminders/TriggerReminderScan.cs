using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using Platform.Api.Concurrency;
using Platform.Api.Idempotency;
using Platform.Api.Security;

namespace Platform.Api.Features.Reminders;

public sealed class ReminderScanResponse
{
    /// <summary>The day the scan looked from.</summary>
    public required DateOnly ScannedOn { get; init; }

    [Range(0, int.MaxValue)]
    public required int EvaluationsDue { get; init; }

    [Range(0, int.MaxValue)]
    public required int EvaluationsOverdue { get; init; }

    [Range(0, int.MaxValue)]
    public required int DiscountsEnding { get; init; }

    /// <summary>Leases that end on their end date (7:230a, other, 7:290 of at most two years) and end within 90 days.</summary>
    [Range(0, int.MaxValue)]
    public required int LeasesEnding { get; init; }

    /// <summary>7:290 leases whose notice deadline is a month away (lease.notice_deadline).</summary>
    [Range(0, int.MaxValue)]
    public required int LeaseNoticeDeadlines { get; init; }

    /// <summary>pitch_night.upcoming notices written: to landlords and to shortlisted applicant tenants, two days before a pitch night.</summary>
    [Range(0, int.MaxValue)]
    public required int PitchNightsUpcoming { get; init; }

    /// <summary>Open tenders the scan closed because closesAt had passed.</summary>
    [Range(0, int.MaxValue)]
    public required int TendersClosed { get; init; }

    /// <summary>tender.closing_soon notices written: to landlords, three days before a tender closes.</summary>
    [Range(0, int.MaxValue)]
    public required int TendersClosingSoon { get; init; }
}

public sealed class TriggerReminderScanEndpoint(ReminderScan scan) : EndpointWithoutRequest<ReminderScanResponse>
{
    public override void Configure()
    {
        Post("/v1/admin/reminder-scans");
        Scopes(ApiScopes.PlatformOperations);
        Summary(s =>
        {
            s.Summary = "Run a reminder scan now";
            s.Description = "Runs the scan the recurring job runs, and answers when it is done with the notifications it wrote. "
                            + "Running it again writes nothing twice. Platform operators only (platform:operations, held by the bootstrap client).";
        });
        Description(b => b.WithMetadata(IdempotentPost.Instance).WithMetadata(new TakesNoIfMatch("A scan writes each notification once, however often it runs.")));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var result = await scan.RunAsync(ct);
        await Send.OkAsync(new ReminderScanResponse
        {
            ScannedOn = result.ScannedOn,
            EvaluationsDue = result.EvaluationsDue,
            EvaluationsOverdue = result.EvaluationsOverdue,
            DiscountsEnding = result.DiscountsEnding,
            LeasesEnding = result.LeasesEnding,
            LeaseNoticeDeadlines = result.LeaseNoticeDeadlines,
            PitchNightsUpcoming = result.Tenders.PitchNightsUpcoming,
            TendersClosed = result.Tenders.Closed,
            TendersClosingSoon = result.Tenders.ClosingSoon,
        }, ct);
    }
}
