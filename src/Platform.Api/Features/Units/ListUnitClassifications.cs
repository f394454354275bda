using System.ComponentModel.DataAnnotations;
using FastEndpoints;
using Platform.Api.Errors;
using Platform.Api.Paging;
using Platform.Api.Persistence;
using Platform.Api.Security;
using Platform.Api.Validation;

namespace Platform.Api.Features.Units;

public sealed class ListUnitClassificationsRequest : PageQuery;

public sealed class ListUnitClassificationsValidator : Validator<ListUnitClassificationsRequest>
{
    public ListUnitClassificationsValidator() => this.IncludePageRules(idOrdered: true);
}

/// <summary>One change of a unit's category, of whether it is DAEB, or of its DAEB override, with the reason given for it.</summary>
public sealed class UnitClassificationResponse
{
    public required Guid Id { get; init; }

    public required UnitCategory FromCategory { get; init; }

    [MaxLength(3)]
    [RegularExpression(UnitClassification.DetailCodePattern)]
    public required string FromDetailCode { get; init; }

    public required UnitCategory ToCategory { get; init; }

    [MaxLength(3)]
    [RegularExpression(UnitClassification.DetailCodePattern)]
    public required string ToDetailCode { get; init; }

    public required bool FromDaeb { get; init; }

    public required bool ToDaeb { get; init; }

    /// <summary>The DAEB override in force after the change; null when the detail code decides.</summary>
    public DaebOverride? DaebOverride { get; init; }

    /// <summary>The reason given with the change, or the new override's reason when none was.</summary>
    [MaxLength(1000)]
    public required string Reason { get; init; }

    public required DateTimeOffset ChangedAt { get; init; }

    /// <summary>The API client that made the change.</summary>
    [MaxLength(FieldLimits.ClientId)]
    public required string ChangedBy { get; init; }

    public static UnitClassificationResponse From(UnitClassificationRow row) => new()
    {
        Id = row.Id,
        FromCategory = EnumText<UnitCategory>.Parse(row.FromCategory),
        FromDetailCode = row.FromDetailCode,
        ToCategory = EnumText<UnitCategory>.Parse(row.ToCategory),
        ToDetailCode = row.ToDetailCode,
        FromDaeb = row.FromDaeb,
        ToDaeb = row.ToDaeb,
        DaebOverride = row.DaebOverride is { } daeb ? new DaebOverride { Daeb = daeb, Reason = row.DaebOverrideReason! } : null,
        Reason = row.Reason,
        ChangedAt = row.ChangedAt,
        ChangedBy = row.ChangedBy,
    };
}

public sealed class ListUnitClassificationsEndpoint(UnitStore units)
    : Endpoint<ListUnitClassificationsRequest, Page<UnitClassificationResponse>>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/units/{unitId:guid}/classifications");
        Scopes(ApiScopes.PlinthsRead, ApiScopes.PlinthsWrite);
        Summary(s =>
        {
            s.Summary = "List a unit's classification history";
            s.Description = "Every change of the unit's category (BOG ↔ MOG), of whether it is DAEB (by a detail code or an override), "
                            + "and of its DAEB override, oldest first, with its reason.";
        });
    }

    public override async Task HandleAsync(ListUnitClassificationsRequest req, CancellationToken ct)
    {
        var unitId = Route<Guid>("unitId");
        if (await units.FindAsync(unitId, ct) is null)
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        var rows = await units.ListClassificationsAsync(unitId, req.AfterId, req.ReadLimit, ct);
        await Send.OkAsync(Page<UnitClassificationResponse>.From(rows, req.Limit, UnitClassificationResponse.From, r => r.Id.ToString()), ct);
    }
}
