using System.Net;
using System.Net.Http.Json;
using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;

namespace Platform.Api.Tests.Tenants;

public sealed class CreateTenantTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static CreateTenantRequest Staedion(string slug) => new()
    {
        Slug = slug,
        Name = "Staedion",
        Kind = TenantKind.HousingCorporation,
        MunicipalityCode = "GM0518",
        KvkNumber = "27108382",
    };

    static string UniqueSlug(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24];

    [Fact]
    public async Task Platform_admin_registers_a_housing_corporation()
    {
        var slug = UniqueSlug("staedion");

        var created = await app.Admin.Tenants.CreateTenantAsync(Staedion(slug), cancellationToken: Ct);

        Assert.Equal(slug, created.Slug);
        Assert.Equal("Staedion", created.Name);
        Assert.Equal(TenantKind.HousingCorporation, created.Kind);
        Assert.Equal("GM0518", created.MunicipalityCode);
        Assert.Equal("27108382", created.KvkNumber);
        Assert.NotEqual(Guid.Empty, created.Id);

        var read = await app.Admin.Tenants.GetTenantAsync(slug, Ct);
        Assert.Equal(created.Id, read.Id);
    }

    [Fact]
    public async Task Creation_answers_201_with_the_location_of_the_tenant()
    {
        var slug = UniqueSlug("utrecht");

        using var response = await app.Admin.Http.PostAsJsonAsync("/v1/tenants",
            new { slug, name = "Gemeente Utrecht", kind = "municipality", municipalityCode = "GM0344" }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/v1/tenants/{slug}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_collective_needs_no_kvk_number()
    {
        var request = Staedion(UniqueSlug("keilecollectief"));
        request.Kind = TenantKind.Collective;
        request.KvkNumber = null;

        var created = await app.Admin.Tenants.CreateTenantAsync(request, cancellationToken: Ct);

        Assert.Equal(TenantKind.Collective, created.Kind);
        Assert.Null(created.KvkNumber);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Staedion")]
    [InlineData("staedion den haag")]
    [InlineData("-staedion")]
    [InlineData("staedion-")]
    [InlineData("staedion_den_haag")]
    [InlineData("a-slug-that-is-far-too-long-to-be-accepted-by-the-platform-at-all")]
    public async Task A_bad_slug_is_refused_and_nothing_is_stored(string slug)
    {
        var problem = await ThrowsProblemAsync(400, () => app.Admin.Tenants.CreateTenantAsync(Staedion(slug), cancellationToken: Ct));

        Assert.Equal("urn:plinth:problem:validation", problem.Type);
        Assert.Equal(["slug"], problem.FieldNames());
        await ThrowsProblemAsync(404, () => app.Admin.Tenants.GetTenantAsync(slug, Ct));
    }

    [Theory]
    [InlineData("0344")]
    [InlineData("GM344")]
    [InlineData("gm0344")]
    [InlineData("GM03440")]
    [InlineData("BU03440000")]
    [InlineData("")]
    public async Task A_bad_cbs_municipality_code_is_refused(string code)
    {
        var request = Staedion(UniqueSlug("staedion"));
        request.MunicipalityCode = code;

        var problem = await ThrowsProblemAsync(400, () => app.Admin.Tenants.CreateTenantAsync(request, cancellationToken: Ct));

        Assert.Equal(["municipalityCode"], problem.FieldNames());
        await ThrowsProblemAsync(404, () => app.Admin.Tenants.GetTenantAsync(request.Slug, Ct));
    }

    [Theory]
    [InlineData("2710838")]
    [InlineData("271083820")]
    [InlineData("2710838a")]
    public async Task A_bad_kvk_number_is_refused(string kvk)
    {
        var request = Staedion(UniqueSlug("staedion"));
        request.KvkNumber = kvk;

        var problem = await ThrowsProblemAsync(400, () => app.Admin.Tenants.CreateTenantAsync(request, cancellationToken: Ct));

        Assert.Equal(["kvkNumber"], problem.FieldNames());
    }

    [Fact]
    public async Task Every_invalid_field_is_reported_at_once()
    {
        using var response = await app.Admin.Http.PostAsJsonAsync("/v1/tenants", new { slug = "X", name = "", kind = (string?)null, municipalityCode = "0344" }, Ct);

        var body = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "urn:plinth:problem:validation");
        var fields = body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("name").GetString()).Order().ToList();
        Assert.Equal(["kind", "municipalityCode", "name", "slug"], fields);
    }

    [Fact]
    public async Task An_unknown_tenant_kind_is_refused()
    {
        using var response = await app.Admin.Http.PostAsJsonAsync("/v1/tenants",
            new { slug = UniqueSlug("x"), name = "X", kind = "bank", municipalityCode = "GM0344" }, Ct);

        var body = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "urn:plinth:problem:validation");
        Assert.Equal("kind", body.GetProperty("errors")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_duplicate_slug_answers_409_and_keeps_the_first_tenant()
    {
        var slug = UniqueSlug("woonin");
        await app.Admin.Tenants.CreateTenantAsync(Staedion(slug), cancellationToken: Ct);
        var second = Staedion(slug);
        second.Name = "Someone else";

        var problem = await ThrowsProblemAsync(409, () => app.Admin.Tenants.CreateTenantAsync(second, cancellationToken: Ct));

        Assert.Equal("urn:plinth:problem:duplicate-slug", problem.Type);
        Assert.Equal("Staedion", (await app.Admin.Tenants.GetTenantAsync(slug, Ct)).Name);
    }

    [Fact]
    public async Task Only_platform_administrators_create_tenants()
    {
        var tenant = await app.CreateTenantAsync();
        var tenantAdmin = await tenant.SignInAsync("tenant:admin", "plinths:write");

        await ThrowsProblemAsync(403, () => tenantAdmin.Tenants.CreateTenantAsync(Staedion(UniqueSlug("x")), cancellationToken: Ct));

        using var anonymous = app.Anonymous();
        using var response = await anonymous.PostAsJsonAsync("/v1/tenants", Staedion(UniqueSlug("x")), Ct);
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "urn:plinth:problem:unauthorized");
    }

    [Fact]
    public async Task A_retried_creation_with_the_same_idempotency_key_answers_the_same_tenant()
    {
        var slug = UniqueSlug("rochdale");
        var key = Guid.NewGuid().ToString();

        var first = await app.Admin.Tenants.CreateTenantAsync(Staedion(slug), key, Ct);
        var retried = await app.Admin.Tenants.CreateTenantAsync(Staedion(slug), key, Ct);

        Assert.Equal(first.Id, retried.Id);
        var other = Staedion(UniqueSlug("other"));
        var reused = await ThrowsProblemAsync(422, () => app.Admin.Tenants.CreateTenantAsync(other, key, Ct));
        Assert.Equal("urn:plinth:problem:idempotency-key-reused", reused.Type);
    }
}
