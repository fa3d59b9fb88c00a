using NodaTime;
using Sourcing.Risk.Portfolio;
using Sourcing.Risk.Scores;

namespace Sourcing.Risk.Tests;

/// <summary>The portfolio trend by hand: the band at each day's end in the tenant's zone, from the score history.</summary>
public sealed class PortfolioTrendTests
{
    private static readonly Guid Changes = Guid.NewGuid();
    private static readonly Guid Steady = Guid.NewGuid();
    private static readonly Guid Unscored = Guid.NewGuid();

    private static ScoreHistoryPoint Point(Guid id, string at, string band) =>
        new() { EngagementId = id, ComputedAt = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), Band = band };

    private static readonly Dictionary<Guid, ScoreHistoryPoint[]> History = new()
    {
        // Low on 1 December; high at 23:30 UTC on 2 December, which is already 3 December in Berlin (UTC+1).
        [Changes] = [Point(Changes, "2026-12-01T10:00:00Z", "low"), Point(Changes, "2026-12-02T23:30:00Z", "high")],
        [Steady] = [Point(Steady, "2026-11-20T08:00:00Z", "medium")],
    };

    [Fact]
    public void Each_day_counts_the_band_each_engagement_had_at_the_end_of_that_day_in_the_zone()
    {
        var berlin = PortfolioTrend.Daily(History, [Changes, Steady, Unscored], new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 3), DateTimeZoneProviders.Tzdb["Europe/Berlin"]);
        Assert.Equal(
            [(new DateOnly(2026, 11, 30), 0, 1, 0), (new DateOnly(2026, 12, 1), 1, 1, 0), (new DateOnly(2026, 12, 2), 1, 1, 0), (new DateOnly(2026, 12, 3), 0, 1, 1)],
            berlin.Select(p => (p.Day, p.Low, p.Medium, p.High)));
        Assert.All(berlin, p => Assert.Equal(0, p.Critical));

        // In UTC the change falls on 2 December.
        var utc = PortfolioTrend.Daily(History, [Changes, Steady, Unscored], new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 2), DateTimeZone.Utc);
        Assert.Equal((0, 1, 1), (utc[0].Low, utc[0].Medium, utc[0].High));
    }

    [Fact]
    public void Only_the_engagements_asked_for_are_counted_and_an_empty_range_is_empty()
    {
        var steadyOnly = PortfolioTrend.Daily(History, [Steady], new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 3), DateTimeZone.Utc);
        Assert.Equal((0, 1, 0), (steadyOnly[0].Low, steadyOnly[0].Medium, steadyOnly[0].High));
        Assert.Empty(PortfolioTrend.Daily(History, [Steady], new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 2), DateTimeZone.Utc));
    }
}
