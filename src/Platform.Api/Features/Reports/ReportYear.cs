using FastEndpoints;
using FluentValidation;

namespace Platform.Api.Features.Reports;

/// <summary>The years a report covers: those a budget may have.</summary>
public static class ReportYears
{
    public const int First = 2000;

    public const int Last = 2100;
}

/// <summary>The query of a report over one calendar year.</summary>
public sealed class ReportYearRequest
{
    /// <summary>The calendar year the report covers, 2000–2100; this year (in Platform:TimeZone) when left out.</summary>
    public int? Year { get; init; }
}

public sealed class ReportYearValidator : Validator<ReportYearRequest>
{
    public ReportYearValidator()
    {
        RuleFor(r => r.Year).InclusiveBetween(ReportYears.First, ReportYears.Last);
    }
}
