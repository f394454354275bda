using System.ComponentModel;
using FastEndpoints;
using FluentValidation;
using Platform.Api.Features.Sharing;
using Platform.Api.Paging;
using Platform.Api.Persistence;
using Platform.Api.Security;
using Platform.Api.Tenancy;
using Platform.Api.Validation;

namespace Platform.Api.Features.Units;

public sealed class ListUnitsRequest : PageQuery
{
    /// <summary>Only the units of this plinth.</summary>
    public Guid? PlinthId { get; init; }

    [Description("Only BED (BOG) or only MOG units.")]
    public UnitCategory? Category { get; init; }

    /// <summary>Only units with this VERA detail code, e.g. ATE.</summary>
    public string? DetailCode { get; init; }

    [Description("Only units with this status; let means a lease is active today.")]
    public UnitStatus? Status { get; init; }
}

public sealed class ListUnitsValidator : Validator<ListUnitsRequest>
{
    public ListUnitsValidator()
    {
        this.IncludePageRules(idOrdered: true);
        RuleFor(r => r.DetailCode).TextLength(3, 3).Matches(UnitClassification.DetailCodePattern);
    }
}

public sealed class ListUnitsEndpoint(UnitStore units) : Endpoint<ListUnitsRequest, Page<UnitResponse>>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/units");
        Scopes(ApiScopes.PlinthsRead, ApiScopes.PlinthsWrite);
        Options(b => b.WithMetadata(new GranteeReadable(SharedResource.Units, ApiScopes.PlinthsRead)));
        Summary(s =>
        {
            s.Summary = "List units";
            s.Description = "The tenant's units in the order they were created, optionally filtered.";
        });
    }

    public override async Task HandleAsync(ListUnitsRequest req, CancellationToken ct)
    {
        var filter = new UnitFilter
        {
            PlinthId = req.PlinthId,
            Category = req.Category is { } category ? EnumText<UnitCategory>.ToText(category) : null,
            DetailCode = req.DetailCode,
            Status = req.Status is { } status ? EnumText<UnitStatus>.ToText(status) : null,
        };
        var rows = await units.ListAsync(filter, req.AfterId, req.ReadLimit, ct);
        await Send.OkAsync(Page<UnitResponse>.From(rows, req.Limit, UnitResponse.From, r => r.Id.ToString()), ct);
    }
}
