using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Platform.Api.Features.Tenders;
using Platform.Api.Validation;

namespace Platform.Api.Features.Applications;

public enum ApplicationStatus
{
    Submitted,
    Eligible,
    Ineligible,
    Withdrawn,

    /// <summary>On the tender's shortlist: invited to pitch.</summary>
    Shortlisted,

    /// <summary>Eligible, but left off the shortlist.</summary>
    NotSelected,

    /// <summary>Chosen at the award: its applicant gets the lease.</summary>
    Awarded,

    /// <summary>Shortlisted, but not chosen at the award.</summary>
    Rejected,
}

/// <summary>Who applies: a person, or a person for an organisation.</summary>
public sealed class Applicant
{
    public const string PhonePattern = @"^\+?[0-9][0-9 ()-]{2,39}\z";

    [Required]
    public string Name { get; init; } = "";

    public string? Organisation { get; init; }

    /// <summary>The organisation's Chamber of Commerce number, eight digits; one application per KvK number per tender.</summary>
    public string? KvkNumber { get; init; }

    /// <summary>One application per e-mail address per tender.</summary>
    [Required]
    public string Email { get; init; } = "";

    public string? Phone { get; init; }
}

/// <summary>The plan, one text per section (50–10,000 characters each); every section the tender requires must be there.</summary>
public sealed class ApplicationSections
{
    public const int MinLength = 50;
    public const int MaxLength = 10_000;

    public string? Motivation { get; init; }

    public string? BusinessPlan { get; init; }

    public string? FinancialPlan { get; init; }

    /// <summary>The etalageplan.</summary>
    public string? StorefrontPlan { get; init; }

    public string? NeighbourhoodValue { get; init; }

    public string? TextOf(TenderSection section) => section switch
    {
        TenderSection.Motivation => Motivation,
        TenderSection.BusinessPlan => BusinessPlan,
        TenderSection.FinancialPlan => FinancialPlan,
        TenderSection.StorefrontPlan => StorefrontPlan,
        TenderSection.NeighbourhoodValue => NeighbourhoodValue,
        _ => throw new ArgumentOutOfRangeException(nameof(section)),
    };
}

/// <summary>What an applicant writes, on submission and on a change before closing.</summary>
public abstract class ApplicationFields
{
    [Required]
    public Applicant Applicant { get; init; } = null!;

    [Required]
    public ApplicationSections Sections { get; init; } = null!;

    /// <summary>When the applicant would like the lease to start.</summary>
    public DateOnly? RequestedStartDate { get; init; }
}

public sealed class ApplicantValidator : AbstractValidator<Applicant>
{
    public ApplicantValidator()
    {
        RuleFor(a => a.Name).NotEmpty().TextLength(FieldLimits.Name);
        RuleFor(a => a.Organisation).TextLength(FieldLimits.Name);
        RuleFor(a => a.KvkNumber).KvkNumber();
        RuleFor(a => a.Email).NotEmpty().TextLength(ApplicationFieldRules.EmailLength).Email();
        RuleFor(a => a.Phone).TextLength(40).Matches(Applicant.PhonePattern);
    }
}

public sealed class ApplicationSectionsValidator : AbstractValidator<ApplicationSections>
{
    public ApplicationSectionsValidator()
    {
        RuleFor(s => s.Motivation).TextLength(ApplicationSections.MinLength, ApplicationSections.MaxLength);
        RuleFor(s => s.BusinessPlan).TextLength(ApplicationSections.MinLength, ApplicationSections.MaxLength);
        RuleFor(s => s.FinancialPlan).TextLength(ApplicationSections.MinLength, ApplicationSections.MaxLength);
        RuleFor(s => s.StorefrontPlan).TextLength(ApplicationSections.MinLength, ApplicationSections.MaxLength);
        RuleFor(s => s.NeighbourhoodValue).TextLength(ApplicationSections.MinLength, ApplicationSections.MaxLength);
    }
}

public static class ApplicationFieldRules
{
    public const int EmailLength = 320;

    public static void IncludeApplicationFieldRules<T>(this AbstractValidator<T> validator) where T : ApplicationFields
    {
        validator.RuleFor(a => a.Applicant).NotNull().SetValidator(new ApplicantValidator());
        validator.RuleFor(a => a.Sections).NotNull().SetValidator(new ApplicationSectionsValidator());
    }
}
