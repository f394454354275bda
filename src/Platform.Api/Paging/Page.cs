using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Platform.Api.Validation;
using System.Text;
using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.WebUtilities;

namespace Platform.Api.Paging;

/// <summary>One page of a list, in a stable order. Pass nextCursor back as cursor for the next page.</summary>
public sealed class Page<T>
{
    [MaxLength(PageQuery.MaxLimit)]
    public required IReadOnlyList<T> Items { get; init; }

    /// <summary>Null on the last page.</summary>
    [MaxLength(FieldLimits.Cursor)]
    [RegularExpression(FieldLimits.CursorPattern)]
    public required string? NextCursor { get; init; }

    /// <summary>
    /// Builds a page from up to <c>limit + 1</c> rows read in order: the extra row only tells that another page exists.
    /// </summary>
    public static Page<T> From<TRow>(IReadOnlyList<TRow> rows, int limit, Func<TRow, T> map, Func<TRow, string> cursorKey) => new()
    {
        Items = rows.Take(limit).Select(map).ToList(),
        NextCursor = rows.Count > limit ? Cursor.Encode(cursorKey(rows[limit - 1])) : null,
    };
}

/// <summary>Query parameters every list endpoint takes.</summary>
public class PageQuery
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>Items per page, 1–200 (default 50).</summary>
    [DefaultValue(DefaultLimit)]
    public int Limit { get; init; } = DefaultLimit;

    /// <summary>The <c>nextCursor</c> of the previous page; omit for the first page.</summary>
    public string? Cursor { get; init; }

    /// <summary>Rows to read: one more than a page, to learn whether there is a next page.</summary>
    [JsonIgnore]
    public int ReadLimit => Limit + 1;

    /// <summary>The sort key after which this page starts.</summary>
    [JsonIgnore]
    public string After => Paging.Cursor.Decode(Cursor) ?? "";

    /// <summary>For lists in id order: the id after which this page starts.</summary>
    [JsonIgnore]
    public Guid AfterId => Guid.TryParse(After, out var id) ? id : Guid.Empty;
}

/// <summary>Cursors are opaque to clients: the base64url text of the last sort key seen.</summary>
public static class Cursor
{
    const string Prefix = "v1:";

    public static string Encode(string key) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(Prefix + key));

    public static string? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
            return null;
        return TryDecode(cursor, out var key) ? key : throw new ArgumentException("Invalid cursor.", nameof(cursor));
    }

    public static bool TryDecode(string cursor, out string key)
    {
        key = "";
        try
        {
            var text = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor));
            if (!text.StartsWith(Prefix, StringComparison.Ordinal))
                return false;
            key = text[Prefix.Length..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

public static class PageQueryRules
{
    /// <summary>The rules of <see cref="PageQuery"/>, for the validator of any list request.</summary>
    public static void IncludePageRules<T>(this AbstractValidator<T> validator, bool idOrdered = false) where T : PageQuery
    {
        validator.RuleFor(q => q.Limit).InclusiveBetween(1, PageQuery.MaxLimit);
        validator.RuleFor(q => q.Cursor)
            .TextLength(FieldLimits.Cursor)
            .Matches(FieldLimits.CursorPattern)
            .Must(c => c is null || (Cursor.TryDecode(c, out var key) && (!idOrdered || Guid.TryParse(key, out _))))
            .WithMessage("Only a cursor this API returned for the same list is accepted.");
    }
}
