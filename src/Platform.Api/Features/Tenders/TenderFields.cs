using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Platform.Api.Features.Discounts;
using Platform.Api.Features.Leases;
using Platform.Api.Validation;

namespace Platform.Api.Features.Tenders;

/// <summary>The parts of a plan an applicant writes (Rochdale asks for the first four).</summary>
public enum TenderSection
{
    Motivation,
    BusinessPlan,
    FinancialPlan,
    /// <summary>The etalageplan: what the storefront shows the street.</summary>
    StorefrontPlan,
    NeighbourhoodValue,
}

/// <summary>public: in the listing for anyone; invite: only for those the landlord sends its id.</summary>
public enum TenderVisibility
{
    Public,
    Invite,
}

/// <summary>One selection criterion with its weight; published in advance and fixed from publication (the Didam ruling).</summary>
public sealed class TenderCriterion
{
    public const string KeyPattern = @"^[a-z][a-z0-9_]{0,39}\z";

    /// <summary>How scores name the criterion, e.g. <c>storefront</c>.</summary>
    [Required]
    [MaxLength(40)]
    [RegularExpression(KeyPattern)]
    public string Key { get; init; } = "";

    [Required]
    [MaxLength(FieldLimits.Name)]
    public string Name { get; init; } = "";

    [Required]
    [MaxLength(TenderFieldRules.CriterionDescriptionLength)]
    public string Description { get; init; } = "";

    /// <summary>Percent of the total score, 1–100; a tender's weights sum to 100 when it is published.</summary>
    [Required]
    [Range(1, TenderRules.WeightTotal)]
    public int Weight { get; init; }
}

/// <summary>The pitch night (pitchavond) where the shortlisted applicants present to the neighbourhood jury.</summary>
public sealed class PitchNight
{
    [Required]
    public DateTimeOffset StartsAt { get; init; }

    [Required]
    [MaxLength(FieldLimits.Name)]
    public string Location { get; init; } = "";

    [Required]
    [Range(1, TenderFieldRules.MaxMinutesPerPitch)]
    public int MinutesPerPitch { get; init; }
}

/// <summary>A shortlisted applicant's turn on the pitch night.</summary>
public sealed class PitchSlot
{
    public required Guid ApplicationId { get; init; }

    /// <summary>The place on the shortlist: 1 pitches first.</summary>
    [Range(1, ShortlistTenderRequest.MaxEntries)]
    public required int Number { get; init; }

    public required DateTimeOffset StartsAt { get; init; }

    public required DateTimeOffset EndsAt { get; init; }
}

/// <summary>What the winner gets: the lease's rent, regime and start, and the discount if one is offered.</summary>
public sealed class OfferedTerms
{
    /// <summary>The regular monthly rent of the lease, in euro cents.</summary>
    [Required]
    [Range(0, TenderFieldRules.MaxRentCentsPerMonth)]
    public long BaseRentCentsPerMonth { get; init; }

    [Required]
    public LeaseRegime LeaseRegime { get; init; }

    [Required]
    public DateOnly LeaseStartDate { get; init; }

    /// <summary>The discount the lease gets, in the shape of a discount grant.</summary>
    public CreateDiscountRequest? Discount { get; init; }
}

/// <summary>The fields of a tender that a client writes, on create and on update (update only in draft).</summary>
public abstract class TenderFields
{
    /// <summary>The landlord's unit the tender lets, as a list of exactly one: a tender per available space.</summary>
    [Required]
    public IReadOnlyList<Guid> UnitIds { get; init; } = [];

    [Required]
    public string Title { get; init; } = "";

    [Required]
    public string Description { get; init; } = "";

    /// <summary>What the neighbourhood is like and what it lacks.</summary>
    [Required]
    public string NeighbourhoodProfile { get; init; } = "";

    /// <summary>Who may apply, e.g. "starting or social entrepreneurs".</summary>
    [Required]
    public string Eligibility { get; init; } = "";

    /// <summary>The sections every application must hold.</summary>
    [Required]
    public IReadOnlyList<TenderSection> RequiredSections { get; init; } = [];

    [Required]
    public IReadOnlyList<TenderCriterion> Criteria { get; init; } = [];

    /// <summary>From when applications are taken (the tender must be published too).</summary>
    [Required]
    public DateTimeOffset OpensAt { get; init; }

    /// <summary>Until when applications are taken; after it they are refused and the reminder scan closes the tender.</summary>
    [Required]
    public DateTimeOffset ClosesAt { get; init; }

