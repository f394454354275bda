using System.Globalization;

namespace Platform.Api.Validation;

/// <summary>
/// The days a lease, discount or budget may name: 1900-01-01 to 2199-12-31, written <c>yyyy-MM-dd</c>.
/// Arithmetic on them (periods, lead times, schedules) then stays far from the ends of <see cref="DateOnly"/>.
/// </summary>
public static class BusinessDates
{
    public static readonly DateOnly First = new(1900, 1, 1);
    public static readonly DateOnly Last = new(2199, 12, 31);

    /// <summary>The same bounds in the contract, for any date the schema names (years 19xx, 20xx and 21xx).</summary>
    public const string Pattern = @"^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])\z";

    public const string Rule = "must be a date from 1900-01-01 to 2199-12-31, written yyyy-MM-dd";

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && date >= First && date <= Last;
}
