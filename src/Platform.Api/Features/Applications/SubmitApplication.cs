using FastEndpoints;
using Platform.Api.Concurrency;
using Platform.Api.Errors;
using Platform.Api.Features.Tenants;
using Platform.Api.Idempotency;
using Platform.Api.OpenApi;
using Platform.Api.Security;

namespace Platform.Api.Features.Applications;

public sealed class SubmitApplicationRequest : ApplicationFields;

public sealed class SubmitApplicationValidator : Validator<SubmitApplicationRequest>
{
    public SubmitApplicationValidator() => this.IncludeApplicationFieldRules();
}

public sealed class SubmitApplicationEndpoint(ApplicationSubmissions submissions, TenantStore tenants) : Endpoint<SubmitApplicationRequest, ApplicationResponse>
{
    public override void Configure()
    {
        Post("/v1/tenders/{tenderId:guid}/applications");
        Scopes(ApiScopes.ApplicationsSubmit);
        Summary(s =>
        {
            s.Summary = "Apply to a tender";
            s.Description = "Submits a plan to any landlord's published tender (public or invite): a collective's own client, or a landlord's "
                            + "website for a person. Every section the tender requires must be there (400 naming each one missing). 409 "
                            + "tender-not-open before opensAt and from closesAt; 409 application-duplicate when the tender has an application "
                            + "with this e-mail address or KvK number. The application belongs to the landlord; the submitting tenant gets a "
                            + "receipt: the Location is under its own /v1/tenants/{tenant}/applications. Accepts an Idempotency-Key.";
        });
        Description(b => b.ClearDefaultProduces(200).Produces<ApplicationResponse>(201).ProducesProblems(StatusCodes.Status409Conflict)
            .WithMetadata(IdempotentPost.Instance));
    }

    public override async Task HandleAsync(SubmitApplicationRequest req, CancellationToken ct)
    {
        var submitter = User.TenantSlug() is { } slug ? await tenants.FindBySlugAsync(slug, ct) : null;
        if (submitter is null)
        {
            await Send.ResultAsync(Problems.Create(StatusCodes.Status403Forbidden, "Applications are submitted by a tenant's client."));
            return;
        }

        var tenderId = Route<Guid>("tenderId");
        var tender = await submissions.FindTenderAsync(tenderId, ct);
        if (tender is null)
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        if (ApplicationProblems.MissingSections(tender.RequiredSections, req.Sections) is { } missing)
        {
            await Send.ResultAsync(missing);
            return;
        }

        var outcome = await submissions.SubmitAsync(tenderId, submitter.Id, User.ClientIdOf() ?? "unknown", req, ct);
        if (outcome.Status != WriteStatus.Done)
        {
            await Send.ResultAsync(outcome.Problem());
            return;
        }

        HttpContext.Response.DescribeResource(outcome.Value!.Version);
        await Send.CreatedAtAsync<GetApplicationReceiptEndpoint>(
            new { tenant = submitter.Slug, applicationId = outcome.Value.Id }, ApplicationResponse.From(outcome.Value), cancellation: ct);
    }
}
