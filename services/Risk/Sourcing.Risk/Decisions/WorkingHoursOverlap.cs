using NodaTime;

namespace Sourcing.Risk.Decisions;

/// <summary>
/// Working hours shared between two places (issue 19, part 4). A working day is 09:00 to 17:00
/// local time, read in each place's IANA zone with NodaTime, so daylight saving is applied as the
/// tz database says on that very date (a local time in a spring-forward gap moves forward, an
/// ambiguous one takes the earlier instant). The shared hours of a reference place on a date are
/// the hours of its working day on that local date during which the other place is at work on any
/// of its own local dates, so a pair far apart (Los Angeles and Sydney) shares the evening of one
/// with the morning of the next day of the other.
/// </summary>
public static class WorkingHoursOverlap
{
    public static readonly LocalTime DayStart = new(9, 0);
    public static readonly LocalTime DayEnd = new(17, 0);

    /// <summary>The working day (09:00 to 17:00) of a local date in a zone, as instants.</summary>
    public static Interval WorkingDay(DateTimeZone zone, LocalDate date) =>
        new(date.At(DayStart).InZoneLeniently(zone).ToInstant(), date.At(DayEnd).InZoneLeniently(zone).ToInstant());

    /// <summary>The whole local date in a zone, midnight to midnight (23 or 25 hours on a daylight-saving change).</summary>
    public static Interval CalendarDay(DateTimeZone zone, LocalDate date) =>
        new(date.AtStartOfDayInZone(zone).ToInstant(), date.PlusDays(1).AtStartOfDayInZone(zone).ToInstant());

    /// <summary>The parts of a zone's working days (on any of its local dates) that fall inside a window, in order.</summary>
    public static IReadOnlyList<Interval> WorkingHoursWithin(DateTimeZone zone, Interval window)
    {
        var first = window.Start.InZone(zone).Date.PlusDays(-1);
        var last = window.End.InZone(zone).Date.PlusDays(1);
        var result = new List<Interval>();
        for (var day = first; day <= last; day = day.PlusDays(1))
        {
            if (Intersect(WorkingDay(zone, day), window) is { } part)
            {
                result.Add(part);
            }
        }

        return result;
    }

    /// <summary>The hours of <paramref name="reference"/>'s working day on <paramref name="date"/> during which <paramref name="other"/> works, and when.</summary>
    public static (double Hours, IReadOnlyList<Interval> Shared) Shared(DateTimeZone reference, DateTimeZone other, LocalDate date)
    {
        var shared = WorkingHoursWithin(other, WorkingDay(reference, date));
        return (shared.Sum(i => i.Duration.TotalHours), shared);
    }

    public static Interval? Intersect(Interval a, Interval b)
    {
        var start = Instant.Max(a.Start, b.Start);
        var end = Instant.Min(a.End, b.End);
        return start < end ? new Interval(start, end) : null;
    }
}
