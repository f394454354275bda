using System.Globalization;
using System.Text;
using Platform.Api.Persistence;

namespace Platform.Api.Features.Reports;

/// <summary>One column of a report's CSV: its stable snake_case name and the value it takes from a row.</summary>
public sealed record CsvColumn<TRow>(string Name, Func<TRow, object?> Value);

/// <summary>
/// A report as one CSV table (RFC 4180): a header row of the column names, then one line per row, CRLF line ends.
/// Values are written as a spreadsheet reads them without guessing: ISO dates, integer cents, decimals with a point,
/// enums in their wire spelling, nothing for null. A field with a comma, a quote or a line break is quoted, quotes doubled.
/// </summary>
public sealed class CsvTable<TRow>(IReadOnlyList<CsvColumn<TRow>> columns)
{
    public IReadOnlyList<string> ColumnNames { get; } = columns.Select(c => c.Name).ToList();

    public string Write(IEnumerable<TRow> rows)
    {
        var csv = new StringBuilder();
        AppendLine(csv, ColumnNames);
        foreach (var row in rows)
            AppendLine(csv, columns.Select(c => Field(c.Value(row))));
        return csv.ToString();
    }

    static void AppendLine(StringBuilder csv, IEnumerable<string> fields) => csv.AppendJoin(',', fields).Append("\r\n");

    static string Field(object? value) => value switch
    {
        null => "",
        string text => Text(text),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        Enum kind => EnumNames.TextOf(kind.GetType(), kind),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => Text(value.ToString() ?? ""),
    };

    /// <summary>
    /// Free text as a field. Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
    /// return) gets a leading apostrophe, as OWASP advises against CSV injection; numbers are never text, so they keep their sign.
    /// </summary>
    static string Text(string text)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            text = "'" + text;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
