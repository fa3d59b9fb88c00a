using Sourcing.Contracts;

namespace Sourcing.Sla.Measurements;

/// <summary>
/// The breach logic, without I/O: which period a date falls in, whether a value meets its target,
/// how far a miss falls short, what a replaced value changes and what a breach costs the provider.
/// The API, the bulk merge and the reports all decide through these functions.
/// </summary>
public static class SlaRules
{
    /// <summary>The period of the given kind that contains <paramref name="date"/>: the day, its ISO week (Monday to Sunday), or its calendar month.</summary>
    public static SlaPeriod PeriodOf(string kind, DateOnly date) => kind switch
    {
        SlaPeriodKinds.Daily => new SlaPeriod(date, date),
        SlaPeriodKinds.Weekly => Week(date),
        SlaPeriodKinds.Monthly => new SlaPeriod(
            new DateOnly(date.Year, date.Month, 1),
            new DateOnly(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month))),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a period kind."),
    };

    /// <summary>The period just before <paramref name="period"/> of the same kind.</summary>
    public static SlaPeriod Previous(string kind, SlaPeriod period) => PeriodOf(kind, period.Start.AddDays(-1));

    /// <summary>The period just after <paramref name="period"/> of the same kind.</summary>
    public static SlaPeriod Next(string kind, SlaPeriod period) => PeriodOf(kind, period.End.AddDays(1));

    /// <summary>How many periods a contract year holds, to turn an annual value into a period's fee.</summary>
    public static int PeriodsPerYear(string kind) => kind switch
    {
        SlaPeriodKinds.Daily => 365,
        SlaPeriodKinds.Weekly => 52,
        SlaPeriodKinds.Monthly => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a period kind."),
    };

    /// <summary>Equality with the target meets it, in both directions.</summary>
    public static bool IsMet(string direction, decimal target, decimal value) => direction switch
    {
        SlaDirections.AtLeast => value >= target,
        SlaDirections.AtMost => value <= target,
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "Not a direction."),
    };

    /// <summary>How far a value falls short of its target, in the SLA's unit; 0 when it is met.</summary>
    public static decimal Shortfall(string direction, decimal target, decimal value) =>
        IsMet(direction, target, value) ? 0m : Math.Abs(target - value);

    /// <summary>
    /// DOMAIN.md's severity of a miss: |target - value| / target, 1 when the target is 0, capped at 1;
    /// 0 when met. The one implementation: ingestion stores it with each measurement, the reports
    /// read it from there, and SlaResultsRecorded carries it to the risk service's quality score.
    /// </summary>
    public static decimal RelativeShortfall(string direction, decimal target, decimal value)
    {
        if (IsMet(direction, target, value))
        {
            return 0m;
        }

        return target == 0m ? 1m : Math.Min(1m, Math.Abs(target - value) / Math.Abs(target));
    }

    /// <summary>
    /// The share of a period that the contract covers: 1 for a whole period, less for a partial one
    /// (the contract starts or ends inside it), 0 when it lies wholly outside the contract.
    /// </summary>
    public static decimal CoveredFraction(SlaPeriod period, DateOnly? contractStart, DateOnly? contractEnd)
    {
        var first = contractStart is { } s && s > period.Start ? s : period.Start;
        var last = contractEnd is { } e && e < period.End ? e : period.End;
        if (last < first)
        {
            return 0m;
        }

        return (decimal)(last.DayNumber - first.DayNumber + 1) / period.Days;
    }

    /// <summary>A period's fee: the contract's annual value over the periods in a year (365 days, 52 weeks, 12 months).</summary>
    public static decimal PeriodFee(decimal annualValue, string kind) => annualValue / PeriodsPerYear(kind);

    /// <summary>
    /// The service credit one breach earns: the credit percent of the period's fee, pro rata for a
    /// partial period; 0 when the period was met.
    /// </summary>
    public static decimal ServiceCredit(bool met, decimal creditPercent, decimal annualValue, string kind, decimal coveredFraction) =>
        met ? 0m : Math.Round(creditPercent / 100m * PeriodFee(annualValue, kind) * coveredFraction, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// What a value sent for a period does: records it when the period had none, replaces it when it
    /// differs, and changes nothing (no event, no breach) when it is the same number.
    /// </summary>
    public static MeasurementChange Compare(decimal? previousValue, decimal newValue) => previousValue switch
    {
        null => MeasurementChange.Recorded,
        { } p when p == newValue => MeasurementChange.Unchanged,
        _ => MeasurementChange.Replaced,
    };

    /// <summary>A change that leaves the period missed is a breach to publish; an unchanged value never is.</summary>
    public static bool PublishesBreach(MeasurementChange change, bool met) => change != MeasurementChange.Unchanged && !met;

    private static SlaPeriod Week(DateOnly date)
    {
        // ISO weeks start on Monday: DayOfWeek.Sunday (0) is the seventh day.
        var offset = ((int)date.DayOfWeek + 6) % 7;
        var monday = date.AddDays(-offset);
        return new SlaPeriod(monday, monday.AddDays(6));
    }
}
