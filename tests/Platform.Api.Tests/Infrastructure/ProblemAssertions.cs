using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Plinth.Platform.Client;

namespace Platform.Api.Tests.Infrastructure;

public static class ProblemAssertions
{
    public const string ProblemJson = "application/problem+json";

    /// <summary>Runs a client call that must fail, and returns the problem details it failed with.</summary>
    public static async Task<Problem> ThrowsProblemAsync(int status, Func<Task> call)
    {
        var exception = await Assert.ThrowsAsync<PlatformApiException<Problem>>(call);
        Assert.Equal(status, exception.StatusCode);
        Assert.Equal(status, exception.Result.Status);
        return exception.Result;
    }

    /// <summary>Asserts a raw response is problem+json with this status, and returns its body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? type = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        if (type is not null)
            Assert.Equal(type, body.GetProperty("type").GetString());
        return body;
    }

    public static IReadOnlyList<string> FieldNames(this Problem problem) => problem.Errors?.Select(e => e.Name).ToList() ?? [];
}
