using FastEndpoints;
using FluentValidation;
using Platform.Api.Concurrency;
using Platform.Api.Security;
using Platform.Api.Validation;

namespace Platform.Api.Features.Units;

public sealed class UpdateUnitRequest : UnitFields
{
    /// <summary>
    /// Why the classification changes; required when the category changes (BOG ↔ MOG), when a new detail code makes the unit
    /// DAEB or niet-DAEB, and when the DAEB override is removed; kept in the unit's history.
    /// </summary>
    public string? Reason { get; init; }
}

public sealed class UpdateUnitValidator : Validator<UpdateUnitRequest>
{
    public UpdateUnitValidator()
    {
        this.IncludeUnitFieldRules();
        RuleFor(u => u.Reason).TextLength(1000);
    }
}

public sealed class UpdateUnitEndpoint(UnitStore units) : Endpoint<UpdateUnitRequest, UnitResponse>
{
    public override void Configure()
    {
        Put("/v1/tenants/{tenant}/units/{unitId:guid}");
        Scopes(ApiScopes.PlinthsWrite);
        Summary(s =>
        {
            s.Summary = "Update a unit";
            s.Description = "Replaces the unit's fields. Changing the category (BOG ↔ MOG), a detail code that makes the unit DAEB or "
                            + "niet-DAEB, or removing the DAEB override needs a reason (400 naming reason); these changes, and setting or "
                            + "changing the override, are kept in the unit's classification history. Requires If-Match with the ETag last read.";
        });
        Description(b => b.WithMetadata(RequiresIfMatch.Instance));
    }

    public override async Task HandleAsync(UpdateUnitRequest req, CancellationToken ct)
    {
        var outcome = await units.UpdateAsync(Route<Guid>("unitId"), HttpContext.ExpectedVersion(), req, User.ClientIdOf() ?? "unknown", ct);
        if (outcome.Status != WriteStatus.Done)
        {
            await Send.ResultAsync(outcome.Problem());
            return;
        }

        HttpContext.Response.DescribeResource(outcome.Value!.Version);
        await Send.OkAsync(UnitResponse.From(outcome.Value), ct);
    }
}
