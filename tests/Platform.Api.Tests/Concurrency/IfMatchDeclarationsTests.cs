using FastEndpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Concurrency;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests.Concurrency;

public sealed class IfMatchDeclarationsTests(PlatformApp app)
{
    static RouteEndpoint Endpoint(string method, params object[] metadata) =>
        new(_ => Task.CompletedTask, RoutePatternFactory.Parse("/v1/tenants/{tenant}/things/{id}"), 0,
            new EndpointMetadataCollection([new HttpMethodMetadata([method]), .. metadata]), "thing");

    [Fact]
    public void A_write_that_does_not_declare_whether_it_takes_if_match_stops_the_host()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => IfMatchDeclarations.Verify([Endpoint("DELETE")]));

        Assert.Contains("DELETE /v1/tenants/{tenant}/things/{id}", refused.Message);
    }

    [Fact]
    public void A_declared_write_a_create_and_a_read_start()
    {
        var refusal = Record.Exception(() => IfMatchDeclarations.Verify(
        [
            Endpoint("PUT", RequiresIfMatch.Instance),
            Endpoint("POST", new TakesNoIfMatch("a transition that checks its own state")),
            Endpoint("POST", new ProducesResponseTypeMetadata(StatusCodes.Status201Created, typeof(object), ["application/json"])),
            Endpoint("GET"),
        ]));

        Assert.Null(refusal);
    }

    [Fact]
    public void Every_write_of_the_api_declares_it()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<EndpointDefinition>() is not null).ToList();

        IfMatchDeclarations.Verify(endpoints);
        Assert.Contains(endpoints, e => e.Metadata.GetMetadata<TakesNoIfMatch>() is not null);
        Assert.Contains(endpoints, e => e.Metadata.GetMetadata<RequiresIfMatch>() is not null);
    }
}
