using NodaTime;

namespace Sourcing.Engagements.Classification;

/// <summary>
/// Hours between two time zones' UTC offsets, the shorter way round the clock, as DOMAIN.md measures
/// them: the mean of the gaps at 12:00 UTC on 15 January and on 15 July of a year, so that daylight
/// saving does not flip a site between nearshore and offshore.
/// </summary>
public static class TimeGap
{
    /// <summary>Nearshore up to and including this many hours.</summary>
    public const decimal NearshoreMaxHours = 3m;

    public static decimal MeanHours(string zoneA, string zoneB, int year)
    {
        var a = DateTimeZoneProviders.Tzdb[zoneA];
        var b = DateTimeZoneProviders.Tzdb[zoneB];
        return (HoursAt(a, b, January(year)) + HoursAt(a, b, July(year))) / 2m;
    }

    public static Instant January(int year) => Instant.FromUtc(year, 1, 15, 12, 0);

    public static Instant July(int year) => Instant.FromUtc(year, 7, 15, 12, 0);

    private static decimal HoursAt(DateTimeZone a, DateTimeZone b, Instant instant)
    {
        var seconds = Math.Abs(a.GetUtcOffset(instant).Seconds - b.GetUtcOffset(instant).Seconds) % 86_400;
        seconds = Math.Min(seconds, 86_400 - seconds);
        return seconds / 3600m;
    }
}
