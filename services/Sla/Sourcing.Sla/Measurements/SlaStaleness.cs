namespace Sourcing.Sla.Measurements;

/// <summary>
/// DOMAIN.md's stale SLA, read one way for every reader (the reports here, the risk service through
/// the events): on day D, take the last period that has ended by D - 1 (a period is over only once
/// its last day is) and the one before it; counting only those the contract covers (a period that
/// ends before the contract starts was never due), the SLA is stale when at least one is due and no
/// measured period starts in either or after them. The answer only changes as days pass or values
/// arrive, so it is published as the first day it holds: stale on D exactly when D &gt;= StaleFrom.
/// </summary>
public static class SlaStaleness
{
    /// <summary>
    /// The first day on which the SLA counts as stale if nothing more is measured: the day after the
    /// end of the contract's first period (before it nothing was due), and the day after the end of
    /// the second period after the latest measured one (until then that one is among the last two).
    /// </summary>
    public static DateOnly StaleFrom(string kind, DateOnly? latestMeasuredPeriodStart, DateOnly? contractStart)
    {
        var from = DateOnly.MinValue;
        if (contractStart is { } start)
        {
            from = Later(from, SlaRules.PeriodOf(kind, start).End.AddDays(1));
        }

        if (latestMeasuredPeriodStart is { } latest)
        {
            var afterNext = SlaRules.Next(kind, SlaRules.Next(kind, SlaRules.PeriodOf(kind, latest)));
            from = Later(from, afterNext.End.AddDays(1));
        }

        return from;
    }

    /// <summary>Whether the SLA is stale on <paramref name="day"/>, given its latest period measured by then.</summary>
    public static bool IsStale(string kind, DateOnly? latestMeasuredPeriodStart, DateOnly? contractStart, DateOnly day) =>
        day >= StaleFrom(kind, latestMeasuredPeriodStart, contractStart);

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
