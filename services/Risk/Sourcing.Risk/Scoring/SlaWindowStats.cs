namespace Sourcing.Risk.Scoring;

/// <summary>One measured period of an SLA, as the SLA service reported it.</summary>
public sealed record SlaPeriod(DateOnly PeriodStart, DateOnly PeriodEnd, double Value, double Target, bool Met);

/// <summary>
/// What the quality score needs to know about one SLA's periods on an evaluation date: counts and
/// the summed shortfall of the missed periods in the window, the pooled counts of the two trend
/// spans, and the latest measured period. The recompute job gets the same figures from SQL (one
/// GROUP BY per tenant); <see cref="From"/> is the in-memory version, used by the tests.
/// </summary>
public sealed record SlaWindowStats(
    int Measured,
    int Missed,
    double ShortfallSum,
    int Last30Measured,
    int Last30Missed,
    int Previous60Measured,
    int Previous60Missed,
    DateOnly? LatestPeriodEnd)
{
    public static SlaWindowStats Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, null);

    /// <summary>
    /// Periods whose end falls after <paramref name="evaluationDate"/> minus <paramref name="windowDays"/>
    /// and on or before it count; the last 30 days are the periods ending after evaluation - 30.
    /// </summary>
    public static SlaWindowStats From(IEnumerable<SlaPeriod> periods, DateOnly evaluationDate, int windowDays = QualityScore.DefaultWindowDays)
    {
        var windowStart = evaluationDate.AddDays(-windowDays);
        var recentStart = evaluationDate.AddDays(-QualityScore.TrendRecentDays);
        var trendStart = evaluationDate.AddDays(-QualityScore.TrendDays);
        int measured = 0, missed = 0, recentMeasured = 0, recentMissed = 0, earlierMeasured = 0, earlierMissed = 0;
        double shortfall = 0;
        DateOnly? latest = null;
        foreach (var period in periods)
        {
            if (period.PeriodEnd <= evaluationDate && (latest is null || period.PeriodEnd > latest))
            {
                latest = period.PeriodEnd;
            }

            if (period.PeriodEnd <= windowStart || period.PeriodEnd > evaluationDate)
            {
                continue;
            }

            measured++;
            var recent = period.PeriodEnd > recentStart;
            if (recent)
            {
                recentMeasured++;
            }
            else if (period.PeriodEnd > trendStart)
            {
                earlierMeasured++;
            }

            if (!period.Met)
            {
                missed++;
                shortfall += Shortfall(period.Value, period.Target);
                if (recent)
                {
                    recentMissed++;
                }
                else if (period.PeriodEnd > trendStart)
                {
                    earlierMissed++;
                }
            }
        }

        return new SlaWindowStats(measured, missed, shortfall, recentMeasured, recentMissed, earlierMeasured, earlierMissed, latest);
    }

    /// <summary>|target - value| / |target|, 1 when the target is 0, capped at 1.</summary>
    public static double Shortfall(double value, double target) =>
        target == 0 ? 1 : Math.Min(1, Math.Abs(target - value) / Math.Abs(target));
}
