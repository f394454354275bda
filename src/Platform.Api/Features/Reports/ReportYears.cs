namespace Platform.Api.Features.Reports;

/// <summary>The years a report covers: those a budget may have.</summary>
public static class ReportYears
{
    public const int First = 2000;

    public const int Last = 2100;
}
