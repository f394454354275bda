using FastEndpoints;
using Platform.Api.Concurrency;
using Platform.Api.Errors;
using Platform.Api.Idempotency;
using Platform.Api.Security;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Developments;

public sealed class CreateDevelopmentEndpoint(TenantContext tenant, DevelopmentStore developments) : Endpoint<DevelopmentRequest, DevelopmentResponse>
{
    public override void Configure()
    {
        Post("/v1/tenants/{tenant}/developments");
        Scopes(ApiScopes.ProgrammesWrite, ApiScopes.TenantAdmin);
        Summary(s =>
        {
            s.Summary = "Create a development";
            s.Description = "Registers a housing development of a housing corporation or a municipality (a collective answers 403): where it "
                            + "lies, the dwellings it adds and removes and the business space it replaces. Its programme is recorded as "
                            + "versions (programme-versions). Accepts an Idempotency-Key.";
        });
        Description(b => b.ClearDefaultProduces(200).Produces<DevelopmentResponse>(201).WithMetadata(IdempotentPost.Instance));
    }

    public override async Task HandleAsync(DevelopmentRequest req, CancellationToken ct)
    {
        if (!await developments.OwnerMayDevelopAsync(ct))
        {
            await Send.ResultAsync(Problems.Create(StatusCodes.Status403Forbidden, "Developments belong to housing corporations and municipalities."));
            return;
        }

        var row = await developments.CreateAsync(req, ct);
        HttpContext.Response.DescribeResource(row.Version);
        await Send.CreatedAtAsync<GetDevelopmentEndpoint>(
            new { tenant = tenant.Current.Slug, developmentId = row.Id }, DevelopmentResponse.From(row), cancellation: ct);
    }
}
