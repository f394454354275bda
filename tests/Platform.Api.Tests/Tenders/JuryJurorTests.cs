using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Plinth.Platform.Client;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;

namespace Platform.Api.Tests.Tenders;

/// <summary>Rochdale appoints its neighbourhood jury; each juror's key is a credential of its own, for its tender's jury routes only.</summary>
public sealed class JuryJurorTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rochdale_appoints_a_resident_and_a_professional_and_each_key_is_shown_once()
    {
        var rochdale = await app.LandlordAsync();
        var tender = await rochdale.PublishedAsync();

        using var response = await rochdale.Api.Http.PostAsJsonAsync($"/v1/tenants/{rochdale.Slug}/tenders/{tender.Id}/jurors",
            JuryScenarios.Resident(), Platform.Api.ApiJson.Options, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<CreatedJurorResponse>(Platform.Api.ApiJson.Options, Ct))!;
        var professional = await rochdale.AppointAsync(tender.Id, JuryScenarios.Professional());

        Assert.Matches("^[A-Za-z0-9_-]{43}$", created.Key);
        Assert.NotEqual(created.Key, professional.Key);
        Assert.Equal(JurorRole.Resident, created.Juror.Role);
        Assert.Equal(JurorStatus.Active, created.Juror.Status);
        var read = await rochdale.Api.Jurors.GetJurorAsync(rochdale.Slug, tender.Id, created.Juror.Id, Ct);
        Assert.Equal($"/v1/tenants/{rochdale.Slug}/tenders/{tender.Id}/jurors/{created.Juror.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal("Fatima el Amrani", read.Name);
        var list = await rochdale.Api.Http.GetStringAsync($"/v1/tenants/{rochdale.Slug}/tenders/{tender.Id}/jurors", Ct);
        Assert.DoesNotContain(created.Key, list, StringComparison.Ordinal);
        Assert.DoesNotContain(professional.Key, list, StringComparison.Ordinal);
        var page = await rochdale.Api.Jurors.ListJurorsAsync(rochdale.Slug, tender.Id, cancellationToken: Ct);
        Assert.Equal([created.Juror.Id, professional.Juror.Id], page.Items.Select(j => j.Id));
        var audit = await rochdale.Api.Audit.ListAuditEventsAsync(rochdale.Slug, AuditEntityType.Juror, created.Juror.Id, cancellationToken: Ct);
        Assert.Equal([AuditAction.Created], audit.Items.Select(e => e.Action));
        Assert.DoesNotContain(audit.Items.SelectMany(e => e.Changes), c => c.New == created.Key);
    }

    [Fact]
    public async Task A_jurors_list_pages_in_appointment_order()
    {
        var rochdale = await app.LandlordAsync();
        var tender = await rochdale.PublishedAsync();
        var appointed = new List<Guid>();
        for (var i = 0; i < 3; i++)
            appointed.Add((await rochdale.AppointAsync(tender.Id, JuryScenarios.Resident($"Bewoner {i}"))).Juror.Id);

        var first = await rochdale.Api.Jurors.ListJurorsAsync(rochdale.Slug, tender.Id, limit: 2, cancellationToken: Ct);
        var second = await rochdale.Api.Jurors.ListJurorsAsync(rochdale.Slug, tender.Id, limit: 2, cursor: first.NextCursor, cancellationToken: Ct);

        Assert.Equal(appointed, first.Items.Concat(second.Items).Select(j => j.Id));
        Assert.Null(second.NextCursor);
    }

    [Fact]
    public async Task A_juror_without_a_name_or_a_role_is_refused_naming_the_field_and_nothing_is_stored()
    {
        var rochdale = await app.LandlordAsync();
        var tender = await rochdale.PublishedAsync();

        var noName = await ThrowsProblemAsync(400, () => rochdale.AppointAsync(tender.Id, new CreateJurorRequest { Name = "", Role = JurorRole.Resident }));
        var tooLong = await ThrowsProblemAsync(400, () => rochdale.AppointAsync(tender.Id, JuryScenarios.Resident(new string('é', 201))));
        using var noRole = await rochdale.Api.Http.PostAsJsonAsync($"/v1/tenants/{rochdale.Slug}/tenders/{tender.Id}/jurors", new { name = "Fatima" }, Ct);
        using var unknownRole = await rochdale.Api.Http.PostAsJsonAsync($"/v1/tenants/{rochdale.Slug}/tenders/{tender.Id}/jurors", new { name = "Fatima", role = "mayor" }, Ct);

        Assert.Equal(["name"], noName.FieldNames());
        Assert.Equal(["name"], tooLong.FieldNames());
        Assert.Equal("role", (await noRole.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors")[0].GetProperty("name").GetString());
        Assert.Equal("role", (await unknownRole.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors")[0].GetProperty("name").GetString());
        Assert.Empty((await rochdale.Api.Jurors.ListJurorsAsync(rochdale.Slug, tender.Id, cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task Appointing_needs_tenders_write_and_the_landlords_own_tender()
    {
        var rochdale = await app.LandlordAsync();
        var tender = await rochdale.PublishedAsync();
        var reader = await rochdale.Tenant.SignInAsync("tenders:read");
        var other = await app.LandlordAsync("Eigen Haard");
        var juror = await rochdale.AppointAsync(tender.Id, JuryScenarios.Resident());

        await ThrowsProblemAsync(403, () => reader.Jurors.CreateJurorAsync(rochdale.Slug, tender.Id, JuryScenarios.Resident(), Ct));
        await ThrowsProblemAsync(403, () => reader.Jurors.RevokeJurorAsync(rochdale.Slug, tender.Id, juror.Juror.Id, cancellationToken: Ct));
        Assert.Equal(juror.Juror.Id, (await reader.Jurors.GetJurorAsync(rochdale.Slug, tender.Id, juror.Juror.Id, Ct)).Id);
        await ThrowsProblemAsync(404, () => other.Api.Jurors.CreateJurorAsync(rochdale.Slug, tender.Id, JuryScenarios.Resident(), Ct));
        await ThrowsProblemAsync(404, () => other.AppointAsync(tender.Id, JuryScenarios.Resident()));
        await ThrowsProblemAsync(404, () => other.Api.Jurors.ListJurorsAsync(other.Slug, tender.Id, cancellationToken: Ct));
        var another = await rochdale.PublishedAsync(TenderScenarios.PitchJePlan([(await rochdale.AnotherUnitAsync()).Id]));
        await ThrowsProblemAsync(404, () => rochdale.Api.Jurors.GetJurorAsync(rochdale.Slug, another.Id, juror.Juror.Id, Ct));
        using var anonymous = app.Anonymous();
        using var tokenless = await anonymous.PostAsJsonAsync($"/v1/tenants/{rochdale.Slug}/tenders/{tender.Id}/jurors", JuryScenarios.Resident(), Ct);
        await tokenless.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_juror_key_opens_its_own_tender_on_the_jury_route_and_no_other()
    {
        var rochdale = await app.LandlordAsync();
        var tender = await rochdale.PublishedAsync();
        var another = await rochdale.PublishedAsync(TenderScenarios.PitchJePlan([(await rochdale.AnotherUnitAsync()).Id]));
        var resident = await rochdale.AppointAsync(tender.Id, JuryScenarios.Resident());
        var jury = app.Juror(resident.Key);

        var seen = await jury.GetJuryTenderAsync(tender.Id, Ct);

        Assert.Equal(tender.Id, seen.TenderId);
        Assert.Equal(resident.Juror.Id, seen.Juror.Id);
        Assert.Equal(["open_function", "storefront", "affordable", "feasibility"], seen.Criteria.Select(c => c.Key));
        Assert.All(seen.Criteria, c => Assert.Equal(25, c.Weight));
        var elsewhere = await ThrowsProblemAsync(404, () => jury.GetJuryTenderAsync(another.Id, Ct));
        Assert.Equal("urn:plinth:problem:not-found", elsewhere.Type);
    }

    [Fact]
    public async Task The_jury_route_takes_a_juror_key_and_nothing_else()
    {
        var rochdale = await app.LandlordAsync();
        var tender = await rochdale.PublishedAsync();
        await rochdale.AppointAsync(tender.Id, JuryScenarios.Resident());
        var token = await app.AccessTokenAsync(PlatformApp.AdminClientId, PlatformApp.AdminSecret);
        using var bearer = app.WithToken(token);

        await ThrowsProblemAsync(401, () => new JuryClient(app.Anonymous()).GetJuryTenderAsync(tender.Id, Ct));
        await ThrowsProblemAsync(401, () => app.Juror("not-a-key").GetJuryTenderAsync(tender.Id, Ct));
        await ThrowsProblemAsync(401, () => app.Juror(new string('A', 43)).GetJuryTenderAsync(tender.Id, Ct));
        await ThrowsProblemAsync(401, () => new JuryClient(bearer).GetJuryTenderAsync(tender.Id, Ct));
        await ThrowsProblemAsync(401, () => new JuryClient(rochdale.Api.Http).GetJuryTenderAsync(tender.Id, Ct));
    }

    [Fact]
    public async Task A_juror_key_is_no_token_on_the_landlords_routes()
    {
        var rochdale = await app.LandlordAsync();
        var tender = await rochdale.PublishedAsync();
        var resident = await rochdale.AppointAsync(tender.Id, JuryScenarios.Resident());
        using var http = app.Anonymous();
        http.DefaultRequestHeaders.Add("Juror-Key", resident.Key);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", resident.Key);

        using var response = await http.GetAsync($"/v1/tenants/{rochdale.Slug}/tenders/{tender.Id}", Ct);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_revoked_jurors_key_answers_401_and_a_second_revocation_is_a_409()
    {
        var rochdale = await app.LandlordAsync();
        var tender = await rochdale.PublishedAsync();
        var resident = await rochdale.AppointAsync(tender.Id, JuryScenarios.Resident());
        var professional = await rochdale.AppointAsync(tender.Id, JuryScenarios.Professional());

        var revoked = await rochdale.Api.Jurors.RevokeJurorAsync(rochdale.Slug, tender.Id, resident.Juror.Id, cancellationToken: Ct);

        Assert.Equal(JurorStatus.Revoked, revoked.Status);
        Assert.NotNull(revoked.RevokedAt);
        Assert.Equal("\"2\"", revoked.Etag);
        await ThrowsProblemAsync(401, () => app.Juror(resident.Key).GetJuryTenderAsync(tender.Id, Ct));
        Assert.Equal(professional.Juror.Id, (await app.Juror(professional.Key).GetJuryTenderAsync(tender.Id, Ct)).Juror.Id);
        var again = await ThrowsProblemAsync(409, () => rochdale.Api.Jurors.RevokeJurorAsync(rochdale.Slug, tender.Id, resident.Juror.Id, cancellationToken: Ct));
        Assert.Equal("urn:plinth:problem:juror-revoked", again.Type);
        await ThrowsProblemAsync(404, () => rochdale.Api.Jurors.RevokeJurorAsync(rochdale.Slug, tender.Id, Guid.NewGuid(), cancellationToken: Ct));
        var audit = await rochdale.Api.Audit.ListAuditEventsAsync(rochdale.Slug, AuditEntityType.Juror, resident.Juror.Id, cancellationToken: Ct);
        Assert.Equal([AuditAction.Created, AuditAction.Revoked], audit.Items.Select(e => e.Action));
    }

    [Fact]
    public async Task Cancelling_the_tender_ends_every_jurors_key_and_the_jury()
    {
        var rochdale = await app.LandlordAsync();
        var (tender, resident, professional) = await rochdale.PitchingAsync();

        await rochdale.Api.Tenders.CancelTenderAsync(rochdale.Slug, tender.Id, cancellationToken: Ct);

        await ThrowsProblemAsync(401, () => app.Juror(resident.Key).GetJuryTenderAsync(tender.Id, Ct));
        await ThrowsProblemAsync(401, () => app.Juror(professional.Key).GetJuryTenderAsync(tender.Id, Ct));
        var closed = await ThrowsProblemAsync(409, () => rochdale.AppointAsync(tender.Id, JuryScenarios.Resident()));
        Assert.Equal("urn:plinth:problem:tender-jury-closed", closed.Type);
    }
}
