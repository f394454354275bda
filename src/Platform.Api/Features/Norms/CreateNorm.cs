using FastEndpoints;
using Platform.Api.Concurrency;
using Platform.Api.Errors;
using Platform.Api.Idempotency;
using Platform.Api.Security;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Norms;

public sealed class CreateNormEndpoint(TenantContext tenant, NormStore norms) : Endpoint<NormRequest, NormResponse>
{
    public override void Configure()
    {
        Post("/v1/tenants/{tenant}/norms");
        Scopes(ApiScopes.ProgrammesWrite, ApiScopes.TenantAdmin);
        Summary(s =>
        {
            s.Summary = "Set a norm";
            s.Description = "A municipality's norm for work space in developments, from validFrom on, for the whole municipality or some of "
                            + "its neighbourhoods; appliesTo.municipalityCode must be the municipality's own (400). Only a municipality sets "
                            + "norms: another kind of tenant answers 403. Accepts an Idempotency-Key.";
        });
        Description(b => b.ClearDefaultProduces(200).Produces<NormResponse>(201).WithMetadata(IdempotentPost.Instance));
    }

    public override async Task HandleAsync(NormRequest req, CancellationToken ct)
    {
        var setter = await norms.SetterAsync(ct);
        if (!setter.IsMunicipality)
        {
            await Send.ResultAsync(Problems.Create(StatusCodes.Status403Forbidden, "Only a municipality sets norms."));
            return;
        }

        var outcome = await norms.CreateAsync(setter, req, ct);
        if (outcome.Status != WriteStatus.Done)
        {
            await Send.ResultAsync(outcome.Problem());
            return;
        }

        HttpContext.Response.DescribeResource(outcome.Value!.Version);
        await Send.CreatedAtAsync<GetNormEndpoint>(new { tenant = tenant.Current.Slug, normId = outcome.Value.Id }, NormResponse.From(outcome.Value), cancellation: ct);
    }
}
