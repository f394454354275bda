using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using FluentValidation;
using Platform.Api.Concurrency;
using Platform.Api.OpenApi;
using Platform.Api.Security;
using Platform.Api.Tenancy;
using Platform.Api.Validation;

namespace Platform.Api.Features.Jurors;

public sealed class CreateJurorRequest
{
    /// <summary>The juror's name as the landlord and the other jurors know it.</summary>
    [Required]
    public string Name { get; init; } = "";

    [Required]
    public JurorRole? Role { get; init; }
}

public sealed class CreateJurorValidator : Validator<CreateJurorRequest>
{
    public CreateJurorValidator()
    {
        RuleFor(r => r.Name).NotEmpty().TextLength(FieldLimits.Name);
        RuleFor(r => r.Role).NotNull();
    }
}

public sealed class CreatedJurorResponse
{
    public required JurorResponse Juror { get; init; }

    /// <summary>
    /// The juror's key (256 random bits), shown only here: the juror sends it as the Juror-Key header on /v1/jury/tenders/{tenderId}.
    /// Only its hash is stored.
    /// </summary>
    [MaxLength(FieldLimits.ClientSecret)]
    [RegularExpression(FieldLimits.ClientSecretPattern)]
    public required string Key { get; init; }
}

public sealed class CreateJurorEndpoint(TenantContext tenant, JurorStore jurors) : Endpoint<CreateJurorRequest, CreatedJurorResponse>
{
    public override void Configure()
    {
        Post("/v1/tenants/{tenant}/tenders/{tenderId:guid}/jurors");
        Scopes(ApiScopes.TendersWrite);
        Summary(s =>
        {
            s.Summary = "Appoint a juror";
            s.Description = "Appoints a resident or a professional to the tender's neighbourhood jury, without an account: the answer holds the "
                            + "juror's key, valid only for this tender's jury operations and only until the award, the cancellation or the juror's "
                            + "revocation. The key is in this response only, which is also why this create takes no Idempotency-Key: a replay "
                            + "would have to store the key. 409 tender-jury-closed once the tender is awarded or cancelled.";
        });
        Description(b => b.ClearDefaultProduces(200).Produces<CreatedJurorResponse>(201).ProducesProblems(StatusCodes.Status409Conflict));
    }

    public override async Task HandleAsync(CreateJurorRequest req, CancellationToken ct)
    {
        var tenderId = Route<Guid>("tenderId");
        var outcome = await jurors.AppointAsync(tenderId, req.Name.Trim(), req.Role!.Value, ct);
        if (outcome.Status != WriteStatus.Done)
        {
            await Send.ResultAsync(outcome.Problem());
            return;
        }

        var (juror, key) = outcome.Value;
        HttpContext.Response.DescribeResource(juror.Version);
        await Send.CreatedAtAsync<GetJurorEndpoint>(new { tenant = tenant.Current.Slug, tenderId, jurorId = juror.Id },
            new CreatedJurorResponse { Juror = JurorResponse.From(juror), Key = key }, cancellation: ct);
    }
}
