using FastEndpoints;
using Platform.Api.Errors;
using Platform.Api.Security;

namespace Platform.Api.Features.Developments;

public sealed class GetProgrammeVersionEndpoint(ProgrammeVersionStore versions) : EndpointWithoutRequest<ProgrammeVersionResponse>
{
    public override void Configure()
    {
        Get("/v1/tenants/{tenant}/developments/{developmentId:guid}/programme-versions/{versionId:guid}");
        Scopes(ApiScopes.ProgrammesRead, ApiScopes.ProgrammesWrite, ApiScopes.TenantAdmin);
        Summary(s =>
        {
            s.Summary = "Get a programme version";
            s.Description = "One version of the development's programme: when it was decided, why, its lines and what it cut against the version before.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var version = await versions.FindAsync(Route<Guid>("developmentId"), Route<Guid>("versionId"), ct);
        if (version is null)
        {
            await Send.ResultAsync(Problems.NotFound());
            return;
        }

        await Send.OkAsync(ProgrammeVersionResponse.From(version), ct);
    }
}
