using FastEndpoints;
using Platform.Api.Concurrency;
using Platform.Api.Idempotency;
using Platform.Api.Security;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Plinths;

public sealed class CreatePlinthEndpoint(TenantContext tenant, PlinthStore plinths) : Endpoint<PlinthRequest, PlinthResponse>
{
    public override void Configure()
    {
        Post("/v1/tenants/{tenant}/plinths");
        Scopes(ApiScopes.PlinthsWrite);
        Summary(s =>
        {
            s.Summary = "Create a plinth";
            s.Description = "Registers the ground floor of a residential block. Accepts an Idempotency-Key.";
        });
        Description(b => b.ClearDefaultProduces(200).Produces<PlinthResponse>(201).WithMetadata(IdempotentPost.Instance));
    }

    public override async Task HandleAsync(PlinthRequest req, CancellationToken ct)
    {
        var row = await plinths.CreateAsync(req, ct);
        HttpContext.Response.DescribeResource(row.Version, createdAt: $"/v1/tenants/{tenant.Current.Slug}/plinths/{row.Id}");
        await Send.ResponseAsync(PlinthResponse.From(row), StatusCodes.Status201Created, ct);
    }
}
