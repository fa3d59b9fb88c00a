using NodaTime;
using NodaTime.TimeZones;

namespace Sourcing.Risk.Digests;

/// <summary>A subscription's rule in local terms: how often, which day, what time, in which zone.</summary>
public sealed record DigestRule(string Frequency, int DayOfWeek, int DayOfMonth, LocalTime Time, DateTimeZone Zone)
{
    public static DigestRule Of(DigestSubscription s) => new(
        s.Frequency, s.DayOfWeek, s.DayOfMonth, LocalTime.FromTimeOnly(s.LocalTime),
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(s.TimeZone) ?? DateTimeZone.Utc);
}

/// <summary>
/// When digests fall due, computed in the subscriber's zone so that 08:00 stays 08:00 local across
/// daylight-saving changes. A local time that does not exist on a spring-forward day is moved forward
/// by the gap (02:30 becomes 03:30); one that occurs twice on a fall-back day is taken the first time.
/// Pure: no clock, no I/O.
/// </summary>
public static class DigestSchedule
{
    /// <summary>The first occurrence of the rule strictly after <paramref name="after"/>.</summary>
    public static Instant NextAfter(DigestRule rule, Instant after)
    {
        var date = after.InZone(rule.Zone).Date;
        // At most one candidate per day, week or month can be at or before 'after'; a few steps settle it.
        for (var i = 0; i < 3; i++)
        {
            var candidate = FirstOnOrAfter(rule, date);
            var instant = rule.Zone.ResolveLocal(candidate + rule.Time, Resolvers.LenientResolver).ToInstant();
            if (instant > after)
            {
                return instant;
            }

            date = candidate.PlusDays(1);
        }

        throw new InvalidOperationException("No occurrence found (unreachable).");
    }

    /// <summary>The first day on or after <paramref name="date"/> on which the rule sends.</summary>
    private static LocalDate FirstOnOrAfter(DigestRule rule, LocalDate date)
    {
        switch (rule.Frequency)
        {
            case DigestFrequencies.Daily:
                return date;
            case DigestFrequencies.Weekly:
                var target = (IsoDayOfWeek)rule.DayOfWeek;
                return date.DayOfWeek == target ? date : date.Next(target);
            case DigestFrequencies.Monthly:
                var thisMonth = new LocalDate(date.Year, date.Month, rule.DayOfMonth);
                return thisMonth >= date ? thisMonth : thisMonth.PlusMonths(1);
            default:
                throw new ArgumentOutOfRangeException(nameof(rule), rule.Frequency, "Unknown frequency.");
        }
    }
}
