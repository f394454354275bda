namespace Platform.Api.Validation;

/// <summary>Lengths the API enforces on input and so promises on output; one number per kind of field.</summary>
public static class FieldLimits
{
    public const int Slug = 63;
    public const int Name = 200;
    public const int ClientId = 100;
    public const int ClientSecret = 64;
    public const int Cursor = 512;
    public const int MunicipalityCode = 6;

    public const int NeighbourhoodCode = 10;
    public const int KvkNumber = 8;

    /// <summary>Tenant clients are named after their tenant: <c>staedion-0b902745166aff6c</c>.</summary>
    public const string ClientIdPattern = @"^[a-z0-9][a-z0-9-]*-[0-9a-f]{16}\z";

    /// <summary>256 random bits in base64url.</summary>
    public const string ClientSecretPattern = @"^[A-Za-z0-9_-]{43}\z";

    public const string CursorPattern = @"^[A-Za-z0-9_-]+\z";
}
