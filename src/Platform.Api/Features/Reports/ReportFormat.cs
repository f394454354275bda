using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Platform.Api.Features.Reports;

public enum ReportFormat
{
    Json,
    Csv,
}

/// <summary>Endpoint metadata: the report also answers text/csv with these columns, and 406 to an Accept it cannot give.</summary>
public sealed record CsvReport(IReadOnlyList<string> Columns)
{
    public const string MediaType = "text/csv";

    public const string ContentType = "text/csv; charset=utf-8; header=present";

    /// <summary>The header row, as the contract states it.</summary>
    public string HeaderRow => string.Join(',', Columns);
}

/// <summary>
/// Which format a report's Accept header asks for: JSON without one. Each format takes the quality of the most specific
/// media range that covers it (text/csv before text/* before */*); the higher quality wins, on a tie the format named more
/// exactly, then JSON. Null when the header accepts neither format (the answer is 406).
/// </summary>
public static class ReportFormats
{
    static readonly (ReportFormat Format, string Type, string SubType)[] Offered =
    [
        (ReportFormat.Json, "application", "json"),
        (ReportFormat.Csv, "text", "csv"),
    ];

    public static ReportFormat? Negotiate(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept))
            return ReportFormat.Json;
        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges))
            return null;

        return Offered
            .Select(offer => ranges
                .Select(range => (Range: range, Specificity: Specificity(range, offer.Type, offer.SubType)))
                .Where(match => match.Specificity > 0)
                .OrderByDescending(match => match.Specificity)
                .Select(match => (offer.Format, Quality: match.Range.Quality ?? 1, match.Specificity))
                .FirstOrDefault())
            .Where(choice => choice.Quality > 0)
            .OrderByDescending(choice => choice.Quality).ThenByDescending(choice => choice.Specificity).ThenBy(choice => choice.Format)
            .Select(choice => (ReportFormat?)choice.Format)
            .FirstOrDefault();
    }

    /// <summary>3 for type/subtype, 2 for type/*, 1 for */*, 0 when the range does not cover the media type.</summary>
    static int Specificity(MediaTypeHeaderValue range, string type, string subType) =>
        range.MatchesAllTypes ? 1
        : !range.Type.Equals(type, StringComparison.OrdinalIgnoreCase) ? 0
        : range.MatchesAllSubTypes ? 2
        : range.SubType.Equals(subType, StringComparison.OrdinalIgnoreCase) ? 3
        : 0;
}
