namespace Platform.Api.Features.Sharing;

/// <summary>Lists stored as one column: space-separated, with a space at each end, so <c>LIKE '% item %'</c> finds an item.</summary>
public static class SpaceList
{
    public static string? Join(IEnumerable<string> items)
    {
        var distinct = items.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return distinct.Count == 0 ? null : $" {string.Join(' ', distinct)} ";
    }

    public static IReadOnlyList<string> Split(string? list) => list?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
}
