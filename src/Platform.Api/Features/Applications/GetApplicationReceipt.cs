using FastEndpoints;
using Platform.Api.Concurrency;
using Platform.Api.Errors;
using Platform.Api.Security;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Applications;

public sealed class GetApplicationReceiptEndpoint(TenantContext tenant, ApplicationSubmissions submissions) : EndpointWithoutRequest<ApplicationResponse>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/applications/{applicationId:guid}");
        Scopes(ApiScopes.ApplicationsSubmit);
        Summary(s =>
        {
            s.Summary = "Get an application this tenant submitted";
            s.Description = "One of this tenant's applications, with its current status; another tenant's application answers 404.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var row = await submissions.FindReceiptAsync(tenant.Id, Route<Guid>("applicationId"), ct);
        if (row is null)
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        HttpContext.Response.DescribeResource(row.Version);
        await Send.OkAsync(ApplicationResponse.From(row), ct);
    }
}
