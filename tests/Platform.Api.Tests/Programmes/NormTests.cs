using System.Net;
using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;
using static Platform.Api.Tests.Programmes.DevelopmentScenarios;

namespace Platform.Api.Tests.Programmes;

public sealed class NormTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The proposed national norm: a fifth of the commercial work space affordable, at EUR 125 per m² per year unless stated.</summary>
    public static NormRequest AffordableShare(params string[] neighbourhoodCodes) => new()
    {
        Kind = NormKind.AffordableShareOfWorkSpacePercent,
        Value = 20,
        AppliesTo = new NormScope { MunicipalityCode = Utrecht, NeighbourhoodCodes = [.. neighbourhoodCodes] },
        ValidFrom = new DateOnly(2026, 1, 1),
    };

    public static NormRequest Norm(NormKind kind, double value) => new()
    {
        Kind = kind,
        Value = value,
        AppliesTo = new NormScope { MunicipalityCode = Utrecht, NeighbourhoodCodes = [] },
        ValidFrom = new DateOnly(2026, 1, 1),
    };

    [Fact]
    public async Task Utrecht_sets_reads_lists_changes_and_deletes_its_norms()
    {
        var (utrecht, api) = await OwnerAsync(app, TenantKind.Municipality, "Gemeente Utrecht");

        var affordable = await api.Norms.CreateNormAsync(utrecht.Slug, AffordableShare(Merwedekanaal), cancellationToken: Ct);
        var perDwelling = await api.Norms.CreateNormAsync(utrecht.Slug, Norm(NormKind.M2WorkSpacePerAddedDwelling, 5), cancellationToken: Ct);
        var change = Norm(NormKind.M2WorkSpacePerAddedDwelling, 7.5);
        var changed = await api.Norms.UpdateNormAsync(utrecht.Slug, perDwelling.Id, perDwelling.Etag, change, Ct);
        var stale = await ThrowsProblemAsync(412, () => api.Norms.UpdateNormAsync(utrecht.Slug, perDwelling.Id, perDwelling.Etag, change, Ct));
        var listed = await api.Norms.ListNormsAsync(utrecht.Slug, cancellationToken: Ct);
        await api.Norms.DeleteNormAsync(utrecht.Slug, affordable.Id, affordable.Etag, Ct);

        Assert.Equal((NormKind.AffordableShareOfWorkSpacePercent, 20d, 12_500L), (affordable.Kind, affordable.Value, affordable.MaxAffordableRentCentsPerM2Year));
        Assert.Equal([Merwedekanaal], affordable.AppliesTo.NeighbourhoodCodes);
        Assert.Null(perDwelling.MaxAffordableRentCentsPerM2Year);
        Assert.Empty(perDwelling.AppliesTo.NeighbourhoodCodes);
        Assert.Equal((7.5, "\"2\""), (changed.Value, changed.Etag));
        Assert.Equal("urn:plinth:problem:precondition-failed", stale.Type);
        Assert.Equal([affordable.Id, perDwelling.Id], listed.Items.Select(n => n.Id));
        await ThrowsProblemAsync(404, () => api.Norms.GetNormAsync(utrecht.Slug, affordable.Id, Ct));
        Assert.Equal(7.5, (await api.Norms.GetNormAsync(utrecht.Slug, perDwelling.Id, Ct)).Value);
    }

    [Theory]
    [InlineData("value")]
    [InlineData("maxAffordableRentCentsPerM2Year")]
    [InlineData("appliesTo.municipalityCode")]
    [InlineData("appliesTo.neighbourhoodCodes[0]")]
    public async Task A_bad_norm_is_refused_with_its_field_and_nothing_is_stored(string field)
    {
        var (utrecht, api) = await OwnerAsync(app, TenantKind.Municipality, "Gemeente Utrecht");
        var request = field switch
        {
            "value" => Norm(NormKind.WorkShareOfProgrammePercent, 101),
            "maxAffordableRentCentsPerM2Year" => Norm(NormKind.NoNetLoss, 100),
            "appliesTo.municipalityCode" => Norm(NormKind.NoNetLoss, 100),
            _ => AffordableShare("BU05180101"),
        };
        if (field == "maxAffordableRentCentsPerM2Year")
            request.MaxAffordableRentCentsPerM2Year = 11_000;
        if (field == "appliesTo.municipalityCode")
            request.AppliesTo = new NormScope { MunicipalityCode = "GM0518", NeighbourhoodCodes = [] };

        var problem = await ThrowsProblemAsync(400, () => api.Norms.CreateNormAsync(utrecht.Slug, request, cancellationToken: Ct));

        Assert.Contains(field, problem.FieldNames());
        Assert.Empty((await api.Norms.ListNormsAsync(utrecht.Slug, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task Only_a_municipality_sets_norms_wrong_scope_is_403_other_tenant_is_404_no_token_is_401()
    {
        var (utrecht, api) = await OwnerAsync(app, TenantKind.Municipality, "Gemeente Utrecht");
        var norm = await api.Norms.CreateNormAsync(utrecht.Slug, AffordableShare(), cancellationToken: Ct);
        var (mitros, mitrosApi) = await CorporationAsync(app);
        var readOnly = await utrecht.SignInAsync("programmes:read");
        var reportsOnly = await utrecht.SignInAsync("reports:read");

        var corporation = await ThrowsProblemAsync(403, () => mitrosApi.Norms.CreateNormAsync(mitros.Slug, AffordableShare(), cancellationToken: Ct));
        await ThrowsProblemAsync(403, () => readOnly.Norms.CreateNormAsync(utrecht.Slug, AffordableShare(), cancellationToken: Ct));
        await ThrowsProblemAsync(403, () => reportsOnly.Norms.GetNormAsync(utrecht.Slug, norm.Id, Ct));
        await ThrowsProblemAsync(404, () => mitrosApi.Norms.GetNormAsync(utrecht.Slug, norm.Id, Ct));
        await ThrowsProblemAsync(404, () => mitrosApi.Norms.DeleteNormAsync(utrecht.Slug, norm.Id, "*", Ct));

        using var anonymous = app.Anonymous();
        using var response = await anonymous.GetAsync($"/v1/tenants/{utrecht.Slug}/norms", Ct);
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("urn:plinth:problem:forbidden", corporation.Type);
        Assert.Equal(norm.Id, (await readOnly.Norms.GetNormAsync(utrecht.Slug, norm.Id, Ct)).Id);
        Assert.Empty((await mitrosApi.Norms.ListNormsAsync(mitros.Slug, cancellationToken: Ct)).Items);
    }
}
