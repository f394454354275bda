using FastEndpoints;
using Platform.Api.Errors;
using Platform.Api.Paging;
using Platform.Api.Security;

namespace Platform.Api.Features.Developments;

public sealed class ListProgrammeVersionsRequest : PageQuery;

public sealed class ListProgrammeVersionsValidator : Validator<ListProgrammeVersionsRequest>
{
    public ListProgrammeVersionsValidator() => this.IncludePageRules(idOrdered: true);
}

public sealed class ListProgrammeVersionsEndpoint(ProgrammeVersionStore versions) : Endpoint<ListProgrammeVersionsRequest, Page<ProgrammeVersionResponse>>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/developments/{developmentId:guid}/programme-versions");
        Scopes(ApiScopes.ProgrammesRead, ApiScopes.ProgrammesWrite, ApiScopes.TenantAdmin);
        Summary(s =>
        {
            s.Summary = "List a development's programme versions";
            s.Description = "The versions of the development's programme in the order they were recorded: the original first, the current last.";
        });
    }

    public override async Task HandleAsync(ListProgrammeVersionsRequest req, CancellationToken ct)
    {
        var rows = await versions.ListAsync(Route<Guid>("developmentId"), req.AfterId, req.ReadLimit, ct);
        if (rows is null)
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        await Send.OkAsync(Page<ProgrammeVersionResponse>.From(rows, req.Limit, ProgrammeVersionResponse.From, v => v.Row.Id.ToString()), ct);
    }
}
