using Platform.Api.Features.Reports;

namespace Platform.Api.Tests.Reports;

/// <summary>How a report reads its Accept header, and how it writes a CSV table.</summary>
public sealed class ReportFormatTests
{
    [Theory]
    [InlineData(null, ReportFormat.Json)]
    [InlineData("", ReportFormat.Json)]
    [InlineData("application/json", ReportFormat.Json)]
    [InlineData("*/*", ReportFormat.Json)]
    [InlineData("text/csv", ReportFormat.Csv)]
    [InlineData("text/csv; charset=utf-8", ReportFormat.Csv)]
    [InlineData("text/*", ReportFormat.Csv)]
    [InlineData("application/json, text/csv", ReportFormat.Json)]
    [InlineData("text/csv, application/json", ReportFormat.Json)]
    [InlineData("text/csv, */*;q=0.8", ReportFormat.Csv)]
    [InlineData("text/csv, */*", ReportFormat.Csv)]
    [InlineData("application/json;q=0.5, text/csv", ReportFormat.Csv)]
    [InlineData("application/json;q=0, */*", ReportFormat.Csv)]
    public void A_report_answers_the_acceptable_format_of_highest_quality_and_json_on_a_tie(string? accept, ReportFormat expected)
    {
        Assert.Equal(expected, ReportFormats.Negotiate(accept));
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("text/html")]
    [InlineData("text/csv;q=0")]
    [InlineData("application/json;q=0, text/csv;q=0")]
    [InlineData("not a media type")]
    public void A_report_refuses_an_accept_it_cannot_give(string accept)
    {
        Assert.Null(ReportFormats.Negotiate(accept));
    }

    sealed record Line(string? Name, long Cents, DateOnly? On, decimal Percent, ReportFormat Format);

    static readonly CsvTable<Line> Table = new([
        new("name", l => l.Name),
        new("cents", l => l.Cents),
        new("on", l => l.On),
        new("percent", l => l.Percent),
        new("format", l => l.Format),
    ]);

    [Fact]
    public void A_csv_table_has_one_header_row_and_writes_iso_dates_integer_cents_and_decimals_with_a_point()
    {
        var csv = Table.Write([new Line("Herderplein 12 A", 1_500_00, new DateOnly(2026, 7, 1), 12.5m, ReportFormat.Csv), new Line(null, -250, null, 0m, ReportFormat.Json)]);

        Assert.Equal("name,cents,on,percent,format\r\nHerderplein 12 A,150000,2026-07-01,12.5,csv\r\n,-250,,0,json\r\n", csv);
    }

    [Theory]
    [InlineData("Atelier, De Plint", "\"Atelier, De Plint\"")]
    [InlineData("De \"Kroon\"", "\"De \"\"Kroon\"\"\"")]
    [InlineData("twee\r\nregels", "\"twee\r\nregels\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+31 70", "'+31 70")]
    [InlineData("@leefbaarheid", "'@leefbaarheid")]
    [InlineData("Maatschappelijke verhuur – ’s-Gravenhage", "Maatschappelijke verhuur – ’s-Gravenhage")]
    public void A_csv_field_is_quoted_as_rfc_4180_says_and_never_read_as_a_formula(string text, string field)
    {
        var csv = Table.Write([new Line(text, 0, null, 0, ReportFormat.Json)]);

        Assert.Equal($"name,cents,on,percent,format\r\n{field},0,,0,json\r\n", csv);
    }
}
