using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Platform.Api.Errors;
using Platform.Api.Security;

namespace Platform.Api.Idempotency;

/// <summary>Endpoint metadata: a POST that creates or changes state, and so takes an <c>Idempotency-Key</c>.</summary>
public sealed class IdempotentPost
{
    public static readonly IdempotentPost Instance = new();
}

/// <summary>
/// The same Idempotency-Key with the same body answers the first response again (with
/// <c>Idempotent-Replayed: true</c>); with another body it is 422. A key whose first request is still running
/// answers 409. Answers of 500 and above are not kept, so the client may retry them.
/// </summary>
public sealed class IdempotentPosts(RequestDelegate next, IdempotencyStore store, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 255;

    /// <summary>Visible ASCII, as the contract states it; <see cref="IsValidKey"/> enforces the same, with the length.</summary>
    public const string KeyPattern = @"^[!-~]+\z";

    public static bool IsValidKey(string key) => key.Length is > 0 and <= MaxKeyLength && key.All(c => c is >= '!' and <= '~');

    public async Task InvokeAsync(HttpContext context)
    {
        var clientId = context.User.ClientIdOf();
        if (!context.Request.Headers.TryGetValue(Header, out var keys) || clientId is null
            || context.GetEndpoint()?.Metadata.GetMetadata<IdempotentPost>() is null)
        {
            await next(context);
            return;
        }

        var key = keys.ToString();
        if (keys.Count != 1 || !IsValidKey(key))
        {
            await Problems.Invalid(Header, $"{Header} must be one value of 1–{MaxKeyLength} visible ASCII characters, e.g. a UUID.")
                .ExecuteAsync(context);
            return;
        }

        var ct = context.RequestAborted;
        var hash = await RequestHashAsync(context.Request, ct);
        var existing = await store.ReserveOrFindAsync(clientId, key, hash, clock.GetUtcNow(), ct);
        if (existing is not null)
        {
            await AnswerFromStoreAsync(context, existing, hash);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var kept = false;
        try
        {
            await next(context);
            var response = context.Response;
            if (response.StatusCode < 500)
            {
                await store.CompleteAsync(clientId, key, response.StatusCode, response.ContentType, response.Headers.Location,
                    response.Headers.ETag, Encoding.UTF8.GetString(buffer.ToArray()), CancellationToken.None);
                kept = true;
            }
        }
        finally
        {
            if (!kept)
                await store.ReleaseAsync(clientId, key, CancellationToken.None);
            context.Response.Body = original;
            buffer.Position = 0;
            await buffer.CopyToAsync(original, CancellationToken.None);
        }
    }

    static async Task AnswerFromStoreAsync(HttpContext context, IdempotencyRow existing, string hash)
    {
        if (existing.RequestHash != hash)
        {
            await Problems.Create(StatusCodes.Status422UnprocessableEntity,
                $"This {Header} was used for a different request. Use a new key for a new request.",
                Problems.Kind("idempotency-key-reused")).ExecuteAsync(context);
            return;
        }

        if (existing.StatusCode is not { } status)
        {
            await Problems.Conflict("idempotency-key-in-use", $"The first request with this {Header} is still being processed.")
                .ExecuteAsync(context);
            return;
        }

        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = existing.ContentType;
        if (existing.Location is not null)
            response.Headers.Location = existing.Location;
        if (existing.ETag is not null)
            response.Headers.ETag = existing.ETag;
        response.Headers[ReplayedHeader] = "true";
        await response.WriteAsync(existing.Body ?? "", context.RequestAborted);
    }

    /// <summary>Method, path and the body as JSON (so formatting does not matter), hashed.</summary>
    static async Task<string> RequestHashAsync(HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
        var body = await reader.ReadToEndAsync(ct);
        request.Body.Position = 0;

        string canonical;
        try
        {
            canonical = JsonNode.Parse(body)?.ToJsonString() ?? "";
        }
        catch (System.Text.Json.JsonException)
        {
            canonical = body;
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n{canonical}")));
    }
}
