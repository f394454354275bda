using Platform.Api.Features.Tenders;
using Platform.Api.Persistence;

namespace Platform.Api.Features.Jurors;

/// <summary>A juror as its key finds it: which tender of which landlord it sits for, and whether it still may.</summary>
public sealed class JurorCredential
{
    public Guid JurorId { get; init; }
    public Guid TenderId { get; init; }
    public Guid OwnerId { get; init; }
    public required string OwnerSlug { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public required string TenderStatus { get; init; }

    /// <summary>Not revoked, and the tender not awarded or cancelled.</summary>
    public bool Valid => RevokedAt is null && TenderRules.JuryMaySit(EnumText<TenderStatus>.Parse(TenderStatus));
}

/// <summary>Finds the juror of a key (by its hash) before any tenant is known, so on the system path, as the token server finds a client.</summary>
public sealed class JurorKeys(SystemDb db)
{
    const string FindByKeySql = $"""
        SELECT j.id AS {nameof(JurorCredential.JurorId)}, j.tender_id AS {nameof(JurorCredential.TenderId)}, j.tenant_id AS {nameof(JurorCredential.OwnerId)},
               o.slug AS {nameof(JurorCredential.OwnerSlug)}, j.revoked_at AS {nameof(JurorCredential.RevokedAt)}, t.status AS {nameof(JurorCredential.TenderStatus)}
        FROM tender_jurors j
        JOIN tenders t ON t.tenant_id = j.tenant_id AND t.id = j.tender_id
        JOIN tenants o ON o.id = j.tenant_id
        WHERE j.key_hash = @KeyHash
        """;

    public Task<JurorCredential?> FindAsync(string keyHash, CancellationToken ct) =>
        db.RunAsync(session => session.QuerySingleOrDefaultAsync<JurorCredential>(FindByKeySql, new { KeyHash = keyHash }, ct), ct);
}
