using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Platform.Api.Tests.Infrastructure;
using static Platform.Api.Tests.Infrastructure.ProblemAssertions;

namespace Platform.Api.Tests.Security;

/// <summary>A second deployment whose embedded token server stands in for a customer's own OIDC authority.</summary>
public sealed class AuthorityApp : PlatformApp
{
    public AuthorityApp(int port)
        : base(sqliteFile: null, port) => Issuer = $"http://127.0.0.1:{port}/";

    public string Issuer { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("TokenServer:Issuer", Issuer);
    }
}

/// <summary>The API, configured to accept the access tokens of <see cref="AuthorityApp"/> as well as its own.</summary>
public sealed class RelyingApp(string authority) : PlatformApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Authentication:External:Authority", authority);
        builder.UseSetting("Authentication:External:Audience", "plinth-api");
        builder.UseSetting("Authentication:External:RequireHttpsMetadata", "false");
    }
}

public sealed class ExternalAuthorityTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Tokens_of_a_configured_external_authority_work_for_the_tenant_they_name_and_no_further()
    {
        await using var authority = new AuthorityApp(ApiProcess.FreePort());
        await authority.InitializeAsync();
        await using var api = new RelyingApp(authority.Issuer);
        await api.InitializeAsync();

        // The same organisation is a tenant in both deployments, under the same slug.
        var atAuthority = await authority.CreateTenantAsync(name: "Rochdale");
        var (_, client) = await atAuthority.ClientAsync("plinths:read", "tenant:admin");
        var externalToken = await authority.AccessTokenAsync(client.ClientId, client.ClientSecret);
        var here = await api.Admin.Tenants.CreateTenantAsync(new Plinth.Platform.Client.CreateTenantRequest
        {
            Slug = atAuthority.Slug, Name = "Rochdale", Kind = Plinth.Platform.Client.TenantKind.HousingCorporation, MunicipalityCode = "GM0363",
        }, cancellationToken: Ct);
        var other = await api.CreateTenantAsync();

        using var external = api.WithToken(externalToken);
        using var own = await external.GetAsync($"/v1/tenants/{here.Slug}/plinths", Ct);
        using var foreign = await external.GetAsync($"/v1/tenants/{other.Slug}/plinths", Ct);
        using var platform = api.WithToken(await authority.AccessTokenAsync(PlatformApp.AdminClientId, PlatformApp.AdminSecret));
        using var platformRoute = await platform.GetAsync("/v1/tenants", Ct);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await foreign.AssertProblemAsync(HttpStatusCode.NotFound);
        // An external authority cannot hand out platform administration.
        await platformRoute.AssertProblemAsync(HttpStatusCode.Forbidden);
        // The API's own tokens keep working beside the external ones.
        Assert.NotEmpty((await api.Admin.Tenants.ListTenantsAsync(cancellationToken: Ct)).Items);
    }
}
