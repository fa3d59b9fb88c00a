namespace Sourcing.Risk.Scoring;

/// <summary>
/// What the quality score needs to know about one SLA's periods on an evaluation date: counts and
/// the summed relative shortfall of the missed periods in the window (as the SLA service computed
/// each), the pooled counts of the two trend spans, and the latest measured period. One
/// implementation computes it: the recompute's SQL (<c>Recompute.SlaWindowQuery</c>), tested
/// against PostgreSQL.
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
}
