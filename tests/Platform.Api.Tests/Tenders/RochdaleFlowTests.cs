using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;
using static Platform.Api.Tests.Tenders.ApplicationScenarios;

namespace Platform.Api.Tests.Tenders;

/// <summary>
/// Rochdale's "Pitch je plan" for the atelier at Tweede Kostverlorenkade 56 H (Amsterdam, GM0363), its four steps end to end through
/// the generated client: a public call, about 80 plans for one unit (DOMAIN), a shortlist, a pitch night before a neighbourhood jury,
/// and the award that becomes the lease with its growth-in rent. Its own host, so the listing and the clock are this flow's alone.
/// </summary>
public sealed class RochdaleFlowTests(TenderApp app) : IClassFixture<TenderApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    const int Plans = 80;

    /// <summary>Submissions and assessments go out this many at a time, as a busy call's clients would send them.</summary>
    const int Batch = 8;

    /// <summary>Collectives with a tenant and a client of their own (DOMAIN, seed 004); every other plan comes through Rochdale's website.</summary>
    static readonly string[] CollectiveNames = ["Maakcollectief De Kade", "Stichting De Werf", "Keilecollectief", "Hof van Cartesius", "De Kroon"];

    /// <summary>Four residents of the street and three professionals.</summary>
    static readonly CreateJurorRequest[] Jury =
    [
        JuryScenarios.Resident("Fatima el Amrani"), JuryScenarios.Resident("Kees Bakker"), JuryScenarios.Resident("Anouk Visser"),
        JuryScenarios.Resident("Mohamed Yilmaz"), JuryScenarios.Professional("Joost de Wit, winkeliersvereniging"),
        JuryScenarios.Professional("Ingrid Smit, stadsdeel West"), JuryScenarios.Professional("Ruud Jansen, Rochdale gebiedsteam"),
    ];

    /// <summary>
    /// The regular rent is EUR 1,000 a month; the winner grows into it (ingroeihuur): EUR 600 the first year, EUR 800 the second,
    /// evaluated every year and charged to the liveability budget line.
    /// </summary>
    static CreateTenderRequest Call(Landlord rochdale, DateTimeOffset now)
    {
        var call = TenderScenarios.PitchJePlan([rochdale.Unit.Id], opensAt: now.AddHours(-1), closesAt: now.AddDays(28));
        call.PitchNight = new PitchNight { StartsAt = now.AddDays(45), Location = "Buurthuis De Kostverloren", MinutesPerPitch = 15 };
        call.OfferedTerms = new OfferedTerms
        {
            BaseRentCentsPerMonth = 1_000_00,
            LeaseRegime = LeaseRegime.Article7_230a,
            LeaseStartDate = LeaseStart,
            Discount = new CreateDiscountRequest
            {
                Kind = DiscountKind.Stepped,
                Steps = [new RentStep { FromDate = LeaseStart, MonthlyRentCents = 600_00 }, new RentStep { FromDate = LeaseStart.AddYears(1), MonthlyRentCents = 800_00 }],
                StartDate = LeaseStart,
                EndDate = LeaseStart.AddYears(2).AddDays(-1),
                Justification = "Pitch je plan: ingroeihuur voor de starter die de buurtjury koos, in twee jaar naar de reguliere huur.",
                BudgetLine = Discounts.DiscountTests.Leefbaarheid,
                EvaluationCadenceMonths = 12,
                CounterPerformances =
                [
                    new CounterPerformanceRequest { Description = "Open werkplaats voor buurtbewoners", Unit = "middagen", Target = 40, Theme = "makers", Radius = ImpactRadius.Neighbourhood },
                ],
            },
        };
        return call;
    }

    static readonly DateOnly LeaseStart = new(2027, 4, 1);

    static SubmitApplicationRequest PlanOf(int number, string name, string? kvkNumber = null) =>
        Plan($"plan{number:D2}-{Guid.NewGuid():N}@kostverlorenkade.example", kvkNumber, name);

    [Fact]
    public async Task Eighty_plans_for_the_Kostverlorenkade_atelier_become_five_pitches_that_a_jury_of_seven_scores()
    {
        // 1. React to a space: the call is public, and applicants find it in the listing without a token.
        var rochdale = await app.LandlordAsync();
        var open = await rochdale.PublishedAsync(Call(rochdale, app.Clock.GetUtcNow()));
        var listed = Assert.Single((await new TendersClient(app.Anonymous()).ListPublicTendersAsync(municipalityCode: "GM0363", cancellationToken: Ct)).Items);
        Assert.Equal((open.Id, "Rochdale", 1_000_00), (listed.Id, listed.Landlord, listed.OfferedRentCentsPerMonth));
        Assert.Equal([("open_function", 25), ("storefront", 25), ("affordable", 25), ("feasibility", 25)], listed.Criteria.Select(c => (c.Key, c.Weight)));
        Assert.Equal([TenderSection.Motivation, TenderSection.BusinessPlan, TenderSection.FinancialPlan, TenderSection.StorefrontPlan], listed.RequiredSections);
        Assert.Equal(("GM0363", "ATE"), (listed.Units.Single().MunicipalityCode, listed.Units.Single().DetailCode));

        var collectives = new List<(TestTenant Tenant, PlatformApi Api)>();
        foreach (var name in CollectiveNames)
            collectives.Add(await app.CollectiveAsync(name));
        var website = await rochdale.Tenant.SignInAsync("applications:submit");
        var submissions = Enumerable.Range(0, Plans).Select(i => i < collectives.Count
            ? (Api: collectives[i].Api, Plan: PlanOf(i, CollectiveNames[i], $"{90_000_001 + i}"))
            : (Api: website, Plan: PlanOf(i, $"Ondernemer {i + 1}"))).ToList();
        var submitted = new List<ApplicationResponse>();
        foreach (var batch in submissions.Chunk(Batch))
            submitted.AddRange(await Task.WhenAll(batch.Select(s => s.Api.Applications.SubmitApplicationAsync(open.Id, s.Plan, cancellationToken: Ct))));

        var withoutStorefront = PlanOf(Plans, "Ondernemer zonder etalage");
        withoutStorefront.Sections.StorefrontPlan = null;
        var refused = await ThrowsProblemAsync(400, () => website.Applications.SubmitApplicationAsync(open.Id, withoutStorefront, cancellationToken: Ct));
        Assert.Equal(["sections.storefrontPlan"], refused.FieldNames());

        var atRochdale = await AllApplicationsAsync(rochdale, open.Id);
        Assert.Equal(submitted.Select(a => a.Id).Order(), atRochdale.Select(a => a.Id).Order());
        Assert.All(atRochdale, a => Assert.Equal(ApplicationStatus.Submitted, a.Status));
        Assert.Equal(Plans - collectives.Count, atRochdale.Count(a => a.SubmittedBy == rochdale.Slug));
        for (var i = 0; i < collectives.Count; i++)
        {
            var (tenant, api) = collectives[i];
            var receipt = Assert.Single((await api.Applications.ListApplicationReceiptsAsync(tenant.Slug, cancellationToken: Ct)).Items);
            Assert.Equal((submitted[i].Id, rochdale.Slug, tenant.Slug, CollectiveNames[i]), (receipt.Id, receipt.Landlord, receipt.SubmittedBy, receipt.Applicant.Name));
        }

        // The call closes by itself at closesAt; a plan after that is refused.
        app.Clock.AdjustTime(open.ClosesAt);
        await app.Admin.Reminders.TriggerReminderScanAsync(cancellationToken: Ct);
        Assert.Equal(TenderStatus.Closed, (await rochdale.Api.Tenders.GetTenderAsync(rochdale.Slug, open.Id, Ct)).Status);
        var late = await ThrowsProblemAsync(409, () => collectives[0].Api.Applications.SubmitApplicationAsync(open.Id, PlanOf(Plans + 1, "Te laat"), cancellationToken: Ct));
        Assert.Equal("urn:plinth:problem:tender-not-open", late.Type);
        Assert.Equal(Plans, (await AllApplicationsAsync(rochdale, open.Id)).Count);

        // 2. Selection by the landlord: every plan fits "starting or social entrepreneurs"; five are invited, three of them collectives'.
        var eligible = new AssessApplicationRequest { Decision = AssessmentDecision.Eligible, Reason = "Startende of sociale ondernemer, plan compleet." };
        foreach (var batch in submitted.Chunk(Batch))
            await Task.WhenAll(batch.Select(a => rochdale.Api.Applications.AssessApplicationAsync(rochdale.Slug, open.Id, a.Id, eligible, cancellationToken: Ct)));
        Assert.Equal(Plans, (await AllApplicationsAsync(rochdale, open.Id, ApplicationStatus.Eligible)).Count);

        ApplicationResponse[] shortlist = [submitted[1], submitted[40], submitted[0], submitted[63], submitted[2]];
        var shortlisted = await rochdale.Api.Tenders.ShortlistTenderAsync(rochdale.Slug, open.Id, ShortlistScenarios.Shortlist(shortlist), cancellationToken: Ct);
        Assert.Equal(TenderStatus.Shortlisted, shortlisted.Status);
        Assert.Equal(shortlist.Select(a => a.Id), shortlisted.PitchSlots.OrderBy(s => s.Number).Select(s => s.ApplicationId));
        Assert.Equal(shortlist.Select(a => a.Id).Order(), (await AllApplicationsAsync(rochdale, open.Id, ApplicationStatus.Shortlisted)).Select(a => a.Id).Order());
        Assert.Equal(Plans - shortlist.Length, (await AllApplicationsAsync(rochdale, open.Id, ApplicationStatus.NotSelected)).Count);

        // Each collective hears of its own plan only: the shortlisted three with their pitch slot, the other two that they were not selected.
        var pitchOrder = shortlist.Select(a => a.Id).ToList();
        for (var i = 0; i < collectives.Count; i++)
        {
            var (tenant, api) = collectives[i];
            var own = submitted[i];
            var isShortlisted = pitchOrder.Contains(own.Id);
            var receipt = await api.Applications.GetApplicationReceiptAsync(tenant.Slug, own.Id, Ct);
            Assert.Equal(isShortlisted ? ApplicationStatus.Shortlisted : ApplicationStatus.NotSelected, receipt.Status);
            Assert.Equal(isShortlisted ? pitchOrder.IndexOf(own.Id) + 1 : null, receipt.PitchSlot?.Number);
            var feed = (await api.Notifications.ListNotificationsAsync(tenant.Slug, cancellationToken: Ct)).Items;
            var notice = Assert.Single(feed);
            Assert.Equal((isShortlisted ? NotificationType.ApplicationShortlisted : NotificationType.ApplicationNotSelected, own.Id), (notice.Type, notice.SubjectId));
        }

        // 3. The pitch night's neighbourhood jury: four residents and three professionals, each with a key of its own.
        var jurors = new List<CreatedJurorResponse>();
        foreach (var juror in Jury)
            jurors.Add(await rochdale.AppointAsync(open.Id, juror));
        Assert.Equal(Jury.Length, jurors.Select(j => j.Key).Distinct().Count());
        var panel = (await rochdale.Api.Jurors.ListJurorsAsync(rochdale.Slug, open.Id, cancellationToken: Ct)).Items;
        Assert.Equal((4, 3), (panel.Count(j => j.Role == JurorRole.Resident), panel.Count(j => j.Role == JurorRole.Professional)));

        var pitching = await rochdale.Api.Tenders.StartPitchingTenderAsync(rochdale.Slug, open.Id, cancellationToken: Ct);
        Assert.Equal(TenderStatus.Pitching, pitching.Status);
        foreach (var juror in jurors)
        {
            var seen = await app.Juror(juror.Key).GetJuryTenderAsync(open.Id, Ct);
            Assert.Equal((TenderStatus.Pitching, juror.Juror.Id), (seen.Status, seen.Juror.Id));
            Assert.All(seen.Criteria, c => Assert.Equal(25, c.Weight));
            Assert.Equal(pitchOrder, seen.Applications.Select(a => a.Id));
        }

        // The resident who lives next to Stichting De Werf declares it and does not score that plan; everyone else scores every plan.
        var neighbour = app.Juror(jurors[0].Key);
        var werf = submitted[1];
        await neighbour.DeclareJuryConflictAsync(open.Id, werf.Id, new DeclareJuryConflictRequest { Reason = "De initiatiefnemer is mijn buurvrouw." }, cancellationToken: Ct);
        await Task.WhenAll(jurors.Select((juror, j) => ScoreAllAsync(app.Juror(juror.Key), open.Id, j, shortlist, skip: j == 0 ? werf.Id : null)));
        var conflicted = await ThrowsProblemAsync(409, () => neighbour.ScoreApplicationAsync(open.Id, werf.Id, SheetOf(0, 0), Ct));
        Assert.Equal("urn:plinth:problem:juror-conflicted", conflicted.Type);
        var neighbourSees = await neighbour.GetJuryTenderAsync(open.Id, Ct);
        Assert.Null(neighbourSees.Applications.Single(a => a.Id == werf.Id).Scores);
        Assert.NotNull(neighbourSees.Applications.Single(a => a.Id == werf.Id).Conflict);
        Assert.Equal(SheetOf(0, 1).Scores.Select(s => s.Score), neighbourSees.Applications[1].Scores!.Scores.Select(s => s.Score));
        Assert.Equal(UnitStatus.InTender, (await rochdale.Api.Units.GetUnitAsync(rochdale.Slug, rochdale.Unit.Id, Ct)).Status);
    }

    /// <summary>
    /// How the jury sees the five pitches, by shortlist place: the second plan (from Rochdale's website) is the strongest, Maakcollectief
    /// De Kade's next, then Stichting De Werf's, Keilecollectief's and the other website plan's.
    /// </summary>
    static readonly int[] Strength = [7, 9, 8, 5, 6];

    /// <summary>Juror <paramref name="juror"/>'s sheet for the plan at shortlist place <paramref name="place"/> (0-based): around its strength, a point up or down per criterion.</summary>
    static ScoreApplicationRequest SheetOf(int juror, int place)
    {
        int Score(int criterion) => Math.Clamp(Strength[place] + (juror + criterion) % 3 - 1, 1, 10);
        return JuryScenarios.Sheet(Score(0), Score(1), Score(2), Score(3), comment: $"Pitch {place + 1}, juror {juror + 1}.");
    }

    static async Task ScoreAllAsync(JuryClient juror, Guid tenderId, int jurorIndex, IReadOnlyList<ApplicationResponse> shortlist, Guid? skip)
    {
        for (var place = 0; place < shortlist.Count; place++)
            if (shortlist[place].Id != skip)
                await juror.ScoreApplicationAsync(tenderId, shortlist[place].Id, SheetOf(jurorIndex, place), Ct);
    }

    /// <summary>Every application of the tender at the landlord, page by page, in the status asked for (or all).</summary>
    static async Task<List<ApplicationResponse>> AllApplicationsAsync(Landlord landlord, Guid tenderId, ApplicationStatus? status = null)
    {
        var all = new List<ApplicationResponse>();
        string? cursor = null;
        do
        {
            var page = await landlord.Api.Applications.ListTenderApplicationsAsync(landlord.Slug, tenderId, status, limit: 50, cursor: cursor, cancellationToken: Ct);
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return all;
    }
}
