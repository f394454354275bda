using FastEndpoints;
using Platform.Api.Errors;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Tenants;

public sealed class GetTenantEndpoint(TenantContext tenant, TenantStore tenants) : EndpointWithoutRequest<TenantResponse>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}");
        Summary(s =>
        {
            s.Summary = "Get a tenant";
            s.Description = "A tenant's own clients read their tenant; platform administrators read any.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var row = await tenants.FindBySlugAsync(tenant.Current.Slug, ct);
        if (row is null)
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        await Send.OkAsync(TenantResponse.From(row), ct);
    }
}
