using FastEndpoints;
using Platform.Api.Concurrency;
using Platform.Api.Idempotency;
using Platform.Api.OpenApi;
using Platform.Api.Security;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Applications;

public sealed class WithdrawApplicationEndpoint(TenantContext tenant, ApplicationSubmissions submissions) : EndpointWithoutRequest<ApplicationResponse>
{
    public override void Configure()
    {
        Post("/v1/tenants/{tenant}/applications/{applicationId:guid}/withdraw");
        Scopes(ApiScopes.ApplicationsSubmit);
        Summary(s =>
        {
            s.Summary = "Withdraw an application this tenant submitted";
            s.Description = "Takes the application out of the tender until it closes (409 tender-not-open after, application-withdrawn "
                            + "the second time). The same e-mail address or KvK number may then apply again. Accepts an Idempotency-Key.";
        });
        Description(b => b.ProducesProblems(StatusCodes.Status409Conflict).WithMetadata(IdempotentPost.Instance)
            .WithMetadata(new TakesNoIfMatch("A withdrawal checks the application's own status: 409 when it was withdrawn already.")));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var outcome = await submissions.ChangeAsync(tenant.Id, Route<Guid>("applicationId"), expectedVersion: null, request: null, ct);
        if (outcome.Status != WriteStatus.Done)
        {
            await Send.ResultAsync(outcome.Problem());
            return;
        }

        HttpContext.Response.DescribeResource(outcome.Value!.Version);
        await Send.OkAsync(ApplicationResponse.From(outcome.Value), ct);
    }
}
