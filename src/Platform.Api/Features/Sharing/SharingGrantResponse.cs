using System.ComponentModel.DataAnnotations;
using Platform.Api.Paging;
using Platform.Api.Persistence;
using Platform.Api.Validation;

namespace Platform.Api.Features.Sharing;

/// <summary>A tenant on either side of a grant.</summary>
public sealed class SharingParty
{
    [MaxLength(FieldLimits.Slug)]
    [RegularExpression(DutchCodes.SlugPattern)]
    public required string Slug { get; init; }

    [MaxLength(FieldLimits.Name)]
    public required string Name { get; init; }
}

/// <summary>Which of the owner's plinths a grant covers, with their units and leases. A list left out (null) limits nothing.</summary>
public sealed class SharingGrantFilter
{
    public const int MaxMunicipalityCodes = 50;
    public const int MaxPlinthIds = 100;

    /// <summary>Only plinths in these CBS municipalities (<c>GM0344</c>).</summary>
    [MaxLength(MaxMunicipalityCodes)]
    public IReadOnlyList<string>? MunicipalityCodes { get; init; }

    /// <summary>Only these plinths, each one of the owner's.</summary>
    [MaxLength(MaxPlinthIds)]
    public IReadOnlyList<Guid>? PlinthIds { get; init; }
}

/// <summary>A sharing grant, as its owner and its grantee see it.</summary>
public sealed class SharingGrantResponse
{
    public required Guid Id { get; init; }

    /// <summary>The tenant whose data is shared.</summary>
    public required SharingParty Owner { get; init; }

    /// <summary>The tenant that may read it.</summary>
    public required SharingParty Grantee { get; init; }

    [MaxLength(SharingGrantRules.ResourceKinds)]
    public required IReadOnlyList<SharedResource> Resources { get; init; }

    public required SharingGrantFilter Filter { get; init; }

    [MaxLength(SharingGrantRules.PurposeLength)]
    public required string Purpose { get; init; }

    /// <summary>The first day the grantee may read.</summary>
    public required DateOnly ValidFrom { get; init; }

    /// <summary>The last day the grantee may read; null for no end.</summary>
    public required DateOnly? ValidUntil { get; init; }

    /// <summary>Derived from the dates, today (in the platform's time zone) and the revocation.</summary>
    public required SharingGrantStatus Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset? RevokedAt { get; init; }

    /// <summary>A page of grants, each with its status on <paramref name="today"/>.</summary>
    public static Page<SharingGrantResponse> PageOf(IReadOnlyList<SharingGrantRow> rows, int limit, DateOnly today) =>
        Page<SharingGrantResponse>.From(rows, limit, r => From(r, today), r => r.Id.ToString());

    public static SharingGrantResponse From(SharingGrantRow row, DateOnly today) => new()
    {
        Id = row.Id,
        Owner = new SharingParty { Slug = row.OwnerSlug, Name = row.OwnerName },
        Grantee = new SharingParty { Slug = row.GranteeSlug, Name = row.GranteeName },
        Resources = row.ResourceList,
        Filter = new SharingGrantFilter
        {
            MunicipalityCodes = row.MunicipalityCodes is null ? null : SpaceList.Split(row.MunicipalityCodes),
            PlinthIds = row.PlinthIds is null ? null : SpaceList.Split(row.PlinthIds).Select(Guid.Parse).ToList(),
        },
        Purpose = row.Purpose,
        ValidFrom = row.ValidFrom,
        ValidUntil = row.ValidUntil,
        Status = SharingGrantRules.StatusOn(row.Term, today),
        CreatedAt = row.CreatedAt,
        RevokedAt = row.RevokedAt,
    };
}
