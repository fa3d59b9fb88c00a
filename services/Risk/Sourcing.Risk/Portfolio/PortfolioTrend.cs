using NodaTime;
using Sourcing.Risk.Digests;
using Sourcing.Risk.Scores;
using Sourcing.Risk.Scoring;

namespace Sourcing.Risk.Portfolio;

/// <summary>
/// The portfolio's risk trend: for each day, how many engagements were in each band at the end of that
/// day in a given time zone, from the score history. One implementation for the digest's chart and the
/// portal's dashboard. Pure.
/// </summary>
public static class PortfolioTrend
{
    /// <param name="history">Each engagement's score history, oldest first.</param>
    /// <param name="engagementIds">The engagements counted (an engagement without history counts in no band).</param>
    /// <param name="first">The first day (a date in <paramref name="zone"/>).</param>
    /// <param name="last">The last day, inclusive.</param>
    public static List<TrendPoint> Daily(
        IReadOnlyDictionary<Guid, ScoreHistoryPoint[]> history, IEnumerable<Guid> engagementIds, DateOnly first, DateOnly last, DateTimeZone zone)
    {
        var days = last.DayNumber - first.DayNumber + 1;
        if (days <= 0)
        {
            return [];
        }

        var ends = new DateTimeOffset[days];
        for (var i = 0; i < days; i++)
        {
            ends[i] = zone.AtStartOfDay(LocalDate.FromDateOnly(first.AddDays(i + 1))).ToDateTimeOffset();
        }

        var counts = new int[days, 4];
        foreach (var id in engagementIds)
        {
            if (!history.TryGetValue(id, out var points))
            {
                continue;
            }

            // One pass over the engagement's points: the band at a day's end is the last point before it.
            var next = 0;
            string? band = null;
            for (var i = 0; i < days; i++)
            {
                while (next < points.Length && points[next].ComputedAt < ends[i])
                {
                    band = points[next].Band;
                    next++;
                }

                if (Bands.Rank(band) is var rank and >= 1)
                {
                    counts[i, rank - 1]++;
                }
            }
        }

        var trend = new List<TrendPoint>(days);
        for (var i = 0; i < days; i++)
        {
            trend.Add(new TrendPoint(first.AddDays(i), counts[i, 0], counts[i, 1], counts[i, 2], counts[i, 3]));
        }

        return trend;
    }
}
