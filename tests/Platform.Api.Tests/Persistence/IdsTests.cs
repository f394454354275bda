using Platform.Api.Persistence;

namespace Platform.Api.Tests.Persistence;

public sealed class IdsTests
{
    [Fact]
    public void Ids_made_in_the_same_millisecond_still_rise()
    {
        var at = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

        var ids = Enumerable.Range(0, 1000).Select(_ => Ids.New(at)).ToList();

        Assert.Equal(ids.Select(id => id.ToString()).Order(StringComparer.Ordinal), ids.Select(id => id.ToString()));
        Assert.Equal(1000, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(7, id.Version));
    }

    [Fact]
    public void An_id_from_an_earlier_clock_reading_does_not_sort_before_the_last_one()
    {
        var later = Ids.New(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var earlier = Ids.New(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.True(string.CompareOrdinal(earlier.ToString(), later.ToString()) > 0);
    }
}
