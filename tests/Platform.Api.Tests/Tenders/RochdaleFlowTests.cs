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

    /// <summary>Plan <paramref name="number"/>, from an organisation registered at the KvK (a lease needs the number).</summary>
    static SubmitApplicationRequest PlanOf(int number, string name) =>
        Plan($"plan{number:D2}-{Guid.NewGuid():N}@kostverlorenkade.example", $"{90_000_001 + number}", name);

    [Fact]
    public async Task Eighty_plans_for_the_Kostverlorenkade_atelier_end_in_a_lease_with_a_growth_in_rent_and_each_collective_sees_only_its_own_scores()
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
            ? (Api: collectives[i].Api, Plan: PlanOf(i, CollectiveNames[i]))
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

        // 4. The result: the ranking explains itself, the jury's choice is awarded with its report, and the lease and its growth-in rent follow.
        var winner = submitted[40];
        var (kade, keile) = (submitted[0], submitted[2]);
        var ranking = await rochdale.Api.Awards.GetTenderRankingAsync(rochdale.Slug, open.Id, Ct);
        Assert.Equal(Jury.Length, ranking.SittingJurors);
        Assert.Equal(
            [(winner.Id, 8.96, 7, 0, 1, RankBand.TopQuarter), (kade.Id, 7.96, 7, 0, 2, RankBand.TopQuarter), (werf.Id, 7.00, 6, 1, 3, RankBand.SecondQuarter),
             (keile.Id, 5.96, 7, 0, 4, RankBand.ThirdQuarter), (submitted[63].Id, 4.96, 7, 0, 5, RankBand.BottomQuarter)],
            ranking.Applications.Select(a => (a.ApplicationId, a.WeightedScore!.Value, a.Jurors, a.ConflictedJurors, a.Rank!.Value, a.Band!.Value)));
        Assert.All(ranking.Applications, a => Assert.True(a.ScoresComplete && !a.Tied));
        Assert.Equal(KadeMeans, ranking.Applications[1].CriterionMeans.Select(m => (m.Key, m.Mean)));

        const string report = "De buurtjury kiest het plan van Ondernemer 41: een open werkplaats met een etalage die elke week verandert, "
                              + "betaalbare workshops voor kinderen uit de buurt en een begroting die vanaf het eerste jaar sluit.";
        var awarded = await rochdale.Api.Awards.AwardTenderAsync(rochdale.Slug, open.Id, new AwardTenderRequest { ApplicationId = winner.Id, JuryReport = report },
            cancellationToken: Ct);
        Assert.Equal(TenderStatus.Awarded, awarded.Status);
        Assert.Empty(awarded.AllowedTransitions);
        Assert.Equal((winner.Id, report), (awarded.Award!.ApplicationId, awarded.Award.JuryReport));

        var estate = await rochdale.Tenant.SignInAsync("leases:read", "discounts:read");
        var lease = await estate.Leases.GetLeaseAsync(rochdale.Slug, awarded.Award.LeaseId, Ct);
        Assert.Equal((rochdale.Unit.Id, LeaseRegime.Article7_230a, LeaseStart, 1_000_00L), (lease.UnitId, lease.Regime, lease.StartDate, lease.BaseRentCentsPerMonth));
        Assert.Equal(("Ondernemer 41", "90000041"), (lease.Lessee.Name, lease.Lessee.KvkNumber));
        var discount = await estate.Discounts.GetDiscountAsync(rochdale.Slug, awarded.Award.DiscountId!.Value, Ct);
        Assert.Equal((lease.Id, Discounts.DiscountTests.Leefbaarheid, 12, LeaseStart, LeaseStart.AddYears(2).AddDays(-1)),
            (discount.LeaseId, discount.BudgetLine, discount.EvaluationCadenceMonths, discount.StartDate, discount.EndDate));
        var growthIn = Assert.Single(discount.Periods);
        Assert.Equal(DiscountKind.Stepped, growthIn.Kind);
        Assert.Equal([(LeaseStart, 600_00L), (LeaseStart.AddYears(1), 800_00L)], growthIn.Steps!.Select(s => (s.FromDate, s.MonthlyRentCents)));
        Assert.Equal(ApplicationStatus.Awarded, (await rochdale.Api.Applications.GetTenderApplicationAsync(rochdale.Slug, open.Id, winner.Id, Ct)).Status);
        await ThrowsProblemAsync(401, () => neighbour.GetJuryTenderAsync(open.Id, Ct));

        // The collectives on the shortlist see "rejected" with their own band and means, on their receipts and in their feeds; nobody else's.
        var outcomes = new Dictionary<Guid, (RankBand Band, (string, double)[] Means)>
        {
            [kade.Id] = (RankBand.TopQuarter, KadeMeans),
            [werf.Id] = (RankBand.SecondQuarter, [("open_function", 7.00), ("storefront", 7.00), ("affordable", 7.00), ("feasibility", 7.00)]),
            [keile.Id] = (RankBand.ThirdQuarter, [("open_function", 5.86), ("storefront", 6.00), ("affordable", 6.14), ("feasibility", 5.86)]),
        };
        for (var i = 0; i < collectives.Count; i++)
        {
            var (tenant, api) = collectives[i];
            var own = submitted[i];
            var receipts = (await api.Applications.ListApplicationReceiptsAsync(tenant.Slug, cancellationToken: Ct)).Items;
            var receipt = Assert.Single(receipts);
            var feed = (await api.Notifications.ListNotificationsAsync(tenant.Slug, cancellationToken: Ct)).Items;
            Assert.All(feed, n => Assert.Equal(own.Id, n.SubjectId));
            if (!outcomes.TryGetValue(own.Id, out var outcome))
            {
                Assert.Equal((ApplicationStatus.NotSelected, null), (receipt.Status, receipt.JuryOutcome));
                Assert.DoesNotContain(feed, n => n.Type == NotificationType.ApplicationRejected);
                continue;
            }

            Assert.Equal(ApplicationStatus.Rejected, receipt.Status);
            Assert.Equal(outcome.Band, receipt.JuryOutcome!.Band);
            Assert.Equal(outcome.Means, receipt.JuryOutcome.CriterionMeans.Select(m => (m.Key, m.Mean)));
            var rejected = Assert.Single(feed, n => n.Type == NotificationType.ApplicationRejected);
            Assert.Contains($"open_function {outcome.Means[0].Item2.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}", rejected.Message);
            var others = outcomes.Where(o => o.Key != own.Id).Select(o => o.Value.Means[0].Item2.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
            foreach (var hidden in others.Append("Ondernemer 41").Append("8.96"))
                Assert.DoesNotContain(hidden, rejected.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>Maakcollectief De Kade's means per criterion over the seven jurors (see <see cref="SheetOf"/>): 8 − 1/7, 8, 8 + 1/7, 8 − 1/7.</summary>
    static readonly (string, double)[] KadeMeans = [("open_function", 7.86), ("storefront", 8.00), ("affordable", 8.14), ("feasibility", 7.86)];

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
