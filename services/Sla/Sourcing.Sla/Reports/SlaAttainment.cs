using Sourcing.Sla.Measurements;

namespace Sourcing.Sla.Reports;

/// <summary>
/// Attainment, shortfall, trend and service credits, computed from measured periods
/// without I/O. Attainment = met / measured periods; the mean shortfall is over the missed periods
/// only; the trend compares attainment in the earlier and the later half of the window (a move of
/// more than 5 points is improving or worsening); each missed period earns the SLA's credit percent
/// of the period's fee (annual value / periods per year), pro rata when the contract covers the
/// period only in part.
/// </summary>
public static class SlaAttainment
{
    public const decimal TrendThresholdPoints = 5m;

    public static SlaFigures Compute(
        string kind,
        decimal? creditPercent,
        decimal? annualValue,
        DateOnly? contractStart,
        DateOnly? contractEnd,
        IReadOnlyCollection<PeriodResult> periods,
        DateOnly from,
        DateOnly to)
    {
        var measured = periods.Count;
        var met = periods.Count(p => p.Met);
        var missed = periods.Where(p => !p.Met).ToList();

        decimal? fee = annualValue is { } annual ? Math.Round(SlaRules.PeriodFee(annual, kind), 2) : null;
        decimal? credits = creditPercent is not { } percent
            ? 0m
            : annualValue is not { } value
                ? null
                : missed.Sum(p => SlaRules.ServiceCredit(
                    false, percent, value, kind, SlaRules.CoveredFraction(new SlaPeriod(p.PeriodStart, p.PeriodEnd), contractStart, contractEnd)));

        return new SlaFigures(
            measured,
            met,
            missed.Count,
            Percent(met, measured),
            missed.Count == 0 ? null : Math.Round(missed.Average(p => SlaRules.Shortfall(p.Direction, p.Target, p.Value)), 4),
            missed.Count == 0 ? null : Math.Round(missed.Average(p => p.RelativeShortfall), 4),
            Trend(periods, from, to),
            fee,
            credits);
    }

    /// <summary>The earlier half of [from, to] holds the periods starting before its middle day; the later half the rest.</summary>
    public static SlaTrend? Trend(IReadOnlyCollection<PeriodResult> periods, DateOnly from, DateOnly to)
    {
        var middle = from.DayNumber + (to.DayNumber - from.DayNumber + 1) / 2;
        var earlier = periods.Where(p => p.PeriodStart.DayNumber < middle).ToList();
        var later = periods.Where(p => p.PeriodStart.DayNumber >= middle).ToList();
        if (earlier.Count == 0 || later.Count == 0)
        {
            return null;
        }

        var before = Percent(earlier.Count(p => p.Met), earlier.Count)!.Value;
        var after = Percent(later.Count(p => p.Met), later.Count)!.Value;
        var change = after - before;
        var direction = change > TrendThresholdPoints ? "improving" : change < -TrendThresholdPoints ? "worsening" : "stable";
        return new SlaTrend(before, after, change, direction);
    }

    public static decimal? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100m * part / whole, 2);
}
