using System.Net;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Reports;

/// <summary>What every report refuses: a year outside 2000–2100, an Accept it cannot give, and callers without reports:read of the tenant.</summary>
public sealed class ReportAccessTests(PlatformApp app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Reports() => ["portfolio", "impact"];

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task A_year_outside_2000_to_2100_or_not_a_number_is_a_400_naming_year(string report)
    {
        var tenant = await app.CreateTenantAsync();
        var api = await tenant.SignInAsync("reports:read");

        foreach (var year in new[] { "1999", "2101", "twenty" })
        {
            using var response = await api.Http.GetAsync($"/v1/tenants/{tenant.Slug}/reports/{report}?year={year}", Ct);

            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "urn:plinth:problem:validation");
            Assert.Equal(["year"], problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        }
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task A_report_answers_406_to_an_accept_that_allows_neither_json_nor_csv(string report)
    {
        var tenant = await app.CreateTenantAsync();
        var api = await tenant.SignInAsync("reports:read");

        foreach (var accept in new[] { "application/xml", "text/csv;q=0", "application/pdf, text/html" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/tenants/{tenant.Slug}/reports/{report}");
            request.Headers.TryAddWithoutValidation("Accept", accept);
            using var response = await api.Http.SendAsync(request, Ct);

            await response.AssertProblemAsync(HttpStatusCode.NotAcceptable, "urn:plinth:problem:http-406");
        }
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task A_report_needs_a_token_with_reports_read_of_the_tenant(string report)
    {
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var withoutScope = await tenant.SignInAsync("plinths:read", "discounts:read", "leases:read");
        var otherReader = await other.SignInAsync("reports:read");
        using var anonymous = app.Anonymous();
        var path = $"/v1/tenants/{tenant.Slug}/reports/{report}";

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path, Ct)).StatusCode);
        await (await withoutScope.Http.GetAsync(path, Ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await otherReader.Http.GetAsync(path, Ct)).AssertProblemAsync(HttpStatusCode.NotFound, "urn:plinth:problem:not-found");
    }
}
