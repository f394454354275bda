using System.Net;
using System.Net.Http.Headers;
using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using Platform.Api.Tests.Programmes;
using Platform.Api.Tests.Sharing;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;
using static Platform.Api.Tests.Programmes.DevelopmentScenarios;

namespace Platform.Api.Tests.Reports;

/// <summary>Utrecht's norms, in force on 15 September 2026 (and one from 2027 that is not yet).</summary>
public sealed record UtrechtNorms(NormResponse PerDwelling, NormResponse Delft, NormResponse National, NormResponse Affordable, NormResponse NoNetLoss, NormResponse NextYear);

/// <summary>
/// The municipality of Utrecht with its norms, Mitros sharing its reports on Utrecht with it and Portaal sharing nothing, each with
/// developments in Utrecht as <see cref="NormsReportTests"/> counts them by hand.
/// </summary>
public sealed record NormsWorld(TestTenant Utrecht, PlatformApi Municipality, UtrechtNorms Norms, TestTenant Mitros, TestTenant Portaal, DevelopmentResponse Merwede);

/// <summary>
/// The issue's worked examples through the real stack: Utrecht reads its norms report with its own token, over its own data and
/// Mitros's (which shares), never Portaal's (which does not).
/// </summary>
public sealed class NormsReportTests(ReportsApp app) : IClassFixture<ReportsApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    const string Leidsche = "BU03440202";
    const string Centrum = "BU03440303";

    const string CsvHeader = "scope,development_id,development_name,owner_slug,programme_version,neighbourhood_code,norm_id,kind,value,required,actual,met,"
                             + "shortfall,dwellings_added,work_space_removed_m2,programme_m2,work_space_m2,commercial_m2,affordable_commercial_m2,"
                             + "non_residential_units,functions";

    static NormRequest Norm(NormKind kind, double value, params string[] neighbourhoodCodes)
    {
        var norm = NormTests.Norm(kind, value);
        norm.AppliesTo.NeighbourhoodCodes = [.. neighbourhoodCodes];
        return norm;
    }

    static DevelopmentRequest Development(string name, string neighbourhoodCode, int dwellingsAdded, int workSpaceRemovedM2 = 0, string municipalityCode = Utrecht) => new()
    {
        Name = name,
        MunicipalityCode = municipalityCode,
        NeighbourhoodCodes = [neighbourhoodCode],
        DwellingsAdded = dwellingsAdded,
        DwellingsRemoved = 0,
        WorkSpaceRemovedM2 = workSpaceRemovedM2,
    };

    static CreateProgrammeVersionRequest Programme(DateOnly decidedOn, params ProgrammeLineRequest[] lines) => new() { DecidedOn = decidedOn, Lines = [.. lines] };

    static async Task<DevelopmentResponse> DevelopAsync(PlatformApi api, TestTenant owner, DevelopmentRequest development, params ProgrammeLineRequest[] lines)
    {
        var created = await api.Developments.CreateDevelopmentAsync(owner.Slug, development, cancellationToken: Ct);
        if (lines.Length > 0)
            await api.Developments.CreateProgrammeVersionAsync(owner.Slug, created.Id, Programme(new DateOnly(2026, 2, 1), lines), cancellationToken: Ct);
        return created;
    }

    /// <summary>
    /// Utrecht's norms: 5 m² per added dwelling, the proposed 20 % of the programme, Delft's 10 % in Leidsche Rijn only, a fifth of the
    /// commercial work space affordable, no net loss, and 7.5 m² per dwelling from 2027. Mitros (sharing reports on GM0344) develops
    /// Merwede (38 dwellings on 1,200 m² of business space; 3,000 housing and 1,000 work, cut on 1 September to 3,200 and 800),
    /// Veemarkt (38 dwellings, 190 m² of work) and Veemarkt Noord (38, 189) in Merwedekanaal, Rijnvliet (20,000 m², 2,000 of work) in
    /// Leidsche Rijn, Leidsche Rijn Centrum (100,000 m²: 80,000 housing, 12,000 work of which 3,000 affordable, 3,000 facilities of which
    /// 500 affordable, 1,000 horeca, 4,000 social) in the centre, and one in Amersfoort; Portaal (no grant) develops Portaal Zuid.
    /// </summary>
    async Task<NormsWorld> UtrechtAsync()
    {
        app.MoveTo(ReportsApp.ReportDay);
        var (utrecht, utrechtApi) = await OwnerAsync(app, TenantKind.Municipality, "Gemeente Utrecht");
        var nextYear = Norm(NormKind.M2WorkSpacePerAddedDwelling, 7.5);
        nextYear.ValidFrom = new DateOnly(2027, 1, 1);
        var norms = new UtrechtNorms(
            await utrechtApi.Norms.CreateNormAsync(utrecht.Slug, Norm(NormKind.M2WorkSpacePerAddedDwelling, 5), cancellationToken: Ct),
            await utrechtApi.Norms.CreateNormAsync(utrecht.Slug, Norm(NormKind.WorkShareOfProgrammePercent, 10, Leidsche), cancellationToken: Ct),
            await utrechtApi.Norms.CreateNormAsync(utrecht.Slug, Norm(NormKind.WorkShareOfProgrammePercent, 20), cancellationToken: Ct),
            await utrechtApi.Norms.CreateNormAsync(utrecht.Slug, Norm(NormKind.AffordableShareOfWorkSpacePercent, 20), cancellationToken: Ct),
            await utrechtApi.Norms.CreateNormAsync(utrecht.Slug, Norm(NormKind.NoNetLoss, 100), cancellationToken: Ct),
            await utrechtApi.Norms.CreateNormAsync(utrecht.Slug, nextYear, cancellationToken: Ct));

        var (mitros, mitrosApi) = await CorporationAsync(app, "Mitros");
        var grant = SharingGrantTests.PerformanceAgreements(utrecht.Slug, SharedResource.Reports);
        grant.Filter = new SharingGrantFilter { MunicipalityCodes = [Utrecht] };
        await (await mitros.SignInAsync("tenant:admin")).Sharing.CreateSharingGrantAsync(mitros.Slug, grant, cancellationToken: Ct);
        var merwede = await DevelopAsync(mitrosApi, mitros, Development("Merwede", Merwedekanaal, 38, workSpaceRemovedM2: 1_200),
            Line(ProgrammeFunction.Housing, 3_000), Line(ProgrammeFunction.Work, 1_000));
        await mitrosApi.Developments.CreateProgrammeVersionAsync(mitros.Slug, merwede.Id, new CreateProgrammeVersionRequest
        {
            DecidedOn = new DateOnly(2026, 9, 1),
            Reason = "The developer's business case did not close.",
            Lines = [Line(ProgrammeFunction.Housing, 3_200), Line(ProgrammeFunction.Work, 800)],
        }, cancellationToken: Ct);
        await DevelopAsync(mitrosApi, mitros, Development("Veemarkt", Merwedekanaal, 38), Line(ProgrammeFunction.Housing, 2_000), Line(ProgrammeFunction.Work, 190));
        await DevelopAsync(mitrosApi, mitros, Development("Veemarkt Noord", Merwedekanaal, 38), Line(ProgrammeFunction.Housing, 2_000), Line(ProgrammeFunction.Work, 189));
        await DevelopAsync(mitrosApi, mitros, Development("Rijnvliet", Leidsche, 200), Line(ProgrammeFunction.Housing, 18_000), Line(ProgrammeFunction.Work, 2_000));
        await DevelopAsync(mitrosApi, mitros, Development("Leidsche Rijn Centrum", Centrum, 1_000),
            Line(ProgrammeFunction.Housing, 80_000), Line(ProgrammeFunction.Work, 12_000, affordableM2: 3_000), Line(ProgrammeFunction.Facilities, 3_000, affordableM2: 500),
            Line(ProgrammeFunction.Horeca, 1_000), Line(ProgrammeFunction.Social, 4_000));
        await DevelopAsync(mitrosApi, mitros, Development("Vathorst", "BU03070101", 500, municipalityCode: "GM0307"), Line(ProgrammeFunction.Housing, 40_000));

        var (portaal, portaalApi) = await CorporationAsync(app, "Portaal");
        await DevelopAsync(portaalApi, portaal, Development("Portaal Zuid", Merwedekanaal, 100), Line(ProgrammeFunction.Housing, 5_000));

        return new NormsWorld(utrecht, await utrecht.SignInAsync("reports:read"), norms, mitros, portaal, merwede);
    }

    static NormCheckResponse CheckOf(NormsReportDevelopmentResponse development, NormResponse norm) => Assert.Single(development.Checks, c => c.NormId == norm.Id);

    static NormsReportDevelopmentResponse DevelopmentOf(NormsReportResponse report, string name) => Assert.Single(report.Developments, d => d.Name == name);

    static void AssertCheck(NormCheckResponse check, long required, long actual, bool met, long shortfall) =>
        Assert.Equal((required, actual, met, shortfall), (check.Required, check.Actual, check.Met, check.Shortfall));

    [Fact]
    public async Task The_issues_worked_examples_come_out_as_counted_by_hand()
    {
        var world = await UtrechtAsync();
        var norms = world.Norms;

        var report = await world.Municipality.Reports.GetNormsReportAsync(world.Utrecht.Slug, cancellationToken: Ct);

        Assert.Equal((ReportsApp.ReportDay, Utrecht), (report.AsOf, report.MunicipalityCode));
        Assert.Equal([norms.PerDwelling.Id, norms.Delft.Id, norms.National.Id, norms.Affordable.Id, norms.NoNetLoss.Id], report.Norms.Select(n => n.Id));
        Assert.Equal(["Leidsche Rijn Centrum", "Merwede", "Rijnvliet", "Veemarkt", "Veemarkt Noord"], report.Developments.Select(d => d.Name));
        Assert.All(report.Developments, d => Assert.Equal(world.Mitros.Slug, d.Owner.Slug));

        // 38 added dwellings need 190 m² at 5 per dwelling: 190 passes, 189 fails by 1.
        AssertCheck(CheckOf(DevelopmentOf(report, "Veemarkt"), norms.PerDwelling), 190, 190, true, 0);
        AssertCheck(CheckOf(DevelopmentOf(report, "Veemarkt Noord"), norms.PerDwelling), 190, 189, false, 1);

        // A 20,000 m² programme needs 2,000 m² of work space at Delft's 10 % (Leidsche Rijn only), 4,000 at the proposed 20 %.
        var rijnvliet = DevelopmentOf(report, "Rijnvliet");
        Assert.Equal((20_000L, 2_000L), (rijnvliet.Figures.ProgrammeM2, rijnvliet.Figures.WorkSpaceM2));
        AssertCheck(CheckOf(rijnvliet, norms.Delft), 2_000, 2_000, true, 0);
        AssertCheck(CheckOf(rijnvliet, norms.National), 4_000, 2_000, false, 2_000);

        // 100,000 m² at the proposed 20 % need 20,000 m²; of the 16,000 m² commercial part 20 % (3,200) affordable, 3,500 are.
        var centrum = DevelopmentOf(report, "Leidsche Rijn Centrum");
        Assert.Equal((100_000L, 20_000L, 16_000L, 3_500L), (centrum.Figures.ProgrammeM2, centrum.Figures.WorkSpaceM2, centrum.Figures.CommercialM2, centrum.Figures.AffordableCommercialM2));
        AssertCheck(CheckOf(centrum, norms.National), 20_000, 20_000, true, 0);
        AssertCheck(CheckOf(centrum, norms.Affordable), 3_200, 3_500, true, 0);
        Assert.DoesNotContain(centrum.Checks, c => c.NormId == norms.Delft.Id);

        // Merwede removes 1,200 m² of business space and, in its current (second) version, adds 800: no net loss fails by 400.
        var merwede = DevelopmentOf(report, "Merwede");
        Assert.Equal((2, 38L, 1_200L, 4_000L, 800L), (merwede.ProgrammeVersion, merwede.Figures.DwellingsAdded, merwede.Figures.WorkSpaceRemovedM2, merwede.Figures.ProgrammeM2, merwede.Figures.WorkSpaceM2));
        AssertCheck(CheckOf(merwede, norms.NoNetLoss), 1_200, 800, false, 400);
        Assert.Equal([norms.PerDwelling.Id, norms.National.Id, norms.Affordable.Id, norms.NoNetLoss.Id], merwede.Checks.Select(c => c.NormId));
        Assert.Equal([NormKind.M2WorkSpacePerAddedDwelling, NormKind.WorkShareOfProgrammePercent, NormKind.AffordableShareOfWorkSpacePercent, NormKind.NoNetLoss],
            merwede.Checks.Select(c => c.Kind));
    }

    [Fact]
    public async Task A_neighbourhood_adds_up_its_developments_current_programmes_and_checks_the_norms_that_apply_in_it()
    {
        var world = await UtrechtAsync();
        var norms = world.Norms;

        var report = await world.Municipality.Reports.GetNormsReportAsync(world.Utrecht.Slug, cancellationToken: Ct);

        Assert.Equal([Merwedekanaal, Leidsche, Centrum], report.Neighbourhoods.Select(n => n.NeighbourhoodCode));
        // Merwede (38; 1,200 removed; 3,200 + 800), Veemarkt (38; 2,000 + 190) and Veemarkt Noord (38; 2,000 + 189); not Portaal Zuid.
        var merwedekanaal = report.Neighbourhoods[0];
        Assert.Equal((3, 114L, 1_200L, 8_379L, 1_179L, 1_179L, 0L), (merwedekanaal.Developments, merwedekanaal.Figures.DwellingsAdded, merwedekanaal.Figures.WorkSpaceRemovedM2,
            merwedekanaal.Figures.ProgrammeM2, merwedekanaal.Figures.WorkSpaceM2, merwedekanaal.Figures.CommercialM2, merwedekanaal.Figures.AffordableCommercialM2));
        Assert.Equal([norms.PerDwelling.Id, norms.National.Id, norms.Affordable.Id, norms.NoNetLoss.Id], merwedekanaal.Checks.Select(c => c.NormId));
        AssertCheck(merwedekanaal.Checks[0], 570, 1_179, true, 0);
        AssertCheck(merwedekanaal.Checks[1], 1_676, 1_179, false, 497); // 20 % of 8,379 is 1,675.8, rounded up
        AssertCheck(merwedekanaal.Checks[2], 236, 0, false, 236);
        AssertCheck(merwedekanaal.Checks[3], 1_200, 1_179, false, 21);
        Assert.Contains(report.Neighbourhoods[1].Checks, c => c.NormId == norms.Delft.Id);
        Assert.Equal((0L, 114L), (merwedekanaal.NonResidentialUnits, merwedekanaal.Functions));
    }

    [Fact]
    public async Task Only_owners_that_share_are_counted_and_coverage_names_those_that_do_not()
    {
        var world = await UtrechtAsync();

        var report = await world.Municipality.Reports.GetNormsReportAsync(world.Utrecht.Slug, cancellationToken: Ct);

        Assert.DoesNotContain(report.Developments, d => d.Owner.Slug == world.Portaal.Slug || d.Name is "Portaal Zuid" or "Vathorst");
        Assert.Equal([(world.Mitros.Slug, "Mitros")], report.Coverage.Sharing.Select(o => (o.Slug, o.Name)));
        // Other tests' owners build in Utrecht too (the database is shared): of this world's owners, Portaal alone does not share.
        Assert.Contains((world.Portaal.Slug, "Portaal"), report.Coverage.NotSharing.Select(o => (o.Slug, o.Name)));
        Assert.DoesNotContain(report.Coverage.NotSharing, o => o.Slug == world.Mitros.Slug);
    }

    [Fact]
    public async Task The_neighbourhood_filter_keeps_one_neighbourhood_and_its_developments()
    {
        var world = await UtrechtAsync();

        var report = await world.Municipality.Reports.GetNormsReportAsync(world.Utrecht.Slug, neighbourhoodCode: Leidsche, cancellationToken: Ct);

        Assert.Equal(["Rijnvliet"], report.Developments.Select(d => d.Name));
        var leidsche = Assert.Single(report.Neighbourhoods);
        Assert.Equal((Leidsche, 1, 20_000L), (leidsche.NeighbourhoodCode, leidsche.Developments, leidsche.Figures.ProgrammeM2));
        AssertCheck(Assert.Single(leidsche.Checks, c => c.NormId == world.Norms.Delft.Id), 2_000, 2_000, true, 0);
        Assert.Equal(["Mitros"], report.Coverage.Sharing.Select(o => o.Name));
    }

    [Fact]
    public async Task The_development_filter_keeps_that_development_and_an_uncounted_one_gives_empty_lists()
    {
        var world = await UtrechtAsync();
        var portaalZuid = Assert.Single((await (await world.Portaal.SignInAsync("programmes:read")).Developments.ListDevelopmentsAsync(world.Portaal.Slug, cancellationToken: Ct)).Items);

        var merwede = await world.Municipality.Reports.GetNormsReportAsync(world.Utrecht.Slug, developmentId: world.Merwede.Id, cancellationToken: Ct);
        var notShared = await world.Municipality.Reports.GetNormsReportAsync(world.Utrecht.Slug, developmentId: portaalZuid.Id, cancellationToken: Ct);
        var unknown = await world.Municipality.Reports.GetNormsReportAsync(world.Utrecht.Slug, developmentId: Guid.NewGuid(), cancellationToken: Ct);

        Assert.Equal([world.Merwede.Id], merwede.Developments.Select(d => d.Id));
        Assert.Empty(merwede.Neighbourhoods);
        Assert.All(new[] { notShared, unknown }, r => Assert.Equal((0, 0), (r.Developments.Count, r.Neighbourhoods.Count)));
    }

    [Theory]
    [InlineData(100, 200, true, 0)]
    [InlineData(99, 201, false, 1)]
    public async Task A_neighbourhood_with_a_third_of_its_functions_non_residential_meets_the_mix_and_one_fewer_does_not(int units, int dwellings, bool met, long shortfall)
    {
        app.MoveTo(ReportsApp.ReportDay);
        var (utrecht, api) = await OwnerAsync(app, TenantKind.Municipality, "Gemeente Utrecht");
        var mix = await api.Norms.CreateNormAsync(utrecht.Slug, Norm(NormKind.NonResidentialFunctionSharePercent, 33.33), cancellationToken: Ct);
        await DevelopAsync(api, utrecht, Development("Lombok", Merwedekanaal, dwellings), Line(ProgrammeFunction.Housing, 10_000));
        var owner = await utrecht.SignInAsync("plinths:write");
        var plinth = await ReportScenarios.PlinthAsync(owner, utrecht, "Lombok", Utrecht, Merwedekanaal);
        for (var made = 0; made < units; made += 10)
            await Task.WhenAll(Enumerable.Range(made, Math.Min(10, units - made))
                .Select(_ => ReportScenarios.UnitAsync(owner, utrecht, plinth, UnitCategory.Bed, "ATE", 40, 4_000_00)));
        var reader = await utrecht.SignInAsync("reports:read");

        var report = await reader.Reports.GetNormsReportAsync(utrecht.Slug, cancellationToken: Ct);

        var lombok = Assert.Single(report.Neighbourhoods);
        Assert.Equal(((long)units, 300L), (lombok.NonResidentialUnits, lombok.Functions));
        // A third (33.33 %) of 300 functions is 99.99, rounded up to 100.
        AssertCheck(Assert.Single(lombok.Checks), 100, units, met, shortfall);
        Assert.Equal(mix.Id, lombok.Checks.Single().NormId);
        Assert.Empty(Assert.Single(report.Developments).Checks);
        Assert.Equal(utrecht.Slug, report.Developments.Single().Owner.Slug);
    }

    [Fact]
    public async Task As_csv_the_report_is_one_line_per_check_under_a_header_row()
    {
        var world = await UtrechtAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/tenants/{world.Utrecht.Slug}/reports/norms");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var response = await world.Municipality.Http.SendAsync(request, Ct);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).Split("\r\n");
        var report = await world.Municipality.Reports.GetNormsReportAsync(world.Utrecht.Slug, cancellationToken: Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(CsvHeader, lines[0]);
        var checks = report.Developments.Sum(d => d.Checks.Count) + report.Neighbourhoods.Sum(n => n.Checks.Count);
        Assert.Equal(1 + checks + 1, lines.Length);
        Assert.Equal("", lines[^1]);
        Assert.Contains($"development,{world.Merwede.Id},Merwede,{world.Mitros.Slug},2,,{world.Norms.NoNetLoss.Id},no_net_loss,100,1200,800,false,400,38,1200,4000,800,800,0,,", lines);
        Assert.Contains($"neighbourhood,,,,,{Merwedekanaal},{world.Norms.NoNetLoss.Id},no_net_loss,100,1200,1179,false,21,114,1200,8379,1179,1179,0,0,114", lines);
    }

    [Fact]
    public async Task A_housing_corporation_has_no_norms_report_409()
    {
        var (mitros, _) = await CorporationAsync(app, "Mitros");
        var reader = await mitros.SignInAsync("reports:read");

        var problem = await ThrowsProblemAsync(409, () => reader.Reports.GetNormsReportAsync(mitros.Slug, cancellationToken: Ct));

        Assert.Equal("urn:plinth:problem:not-a-municipality", problem.Type);
    }

    [Theory]
    [InlineData("neighbourhoodCode=BU0344", "neighbourhoodCode")]
    [InlineData("neighbourhoodCode=GM03440101", "neighbourhoodCode")]
    [InlineData("developmentId=merwede", "developmentId")]
    public async Task A_malformed_filter_is_a_400_naming_it(string query, string field)
    {
        var (utrecht, _) = await OwnerAsync(app, TenantKind.Municipality, "Gemeente Utrecht");
        var reader = await utrecht.SignInAsync("reports:read");

        using var response = await reader.Http.GetAsync($"/v1/tenants/{utrecht.Slug}/reports/norms?{query}", Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "urn:plinth:problem:validation");
        Assert.Equal([field], problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task The_norms_report_answers_406_401_403_and_404_as_every_report_does()
    {
        var (utrecht, _) = await OwnerAsync(app, TenantKind.Municipality, "Gemeente Utrecht");
        var (amsterdam, _) = await OwnerAsync(app, TenantKind.Municipality, "Gemeente Amsterdam");
        var reader = await utrecht.SignInAsync("reports:read");
        var withoutScope = await utrecht.SignInAsync("programmes:read", "programmes:write");
        var otherMunicipality = await amsterdam.SignInAsync("reports:read");
        using var anonymous = app.Anonymous();
        var path = $"/v1/tenants/{utrecht.Slug}/reports/norms";

        using var xml = new HttpRequestMessage(HttpMethod.Get, path);
        xml.Headers.TryAddWithoutValidation("Accept", "application/xml");
        await (await reader.Http.SendAsync(xml, Ct)).AssertProblemAsync(HttpStatusCode.NotAcceptable, "urn:plinth:problem:http-406");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path, Ct)).StatusCode);
        await (await withoutScope.Http.GetAsync(path, Ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await otherMunicipality.Http.GetAsync(path, Ct)).AssertProblemAsync(HttpStatusCode.NotFound, "urn:plinth:problem:not-found");
    }

    [Fact]
    public async Task A_grantee_of_the_municipalitys_reports_does_not_read_what_others_share_with_it()
    {
        var world = await UtrechtAsync();
        var (province, _) = await OwnerAsync(app, TenantKind.Municipality, "Provincie Utrecht");
        var grant = SharingGrantTests.PerformanceAgreements(province.Slug, SharedResource.Reports);
        await (await world.Utrecht.SignInAsync("tenant:admin")).Sharing.CreateSharingGrantAsync(world.Utrecht.Slug, grant, cancellationToken: Ct);
        var grantee = await province.SignInAsync("reports:read");

        var problem = await ThrowsProblemAsync(404, () => grantee.Reports.GetNormsReportAsync(world.Utrecht.Slug, cancellationToken: Ct));

        Assert.Equal("urn:plinth:problem:not-found", problem.Type);
    }
}
