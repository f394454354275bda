namespace Platform.Api.OpenApi;

public static class ApiVersion
{
    /// <summary>
    /// The contract's version (info.version). Minor for additions, major (with a new path prefix) for breaking changes.
    /// </summary>
    public const string Current = "1.0.0";
}
