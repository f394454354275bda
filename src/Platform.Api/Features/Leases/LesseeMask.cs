namespace Platform.Api.Features.Leases;

/// <summary>
/// What a grantee sees of a lessee: never the contact e-mail, and not the name of a natural person (a lessee without a
/// KvK number). The masks are valid values, so a masked lease keeps the schema of an unmasked one.
/// </summary>
public static class LesseeMask
{
    public const string ContactEmail = "masked@masked.invalid";
    public const string Name = "(masked)";

    public static LeaseRow ForGrantee(LeaseRow row) => row with
    {
        LesseeContactEmail = ContactEmail,
        LesseeName = string.IsNullOrEmpty(row.LesseeKvkNumber) ? Name : row.LesseeName,
    };
}
