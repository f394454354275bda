using System.ComponentModel;
using FastEndpoints;
using Platform.Api.Errors;
using Platform.Api.Paging;
using Platform.Api.Security;

namespace Platform.Api.Features.Applications;

public sealed class ListTenderApplicationsRequest : PageQuery
{
    [Description("Only applications with this status.")]
    public ApplicationStatus? Status { get; init; }
}

public sealed class ListTenderApplicationsValidator : Validator<ListTenderApplicationsRequest>
{
    public ListTenderApplicationsValidator() => this.IncludePageRules(idOrdered: true);
}

public sealed class ListTenderApplicationsEndpoint(ApplicationStore applications) : Endpoint<ListTenderApplicationsRequest, Page<ApplicationResponse>>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/tenders/{tenderId:guid}/applications");
        Scopes(ApiScopes.TendersRead, ApiScopes.TendersWrite);
        Summary(s =>
        {
            s.Summary = "List a tender's applications";
            s.Description = "Every application to the tender, whoever submitted it, in the order they came in, optionally with one status.";
        });
    }

    public override async Task HandleAsync(ListTenderApplicationsRequest req, CancellationToken ct)
    {
        var tenderId = Route<Guid>("tenderId");
        if (!await applications.TenderExistsAsync(tenderId, ct))
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        var rows = await applications.ListForTenderAsync(tenderId, req.Status, req.AfterId, req.ReadLimit, ct);
        await Send.OkAsync(Page<ApplicationResponse>.From(rows, req.Limit, ApplicationResponse.From, r => r.Id.ToString()), ct);
    }
}
