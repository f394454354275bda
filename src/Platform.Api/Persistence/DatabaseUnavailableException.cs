namespace Platform.Api.Persistence;

/// <summary>The database cannot take this work now (missing, replaced, read-only, or the writer is stuck); the API answers 503.</summary>
public sealed class DatabaseUnavailableException(string message) : Exception(message);
