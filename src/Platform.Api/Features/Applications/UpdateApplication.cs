using FastEndpoints;
using Platform.Api.Concurrency;
using Platform.Api.Errors;
using Platform.Api.OpenApi;
using Platform.Api.Security;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Applications;

public sealed class UpdateApplicationRequest : ApplicationFields;

public sealed class UpdateApplicationValidator : Validator<UpdateApplicationRequest>
{
    public UpdateApplicationValidator() => this.IncludeApplicationFieldRules();
}

public sealed class UpdateApplicationEndpoint(TenantContext tenant, ApplicationSubmissions submissions)
    : Endpoint<UpdateApplicationRequest, ApplicationResponse>
{
    public override void Configure()
    {
        Put("/v1/tenants/{tenant}/applications/{applicationId:guid}");
        Scopes(ApiScopes.ApplicationsSubmit);
        Summary(s =>
        {
            s.Summary = "Change an application this tenant submitted";
            s.Description = "Replaces the applicant and the sections until the tender closes (409 tender-not-open after, "
                            + "application-withdrawn once withdrawn). Requires If-Match with the ETag last read.";
        });
        Description(b => b.ProducesProblems(StatusCodes.Status409Conflict).WithMetadata(RequiresIfMatch.Instance));
    }

    public override async Task HandleAsync(UpdateApplicationRequest req, CancellationToken ct)
    {
        var id = Route<Guid>("applicationId");
        var receipt = await submissions.FindReceiptAsync(tenant.Id, id, ct);
        if (receipt is null)
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        if (ApplicationProblems.MissingSections(receipt.TenderRequiredSections, req.Sections) is { } missing)
        {
            await Send.ResultAsync(missing);
            return;
        }

        var outcome = await submissions.ChangeAsync(tenant.Id, id, HttpContext.ExpectedVersion(), req, ct);
        if (outcome.Status != WriteStatus.Done)
        {
            await Send.ResultAsync(outcome.Problem());
            return;
        }

        HttpContext.Response.DescribeResource(outcome.Value!.Version);
        await Send.OkAsync(ApplicationResponse.From(outcome.Value), ct);
    }
}
