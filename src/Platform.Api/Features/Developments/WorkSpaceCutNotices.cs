using Platform.Api.Features.Notifications;
using Platform.Api.Features.Sharing;
using Platform.Api.Persistence;

namespace Platform.Api.Features.Developments;

/// <summary>
/// Tells the tenants that read an owner's reports of a cut in a development's work space: one notice per grantee and
/// version (<c>programme.work_space_reduced</c>), in the version's transaction, so a committed cut always has its notices.
/// </summary>
public sealed class WorkSpaceCutNotices(TenantNotices notices)
{
    /// <summary>
    /// The grantees of the owner's grants that share reports today and admit the municipality: unrevoked, in their term,
    /// without a municipality filter or with this one, and not limited to some plinths (such a grant names no development).
    /// </summary>
    const string ReportGranteesSql = """
        SELECT DISTINCT grantee_tenant_id FROM sharing_grants
        WHERE tenant_id = @TenantId AND revoked_at IS NULL AND resources LIKE @Resource
          AND valid_from <= @Today AND (valid_until IS NULL OR valid_until >= @Today)
          AND (municipality_codes IS NULL OR municipality_codes LIKE @Municipality) AND plinth_ids IS NULL
        """;

    /// <returns>The webhook deliveries to enqueue once the transaction commits.</returns>
    public async Task<IReadOnlyList<Guid>> WriteAsync(DbSession session, Guid ownerId, string ownerSlug, DevelopmentRow development,
        ProgrammeVersion version, ProgrammeVersion previous, DateOnly today, CancellationToken ct)
    {
        var grantees = await session.ListAsync<Guid>(ReportGranteesSql, new
        {
            TenantId = ownerId,
            Resource = $"% {EnumText<SharedResource>.ToText(SharedResource.Reports)} %",
            Today = today,
            Municipality = $"% {development.MunicipalityCode} %",
        }, ct);
        var message = Message(ownerSlug, development, version, previous);
        return await notices.WriteAllAsync(session, grantees.Select(grantee => new TenantNotice(grantee, NotificationType.ProgrammeWorkSpaceReduced,
            NotificationSubject.Development, development.Id, version.Row.DecidedOn, $"{version.Row.Id}:{grantee}", message)), ct);
    }

    /// <summary>What was cut, by how much, and why, e.g. "mitros cut Merwede (GM0344) in programme version 2 of 2026-09-01: work 2500 → 1500 m². Reason: …".</summary>
    public static string Message(string ownerSlug, DevelopmentRow development, ProgrammeVersion version, ProgrammeVersion previous)
    {
        var cuts = version.CutFunctions.Select(f =>
            $"{EnumText<ProgrammeFunction>.ToText(f)} {ProgrammeRules.M2Of(previous.Lines, f)} → {ProgrammeRules.M2Of(version.Lines, f)} m²");
        var text = $"{ownerSlug} cut {development.Name} ({development.MunicipalityCode}) in programme version {version.Row.Number} "
                   + $"of {version.Row.DecidedOn:yyyy-MM-dd}: {string.Join(", ", cuts)}. Reason: {version.Row.Reason}";
        return text.Length <= MaxMessageLength ? text : text[..(MaxMessageLength - 1)] + "…";
    }

    /// <summary>The feed's message column holds 1000 characters.</summary>
    const int MaxMessageLength = 1000;
}
