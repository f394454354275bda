using FastEndpoints;
using Platform.Api.Errors;
using Platform.Api.Features.Sharing;
using Platform.Api.Security;
using Platform.Api.Tenancy;

namespace Platform.Api.Features.Reports;

/// <summary>
/// A report: JSON by default, CSV with <c>Accept: text/csv</c> (one table of <see cref="Csv"/>'s columns), 406 for an Accept
/// it cannot give, decided before the report is computed. Its <c>Configure</c> declares the CSV with <see cref="CsvMetadata"/>.
/// </summary>
public abstract class ReportEndpoint<TRequest, TReport, TRow> : Endpoint<TRequest, TReport>
    where TRequest : notnull
    where TReport : notnull
{
    protected abstract CsvTable<TRow> Csv { get; }

    protected CsvReport CsvMetadata => new(Csv.ColumnNames);

    /// <summary>What every report declares: its route, the reports:read scope, a reports grantee's read, and the CSV.</summary>
    protected void ReportRoute(string route) => Declare(route, new GranteeReadable(SharedResource.Reports, ApiScopes.ReportsRead), CsvMetadata);

    /// <summary>A report only its owner reads, not a grantee of the owner's reports: its route, the reports:read scope and the CSV.</summary>
    protected void OwnReportRoute(string route) => Declare(route, CsvMetadata);

    void Declare(string route, params object[] metadata)
    {
        Get(route);
        Scopes(ApiScopes.ReportsRead);
        Options(b => b.WithMetadata(metadata));
    }

    protected abstract Task<TReport> ReportAsync(TRequest req, CancellationToken ct);

    /// <summary>Why the tenant has no such report (a problem to answer instead of it); null when it has one.</summary>
    protected virtual Task<IResult?> RefusalAsync(CancellationToken ct) => Task.FromResult<IResult?>(null);

    protected abstract IEnumerable<TRow> CsvRows(TReport report);

    public sealed override async Task HandleAsync(TRequest req, CancellationToken ct)
    {
        var format = ReportFormats.Negotiate(HttpContext.Request.Headers.Accept);
        if (format is null)
        {
            await Send.ResultAsync(Problems.Create(StatusCodes.Status406NotAcceptable,
                $"This report is available as application/json and {CsvReport.MediaType}."));
            return;
        }

        if (await RefusalAsync(ct) is { } refusal)
        {
            await Send.ResultAsync(refusal);
            return;
        }

        var report = await ReportAsync(req, ct);
        HttpContext.Response.Headers.Vary = "Accept";
        if (format == ReportFormat.Csv)
            await Send.StringAsync(Csv.Write(CsvRows(report)), StatusCodes.Status200OK, CsvReport.ContentType, ct);
        else
            await Send.OkAsync(report, ct);
    }
}
