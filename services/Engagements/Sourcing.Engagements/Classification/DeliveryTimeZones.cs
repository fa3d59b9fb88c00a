using NodaTime;
using NodaTime.TimeZones;

namespace Sourcing.Engagements.Classification;

/// <summary>The tz database's zones of a country (zone.tab), and the one to set automatically where there is no choice.</summary>
public static class DeliveryTimeZones
{
    private static readonly Lazy<ILookup<string, string>> ZonesByCountry = new(() =>
        (TzdbDateTimeZoneSource.Default.ZoneLocations ?? []).ToLookup(l => l.CountryCode, l => l.ZoneId, StringComparer.Ordinal));

    public static IReadOnlyList<string> ZonesOf(string country) => [.. ZonesByCountry.Value[country]];

    /// <summary>
    /// The country's first zone when all its zones share one UTC offset at 12:00 UTC on 15 January
    /// and one on 15 July of <paramref name="year"/>; null when the user must choose.
    /// </summary>
    public static string? Automatic(string country, int year)
    {
        var zones = ZonesOf(country);
        if (zones.Count == 0)
        {
            return null;
        }

        var january = TimeGap.January(year);
        var july = TimeGap.July(year);
        var offsets = zones
            .Select(id => DateTimeZoneProviders.Tzdb[id])
            .Select(z => (z.GetUtcOffset(january), z.GetUtcOffset(july)))
            .Distinct()
            .Count();
        return offsets == 1 ? zones[0] : null;
    }

    /// <summary>Whether the zone is one of the country's (any valid zone where the tz database lists none for it).</summary>
    public static bool BelongsTo(string zone, string country)
    {
        var zones = ZonesOf(country);
        return zones.Count == 0 || zones.Contains(zone, StringComparer.Ordinal);
    }
}
