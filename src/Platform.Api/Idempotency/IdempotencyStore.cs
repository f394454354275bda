using Platform.Api.Persistence;

namespace Platform.Api.Idempotency;

public sealed class IdempotencyRow
{
    public required string RequestHash { get; init; }
    public int? StatusCode { get; init; }
    public string? ContentType { get; init; }
    public string? Location { get; init; }
    public string? ETag { get; init; }
    public string? Body { get; init; }
}

/// <summary>
/// Keys are per API client, and forgotten after <see cref="KeepFor"/>. A key reserved by a request that never
/// finished (its process died) is released after <see cref="ReservationLease"/>.
/// </summary>
public sealed class IdempotencyStore(SystemDb db)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromHours(24);

    public static readonly TimeSpan ReservationLease = TimeSpan.FromSeconds(60);

    const string ForgetExpiredSql = """
        DELETE FROM idempotency_keys
        WHERE client_id = @ClientId AND idempotency_key = @Key
          AND (created_at < @Cutoff OR (status_code IS NULL AND created_at < @LeaseCutoff))
        """;

    const string ReserveSql = """
        INSERT INTO idempotency_keys (client_id, idempotency_key, request_hash, created_at)
        VALUES (@ClientId, @Key, @RequestHash, @Now)
        """;

    const string FindSql = $"""
        SELECT request_hash AS {nameof(IdempotencyRow.RequestHash)}, status_code AS {nameof(IdempotencyRow.StatusCode)},
               content_type AS {nameof(IdempotencyRow.ContentType)}, location AS {nameof(IdempotencyRow.Location)},
               etag AS {nameof(IdempotencyRow.ETag)}, body AS {nameof(IdempotencyRow.Body)}
        FROM idempotency_keys {SqlDialect.UpdateLock}
        WHERE client_id = @ClientId AND idempotency_key = @Key
        """;

    const string CompleteSql = """
        UPDATE idempotency_keys
        SET status_code = @StatusCode, content_type = @ContentType, location = @Location, etag = @ETag, body = @Body
        WHERE client_id = @ClientId AND idempotency_key = @Key
        """;

    const string ReleaseSql = "DELETE FROM idempotency_keys WHERE client_id = @ClientId AND idempotency_key = @Key AND status_code IS NULL";

    /// <summary>Claims the key for this request; when it is already taken, returns what it holds.</summary>
    public async Task<IdempotencyRow?> ReserveOrFindAsync(string clientId, string key, string requestHash, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            return await db.TransactAsync(async session =>
            {
                await session.ExecuteAsync(ForgetExpiredSql, new { ClientId = clientId, Key = key, Cutoff = now - KeepFor, LeaseCutoff = now - ReservationLease }, ct);
                var existing = await session.QuerySingleOrDefaultAsync<IdempotencyRow>(FindSql, new { ClientId = clientId, Key = key }, ct);
                if (existing is null)
                    await session.ExecuteAsync(ReserveSql, new { ClientId = clientId, Key = key, RequestHash = requestHash, Now = now }, ct);
                return existing;
            }, ct);
        }
        catch (Exception e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another request reserved the same key between our read and our insert: answer from its row.
            return await db.RunAsync(session => session.QuerySingleOrDefaultAsync<IdempotencyRow>(FindSql, new { ClientId = clientId, Key = key }, ct), ct);
        }
    }

    public Task CompleteAsync(string clientId, string key, int statusCode, string? contentType, string? location, string? etag, string body, CancellationToken ct) =>
        db.TransactAsync(session => session.ExecuteAsync(CompleteSql,
            new { ClientId = clientId, Key = key, StatusCode = statusCode, ContentType = contentType, Location = location, ETag = etag, Body = body }, ct), ct);

    public async Task ReleaseAsync(string clientId, string key, CancellationToken ct)
    {
        try
        {
            await db.TransactAsync(session => session.ExecuteAsync(ReleaseSql, new { ClientId = clientId, Key = key }, ct), ct);
        }
        catch (Exception e) when (DbErrors.IsUnavailable(e))
        {
            // The request failed because the database did; its reservation runs out with the lease.
        }
    }
}