    public PitchNight? PitchNight { get; init; }

    [Required]
    public OfferedTerms OfferedTerms { get; init; } = null!;

    [Required]
    public TenderVisibility? Visibility { get; init; }
}

public sealed class TenderCriterionValidator : AbstractValidator<TenderCriterion>
{
    public TenderCriterionValidator()
    {
        RuleFor(c => c.Key).NotEmpty().TextLength(40).Matches(TenderCriterion.KeyPattern);
        RuleFor(c => c.Name).NotEmpty().TextLength(FieldLimits.Name);
        RuleFor(c => c.Description).NotEmpty().TextLength(TenderFieldRules.CriterionDescriptionLength);
        RuleFor(c => c.Weight).InclusiveBetween(1, TenderRules.WeightTotal);
    }
}

public sealed class PitchNightValidator : AbstractValidator<PitchNight>
{
    public PitchNightValidator()
    {
        RuleFor(p => p.Location).NotEmpty().TextLength(FieldLimits.Name);
        RuleFor(p => p.MinutesPerPitch).InclusiveBetween(1, TenderFieldRules.MaxMinutesPerPitch);
    }
}

public sealed class OfferedTermsValidator : AbstractValidator<OfferedTerms>
{
    public OfferedTermsValidator()
    {
        RuleFor(o => o.BaseRentCentsPerMonth).InclusiveBetween(0, TenderFieldRules.MaxRentCentsPerMonth);
        RuleFor(o => o.LeaseRegime).IsInEnum();
        RuleFor(o => o.LeaseStartDate).NotEmpty();
        RuleFor(o => o.Discount!).SetValidator(new CreateDiscountValidator()).When(o => o.Discount is not null);
    }
}

public static class TenderFieldRules
{
    /// <summary>What a tender stored before the one-unit rule may list; responses still show such a tender's units.</summary>
    public const int MaxStoredUnits = 20;

    public const string OneUnit = "A tender lets exactly one unit: make a tender per unit.";

    public const int MaxCriteria = 10;
    public const int TextLength = 4000;
    public const int EligibilityLength = 1000;
    public const int CriterionDescriptionLength = 2000;
    public const int MaxMinutesPerPitch = 120;
    public const long MaxRentCentsPerMonth = RentArithmetic.MaxCentsPerMonth;

    public static void IncludeTenderFieldRules<T>(this AbstractValidator<T> validator) where T : TenderFields
    {
        validator.RuleFor(t => t.UnitIds).NotEmpty().WithMessage(OneUnit).MaxCount(TenderRules.UnitsPerTender).WithMessage(OneUnit);
        validator.RuleFor(t => t.Title).NotEmpty().TextLength(FieldLimits.Name);
        validator.RuleFor(t => t.Description).NotEmpty().TextLength(TextLength);
        validator.RuleFor(t => t.NeighbourhoodProfile).NotEmpty().TextLength(TextLength);
        validator.RuleFor(t => t.Eligibility).NotEmpty().TextLength(EligibilityLength);
        validator.RuleFor(t => t.RequiredSections).NotEmpty().MaxCount(Enum.GetValues<TenderSection>().Length)
            .Must(s => s.Distinct().Count() == s.Count).WithMessage("'requiredSections' must not name a section twice.");
        validator.RuleForEach(t => t.RequiredSections).IsInEnum();
        validator.RuleFor(t => t.Criteria).NotEmpty().MaxCount(MaxCriteria)
            .Must(c => c.Where(x => x is not null).Select(x => x.Key).Distinct(StringComparer.Ordinal).Count() == c.Count(x => x is not null))
            .WithMessage("'criteria' must not use a key twice.");
        validator.RuleForEach(t => t.Criteria).NotNull().SetValidator(new TenderCriterionValidator());
        validator.RuleFor(t => t.OpensAt).NotEmpty();
        validator.RuleFor(t => t.ClosesAt).GreaterThan(t => t.OpensAt).WithMessage("'closesAt' must be after 'opensAt'.");
        validator.RuleFor(t => t.PitchNight!).SetValidator(new PitchNightValidator()).When(t => t.PitchNight is not null);
        validator.RuleFor(t => t.PitchNight).Must((t, night) => night is null || night.StartsAt > t.ClosesAt)
            .WithMessage("'pitchNight.startsAt' must be after 'closesAt'.");
        validator.RuleFor(t => t.OfferedTerms).NotNull().SetValidator(new OfferedTermsValidator());
        validator.RuleFor(t => t.Visibility).NotNull().IsInEnum();
    }
}
