using FastEndpoints;
using Platform.Api.Concurrency;
using Platform.Api.Idempotency;
using Platform.Api.Security;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Tenders;

public sealed class CreateTenderRequest : TenderFields;

public sealed class CreateTenderValidator : Validator<CreateTenderRequest>
{
    public CreateTenderValidator() => this.IncludeTenderFieldRules();
}

public sealed class CreateTenderEndpoint(TenantContext tenant, TenderStore tenders) : Endpoint<CreateTenderRequest, TenderResponse>
{
    public override void Configure()
    {
        Post("/v1/tenants/{tenant}/tenders");
        Scopes(ApiScopes.TendersWrite);
        Summary(s =>
        {
            s.Summary = "Create a tender";
            s.Description = "Drafts a call for plans (\"Pitch je plan\") for one of the tenant's units (a tender per available space): criteria with weights, required "
                            + "sections, eligibility, dates, the offered terms and whether it is public. It can be changed until it is "
                            + "published. Accepts an Idempotency-Key.";
        });
        Description(b => b.ClearDefaultProduces(200).Produces<TenderResponse>(201).WithMetadata(IdempotentPost.Instance));
    }

    public override async Task HandleAsync(CreateTenderRequest req, CancellationToken ct)
    {
        var outcome = await tenders.CreateAsync(req, ct);
        if (outcome.Status != WriteStatus.Done)
        {
            await Send.ResultAsync(outcome.Problem());
            return;
        }

        HttpContext.Response.DescribeResource(outcome.Value!.Version);
        await Send.CreatedAtAsync<GetTenderEndpoint>(
            new { tenant = tenant.Current.Slug, tenderId = outcome.Value.Id }, TenderResponse.From(outcome.Value, tenders.Now), cancellation: ct);
    }
}
