using System.Net;
using System.Net.Http.Json;
using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;
using static Platform.Api.Tests.Programmes.DevelopmentScenarios;

namespace Platform.Api.Tests.Programmes;

public sealed class DevelopmentTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mitros_registers_Merwede_reads_it_back_lists_it_and_updates_it_with_its_etag()
    {
        var (tenant, api) = await CorporationAsync(app);

        var created = await api.Developments.CreateDevelopmentAsync(tenant.Slug, Merwede(), cancellationToken: Ct);
        var read = await api.Developments.GetDevelopmentAsync(tenant.Slug, created.Id, Ct);
        var change = Merwede();
        change.NeighbourhoodCodes = [Merwedekanaal, Kanaleneiland];
        change.DwellingsAdded = 40;
        var updated = await api.Developments.UpdateDevelopmentAsync(tenant.Slug, created.Id, read.Etag, change, Ct);
        var stale = await ThrowsProblemAsync(412, () => api.Developments.UpdateDevelopmentAsync(tenant.Slug, created.Id, read.Etag, change, Ct));
        var listed = await api.Developments.ListDevelopmentsAsync(tenant.Slug, cancellationToken: Ct);

        Assert.Equal(("Merwede", Utrecht, 38, 1_200), (read.Name, read.MunicipalityCode, read.DwellingsAdded, read.WorkSpaceRemovedM2));
        Assert.Equal([Merwedekanaal], read.NeighbourhoodCodes);
        Assert.Null(read.CurrentProgrammeVersion);
        Assert.Equal("\"1\"", read.Etag);
        Assert.Equal(40, updated.DwellingsAdded);
        Assert.Equal([Merwedekanaal, Kanaleneiland], updated.NeighbourhoodCodes);
        Assert.Equal("\"2\"", updated.Etag);
        Assert.Equal("urn:plinth:problem:precondition-failed", stale.Type);
        Assert.Equal([created.Id], listed.Items.Select(d => d.Id));
    }

    [Fact]
    public async Task Creation_answers_201_with_a_location_that_resolves()
    {
        var (tenant, api) = await CorporationAsync(app);

        using var response = await api.Http.PostAsJsonAsync($"/v1/tenants/{tenant.Slug}/developments", Merwede(), Ct);
        using var followed = await api.Http.GetAsync(response.Headers.Location, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Matches($"^/v1/tenants/{tenant.Slug}/developments/[0-9a-f-]{{36}}$", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
    }

    [Theory]
    [InlineData("municipalityCode")]
    [InlineData("neighbourhoodCodes")]
    [InlineData("neighbourhoodCodes[0]")]
    [InlineData("dwellingsAdded")]
    [InlineData("workSpaceRemovedM2")]
    public async Task A_bad_field_is_refused_with_its_name_and_nothing_is_stored(string field)
    {
        var (tenant, api) = await CorporationAsync(app);
        var request = Merwede();
        switch (field)
        {
            case "municipalityCode": request.MunicipalityCode = "0344"; break;
            case "neighbourhoodCodes": request.NeighbourhoodCodes = [Merwedekanaal, Merwedekanaal]; break;
            case "neighbourhoodCodes[0]": request.NeighbourhoodCodes = ["BU05180101"]; break;
            case "dwellingsAdded": request.DwellingsAdded = -1; break;
            case "workSpaceRemovedM2": request.WorkSpaceRemovedM2 = -5; break;
        }

        var problem = await ThrowsProblemAsync(400, () => api.Developments.CreateDevelopmentAsync(tenant.Slug, request, cancellationToken: Ct));

        Assert.Contains(field, problem.FieldNames());
        Assert.Empty((await api.Developments.ListDevelopmentsAsync(tenant.Slug, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task A_municipality_develops_too_a_collective_does_not()
    {
        var (municipality, municipalityApi) = await OwnerAsync(app, TenantKind.Municipality, "Gemeente Utrecht");
        var (collective, collectiveApi) = await OwnerAsync(app, TenantKind.Collective, "Keilecollectief");

        var own = await municipalityApi.Developments.CreateDevelopmentAsync(municipality.Slug, Merwede(), cancellationToken: Ct);
        var refused = await ThrowsProblemAsync(403, () => collectiveApi.Developments.CreateDevelopmentAsync(collective.Slug, Merwede(), cancellationToken: Ct));

        Assert.Equal(own.Id, (await municipalityApi.Developments.GetDevelopmentAsync(municipality.Slug, own.Id, Ct)).Id);
        Assert.Equal("urn:plinth:problem:forbidden", refused.Type);
        Assert.Empty((await collectiveApi.Developments.ListDevelopmentsAsync(collective.Slug, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task Wrong_scope_is_403_other_tenant_is_404_no_token_is_401()
    {
        var (tenant, api) = await CorporationAsync(app);
        var development = await api.Developments.CreateDevelopmentAsync(tenant.Slug, Merwede(), cancellationToken: Ct);
        await api.Developments.CreateProgrammeVersionAsync(tenant.Slug, development.Id, Original(), cancellationToken: Ct);
        var readOnly = await tenant.SignInAsync("programmes:read");
        var plinthsOnly = await tenant.SignInAsync("plinths:read");
        var (_, otherApi) = await CorporationAsync(app, "Portaal");

        await ThrowsProblemAsync(403, () => plinthsOnly.Developments.GetDevelopmentAsync(tenant.Slug, development.Id, Ct));
        await ThrowsProblemAsync(403, () => readOnly.Developments.CreateProgrammeVersionAsync(tenant.Slug, development.Id, WorkCut(), cancellationToken: Ct));
        await ThrowsProblemAsync(403, () => readOnly.Developments.UpdateDevelopmentAsync(tenant.Slug, development.Id, "*", Merwede(), Ct));
        await ThrowsProblemAsync(404, () => otherApi.Developments.GetDevelopmentAsync(tenant.Slug, development.Id, Ct));
        await ThrowsProblemAsync(404, () => otherApi.Developments.GetProgrammeDiffAsync(tenant.Slug, development.Id, Ct));
        await ThrowsProblemAsync(404, () => otherApi.Developments.CreateProgrammeVersionAsync(tenant.Slug, development.Id, WorkCut(), cancellationToken: Ct));

        using var anonymous = app.Anonymous();
        using var response = await anonymous.GetAsync($"/v1/tenants/{tenant.Slug}/developments/{development.Id}/programme-versions", Ct);
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Single((await readOnly.Developments.ListProgrammeVersionsAsync(tenant.Slug, development.Id, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task The_original_stays_the_cut_needs_a_reason_and_the_diff_shows_it_line_by_line()
    {
        var (tenant, api) = await CorporationAsync(app);
        var development = await api.Developments.CreateDevelopmentAsync(tenant.Slug, Merwede(), cancellationToken: Ct);

        var original = await api.Developments.CreateProgrammeVersionAsync(tenant.Slug, development.Id, Original(), cancellationToken: Ct);
        var unexplained = await ThrowsProblemAsync(400, () =>
            api.Developments.CreateProgrammeVersionAsync(tenant.Slug, development.Id, WorkCut(reason: null), cancellationToken: Ct));
        var cut = await api.Developments.CreateProgrammeVersionAsync(tenant.Slug, development.Id, WorkCut(), cancellationToken: Ct);
        var diff = await api.Developments.GetProgrammeDiffAsync(tenant.Slug, development.Id, Ct);
        var versions = await api.Developments.ListProgrammeVersionsAsync(tenant.Slug, development.Id, cancellationToken: Ct);

        Assert.Equal(1, original.Number);
        Assert.Empty(original.CutFunctions);
        Assert.Equal(["reason"], unexplained.FieldNames());
        Assert.Equal(2, cut.Number);
        Assert.Equal([ProgrammeFunction.Work], cut.CutFunctions);
        Assert.Equal([original.Id, cut.Id], versions.Items.Select(v => v.Id));
        Assert.Equal(2, (await api.Developments.GetDevelopmentAsync(tenant.Slug, development.Id, Ct)).CurrentProgrammeVersion);

        var reread = await api.Developments.GetProgrammeVersionAsync(tenant.Slug, development.Id, original.Id, Ct);
        Assert.Equal([16_000, 2_500, 1_000, 500], reread.Lines.Select(l => l.M2));
        Assert.Equal((1, 2), (diff.Original.Number, diff.Current.Number));
        var work = diff.Lines.Single(l => l.Function == ProgrammeFunction.Work);
        Assert.Equal((2_500, 1_500, -1_000, 500, 300, -200),
            (work.OriginalM2, work.CurrentM2, work.ChangeM2, work.OriginalAffordableM2, work.CurrentAffordableM2, work.ChangeAffordableM2));
        Assert.Equal(1_000, diff.Lines.Single(l => l.Function == ProgrammeFunction.Housing).ChangeM2);
        Assert.Equal(0, diff.Lines.Single(l => l.Function == ProgrammeFunction.Facilities).ChangeM2);
        Assert.Equal([ProgrammeFunction.Work], diff.CutFunctions);
    }

    [Theory]
    [InlineData("lines")]
    [InlineData("lines[1].affordableM2")]
    [InlineData("lines[0].affordableM2")]
    [InlineData("decidedOn")]
    public async Task A_bad_version_is_refused_with_its_field_and_nothing_is_stored(string field)
    {
        var (tenant, api) = await CorporationAsync(app);
        var development = await api.Developments.CreateDevelopmentAsync(tenant.Slug, Merwede(), cancellationToken: Ct);
        await api.Developments.CreateProgrammeVersionAsync(tenant.Slug, development.Id, Original(), cancellationToken: Ct);
        var request = Original();
        switch (field)
        {
            case "lines": request.Lines = [Line(ProgrammeFunction.Work, 10), Line(ProgrammeFunction.Work, 20)]; break;
            case "lines[1].affordableM2": request.Lines[1].AffordableM2 = 2_501; break;
            case "lines[0].affordableM2": request.Lines[0].AffordableM2 = 1; break;
            case "decidedOn": request.DecidedOn = new DateOnly(2026, 1, 31); break;
        }

        var problem = await ThrowsProblemAsync(400, () => api.Developments.CreateProgrammeVersionAsync(tenant.Slug, development.Id, request, cancellationToken: Ct));

        Assert.Contains(field, problem.FieldNames());
        Assert.Single((await api.Developments.ListProgrammeVersionsAsync(tenant.Slug, development.Id, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task A_retried_version_is_recorded_once_and_a_development_without_versions_has_no_diff()
    {
        var (tenant, api) = await CorporationAsync(app);
        var development = await api.Developments.CreateDevelopmentAsync(tenant.Slug, Merwede(), cancellationToken: Ct);
        await ThrowsProblemAsync(404, () => api.Developments.GetProgrammeDiffAsync(tenant.Slug, development.Id, Ct));
        var key = Guid.NewGuid().ToString();

        var first = await api.Developments.CreateProgrammeVersionAsync(tenant.Slug, development.Id, Original(), key, Ct);
        var again = await api.Developments.CreateProgrammeVersionAsync(tenant.Slug, development.Id, Original(), key, Ct);
        var diff = await api.Developments.GetProgrammeDiffAsync(tenant.Slug, development.Id, Ct);

        Assert.Equal(first.Id, again.Id);
        Assert.Single((await api.Developments.ListProgrammeVersionsAsync(tenant.Slug, development.Id, cancellationToken: Ct)).Items);
        Assert.Equal((1, 1), (diff.Original.Number, diff.Current.Number));
        Assert.All(diff.Lines, l => Assert.Equal(0, l.ChangeM2));
    }
}
