using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hangfire;
using Microsoft.Extensions.Options;
using Platform.Api.Persistence;

namespace Platform.Api.Features.Webhooks;

/// <summary>
/// The Hangfire job that delivers one notification to one webhook: a signed JSON POST, every attempt logged,
/// retried with exponential back-off until it succeeds or runs out of attempts.
/// </summary>
public sealed partial class WebhookSender(
    SystemDb db, IHttpClientFactory httpClients, IBackgroundJobClient jobs, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookSender> logger)
{
    public const string HttpClientName = "Platform.Webhooks";
    public const string EventHeader = "Platform-Event";
    public const string DeliveryHeader = "Platform-Delivery";
    public const string SignatureHeader = "Platform-Signature";

    const string LoadSql = $"""
        SELECT d.id AS {nameof(Work.DeliveryId)}, d.tenant_id AS {nameof(Work.TenantId)}, d.status AS {nameof(Work.Status)}, d.attempts AS {nameof(Work.Attempts)},
               w.url AS {nameof(Work.Url)}, w.secret AS {nameof(Work.Secret)}, w.deleted_at AS {nameof(Work.WebhookDeletedAt)},
               t.slug AS {nameof(Work.TenantSlug)}, n.id AS {nameof(Work.NotificationId)}, n.type AS {nameof(Work.Type)},
               n.subject_type AS {nameof(Work.SubjectType)}, n.subject_id AS {nameof(Work.SubjectId)}, n.due_on AS {nameof(Work.DueOn)},
               n.message AS {nameof(Work.Message)}, n.created_at AS {nameof(Work.CreatedAt)}
        FROM webhook_deliveries d
        JOIN webhooks w ON w.id = d.webhook_id
        JOIN notifications n ON n.id = d.notification_id
        JOIN tenants t ON t.id = d.tenant_id
        WHERE d.id = @DeliveryId
        """;

    const string InsertAttemptSql = """
        INSERT INTO webhook_attempts (id, tenant_id, delivery_id, number, attempted_at, status_code, error, duration_ms)
        VALUES (@Id, @TenantId, @DeliveryId, @Number, @AttemptedAt, @StatusCode, @Error, @DurationMs)
        """;

    const string RecordSql = """
        UPDATE webhook_deliveries
        SET attempts = @Attempts, status = @Status, next_attempt_at = @NextAttemptAt, completed_at = @CompletedAt
        WHERE id = @DeliveryId
        """;

    [AutomaticRetry(Attempts = 0)] // retries are scheduled here, with their own back-off and log
    public async Task DeliverAsync(Guid deliveryId, CancellationToken ct)
    {
        var work = await db.RunAsync(session => session.QuerySingleOrDefaultAsync<Work>(LoadSql, new { DeliveryId = deliveryId }, ct), ct);
        if (work is null || work.Status != "pending" || work.WebhookDeletedAt is not null)
            return;

        var settings = options.Value;
        var attempt = work.Attempts + 1;
        var body = JsonSerializer.Serialize(new
        {
            id = work.NotificationId,
            type = work.Type,
            tenant = work.TenantSlug,
            subjectType = work.SubjectType,
            subjectId = work.SubjectId,
            dueOn = work.DueOn,
            message = work.Message,
            createdAt = work.CreatedAt,
        }, ApiJson.Options);

        var started = Stopwatch.GetTimestamp();
        int? statusCode = null;
        string? error = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, work.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add(EventHeader, work.Type);
            request.Headers.Add(DeliveryHeader, deliveryId.ToString());
            request.Headers.Add(SignatureHeader, Sign(work.Secret, clock.GetUtcNow().ToUnixTimeSeconds(), body));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(settings.Timeout);
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            statusCode = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
                error = $"The receiver answered {statusCode}.";
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Whatever went wrong on the way (timeout, refused address, bad URL), it is a failed attempt, logged and retried.
            error = e is OperationCanceledException ? $"No answer within {settings.Timeout.TotalSeconds:0.#} s." : e.Message;
        }

        var succeeded = error is null;
        var retry = !succeeded && attempt < settings.MaxAttempts;
        var now = clock.GetUtcNow();
        var delay = settings.DelayBefore(attempt + 1);
        await db.TransactAsync(async session =>
        {
            await session.ExecuteAsync(InsertAttemptSql, new
            {
                Id = Ids.New(now), work.TenantId, DeliveryId = deliveryId, Number = attempt, AttemptedAt = now,
                StatusCode = statusCode, Error = error, DurationMs = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            }, ct);
            return await session.ExecuteAsync(RecordSql, new
            {
                DeliveryId = deliveryId,
                Attempts = attempt,
                Status = succeeded ? "succeeded" : retry ? "pending" : "failed",
                NextAttemptAt = retry ? now + delay : (DateTimeOffset?)null,
                CompletedAt = retry ? (DateTimeOffset?)null : now,
            }, ct);
        }, ct);

        if (retry)
        {
            AttemptFailed(logger, deliveryId, attempt, error!, delay.TotalSeconds);
            jobs.Schedule<WebhookSender>(sender => sender.DeliverAsync(deliveryId, CancellationToken.None), delay);
        }
        else if (!succeeded)
        {
            DeliveryFailed(logger, deliveryId, attempt, error!);
        }
    }

    /// <summary><c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body" with the webhook's secret&gt;</c>.</summary>
    public static string Sign(string secret, long unixSeconds, string body)
    {
        var t = unixSeconds.ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} attempt {Attempt} failed ({Error}); retrying in {DelaySeconds} s")]
    static partial void AttemptFailed(ILogger logger, Guid deliveryId, int attempt, string error, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery {DeliveryId} failed after {Attempt} attempts ({Error})")]
    static partial void DeliveryFailed(ILogger logger, Guid deliveryId, int attempt, string error);

    public sealed class Work
    {
        public Guid DeliveryId { get; init; }
        public Guid TenantId { get; init; }
        public required string Status { get; init; }
        public int Attempts { get; init; }
        public required string Url { get; init; }
        public required string Secret { get; init; }
        public DateTimeOffset? WebhookDeletedAt { get; init; }
        public required string TenantSlug { get; init; }
        public Guid NotificationId { get; init; }
        public required string Type { get; init; }
        public required string SubjectType { get; init; }
        public Guid SubjectId { get; init; }
        public DateOnly DueOn { get; init; }
        public required string Message { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
    }
}
