using Plinth.Platform.Client;
using Platform.Api.Tests.Discounts;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Tenders;
using Estate = Platform.Api.Tests.Infrastructure.RealEstate;

namespace Platform.Api.Tests.Contract;

/// <summary>
/// A tenant with one of everything, made through the generated client, so that the fuzz's path and body ids
/// resolve: Herderplein with a let atelier with a rent revision, a 25 % discount with an evaluation, a budget, a webhook, an API client, a
/// sharing grant to a municipality, an open tender for a second unit with an application from the tenant's own website and a juror,
/// and the Merwede development with its original programme, and a norm.
/// </summary>
public sealed class FuzzWorld
{
    /// <summary>The ids a world has, by the name the contract gives them in paths, queries and bodies.</summary>
    public static readonly string[] IdNames =
    [
        "tenant", "plinthId", "unitId", "leaseId", "discountId", "counterPerformanceId", "evaluationId", "budgetId",
        "webhookId", "deliveryId", "clientId", "notificationId", "entityId", "grantId", "granteeSlug", "revisionId", "tenderId", "applicationId", "jurorId",
        "developmentId", "versionId", "normId",
    ];

    FuzzWorld(PlatformApi owner, HttpClient juror, Dictionary<string, string> ids)
    {
        Owner = owner;
        Juror = juror;
        Ids = ids;
    }

    /// <summary>Signed in as the tenant's client holding every tenant scope.</summary>
    public PlatformApi Owner { get; }

    /// <summary>The tender's juror, with its key: the jury's routes take nothing else.</summary>
    public HttpClient Juror { get; }

    public IReadOnlyDictionary<string, string> Ids { get; }

    public static async Task<FuzzWorld> CreateAsync(PlatformApp app, CancellationToken ct)
    {
        // A municipality: any kind of tenant owns plinths, leases and tenders, and only a municipality sets norms.
        var tenant = await app.CreateTenantAsync(TenantKind.Municipality);
        var (api, client) = await tenant.ClientAsync(Scope.AllTenantScopes());
        var slug = tenant.Slug;
        var plinth = await api.Plinths.CreatePlinthAsync(slug, Estate.Herderplein(), cancellationToken: ct);
        var unit = await api.Units.CreateUnitAsync(slug, Estate.Atelier(plinth.Id), cancellationToken: ct);
        var lease = await api.Leases.CreateLeaseAsync(slug, Estate.Lease(unit.Id, new DateOnly(2026, 1, 1)), cancellationToken: ct);
        var revision = await api.RentRevisions.CreateRentRevisionAsync(slug, lease.Id, new CreateRentRevisionRequest
        {
            EffectiveFrom = FuzzSeeds.FirstOfMonthAhead(3), BaseRentCentsPerMonth = 103_000, Reason = RentRevisionReason.Indexation,
        }, cancellationToken: ct);
        var budget = await api.Budgets.CreateBudgetAsync(slug, new CreateBudgetRequest { Line = DiscountTests.Leefbaarheid, Year = 2026, AmountCents = 100_000_000 }, cancellationToken: ct);
        var discount = await api.Discounts.CreateDiscountAsync(slug, lease.Id, DiscountTests.TwentyFivePercent(), cancellationToken: ct);
        var counterPerformance = discount.CounterPerformances.Single();
        var evaluation = await api.Discounts.CreateEvaluationAsync(slug, discount.Id, EvaluationTests.Evaluation(discount, EvaluationDecision.Continue), cancellationToken: ct);
        var municipality = await app.CreateTenantAsync(TenantKind.Municipality);
        var grant = await api.Sharing.CreateSharingGrantAsync(slug, Sharing.SharingGrantTests.PerformanceAgreements(municipality.Slug), cancellationToken: ct);
        var vacant = await api.Units.CreateUnitAsync(slug, Estate.Atelier(plinth.Id), cancellationToken: ct);
        var tender = await api.Tenders.CreateTenderAsync(slug, Tenders.TenderScenarios.PitchJePlan([vacant.Id]), cancellationToken: ct);
        tender = await api.Tenders.PublishTenderAsync(slug, tender.Id, cancellationToken: ct);
        var application = await api.Applications.SubmitApplicationAsync(tender.Id, Tenders.ApplicationScenarios.Plan(Tenders.ApplicationScenarios.UniqueEmail()), cancellationToken: ct);
        var development = await api.Developments.CreateDevelopmentAsync(slug, Programmes.DevelopmentScenarios.Merwede(), cancellationToken: ct);
        var version = await api.Developments.CreateProgrammeVersionAsync(slug, development.Id, Programmes.DevelopmentScenarios.Original(), cancellationToken: ct);
        var norm = await api.Norms.CreateNormAsync(slug, Programmes.NormTests.AffordableShare(), cancellationToken: ct);
        var juror = await api.Jurors.CreateJurorAsync(slug, tender.Id, Tenders.JuryScenarios.Resident(), ct);
        var webhook = await api.Webhooks.CreateWebhookAsync(slug, new CreateWebhookRequest { Url = new Uri("https://93.184.215.14/hooks"), Events = [NotificationType.LeaseEnding] }, cancellationToken: ct);

        return new FuzzWorld(api, app.JurorHttp(juror.Key), new Dictionary<string, string>
        {
            ["tenant"] = slug,
            ["plinthId"] = plinth.Id.ToString(),
            ["unitId"] = unit.Id.ToString(),
            ["leaseId"] = lease.Id.ToString(),
            ["discountId"] = discount.Id.ToString(),
            ["counterPerformanceId"] = counterPerformance.Id.ToString(),
            ["evaluationId"] = evaluation.Id.ToString(),
            ["budgetId"] = budget.Id.ToString(),
            ["webhookId"] = webhook.Id.ToString(),
            ["clientId"] = client.ClientId,
            ["entityId"] = unit.Id.ToString(),
            ["grantId"] = grant.Id.ToString(),
            ["granteeSlug"] = municipality.Slug,
            ["revisionId"] = revision.Id.ToString(),
            ["tenderId"] = tender.Id.ToString(),
            ["applicationId"] = application.Id.ToString(),
            ["developmentId"] = development.Id.ToString(),
            ["versionId"] = version.Id.ToString(),
            ["normId"] = norm.Id.ToString(),
            ["jurorId"] = juror.Juror.Id.ToString(),
            // No delivery or notification exists until a reminder comes due: their requests answer 404, which is fine here.
            ["deliveryId"] = Guid.NewGuid().ToString(),

            ["notificationId"] = Guid.NewGuid().ToString(),
        });
    }
}
