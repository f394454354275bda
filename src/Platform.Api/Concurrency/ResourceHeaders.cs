namespace Platform.Api.Concurrency;

public static class ResourceHeaders
{
    /// <summary>The headers of an answer that carries one resource: its ETag, and where it lives when just created.</summary>
    public static void DescribeResource(this HttpResponse response, int version, string? createdAt = null)
    {
        response.SetETag(version);
        if (createdAt is not null)
            response.Headers.Location = createdAt;
    }
}
