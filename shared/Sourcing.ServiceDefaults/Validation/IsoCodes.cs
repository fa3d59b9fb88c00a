using System.Globalization;
using System.Net.Mail;
using NodaTime.TimeZones;

namespace Sourcing.ServiceDefaults.Validation;

/// <summary>
/// Checks of ISO 3166 country, ISO 4217 currency and IANA time-zone codes, from data the runtime
/// and NodaTime ship (the tz database with its zone-to-country map), never typed in by hand.
/// </summary>
public static class IsoCodes
{
    private static readonly Lazy<HashSet<string>> Countries = new(() =>
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var location in TzdbDateTimeZoneSource.Default.ZoneLocations ?? [])
        {
            set.Add(location.CountryCode);
        }

        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            if (TryRegion(culture.Name, out var region) && region.TwoLetterISORegionName.Length == 2)
            {
                set.Add(region.TwoLetterISORegionName);
            }
        }

        return set;
    });

    private static readonly Lazy<HashSet<string>> Currencies = new(() =>
    {
        var set = new HashSet<string>(StringComparer.Ordinal) { "EUR", "USD" };
        foreach (var country in Countries.Value)
        {
            if (TryRegion(country, out var region) && region.ISOCurrencySymbol.Length == 3)
            {
                set.Add(region.ISOCurrencySymbol);
            }
        }

        return set;
    });

    private static readonly Lazy<HashSet<string>> TimeZones = new(() =>
        new HashSet<string>(TzdbDateTimeZoneSource.Default.GetIds(), StringComparer.Ordinal));

    /// <summary>Every country code <see cref="IsCountry"/> accepts.</summary>
    public static IReadOnlyCollection<string> AllCountries => Countries.Value;

    public static bool IsCountry(string code) => code.Length == 2 && Countries.Value.Contains(code);

    public static bool IsCurrency(string code) => code.Length == 3 && Currencies.Value.Contains(code);

    public static bool IsTimeZone(string id) => TimeZones.Value.Contains(id);

    public static bool IsEmail(string value) =>
        value.Length <= 254
        && MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && address.Host.Contains('.', StringComparison.Ordinal);

    private static readonly Lazy<HashSet<string>> Languages = new(() =>
        CultureInfo.GetCultures(CultureTypes.NeutralCultures)
            .Select(c => c.TwoLetterISOLanguageName)
            .Where(l => l.Length is 2 or 3)
            .ToHashSet(StringComparer.Ordinal));

    /// <summary>A language code the runtime knows: ISO 639-1, or ISO 639-2 where a language has no two-letter code ("fil").</summary>
    public static bool IsLanguage(string code) => Languages.Value.Contains(code);

    /// <summary>
    /// The languages (ISO 639-1/639-2 codes) of the cultures the runtime lists for a country, in the
    /// runtime's order. It is a set, not a ranking: ICU lists English cultures for many countries
    /// (en-DE, en-IN), so no "primary" language can be read off it.
    /// </summary>
    public static IReadOnlyList<string> LanguagesOf(string country) =>
        CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Where(c => c.Name.EndsWith("-" + country, StringComparison.Ordinal))
            .Select(c => c.TwoLetterISOLanguageName)
            .Distinct()
            .ToList();

    /// <summary>The currency of a country (RegionInfo), or null where the runtime does not know it.</summary>
    public static string? CurrencyOf(string country) =>
        TryRegion(country, out var region) ? region.ISOCurrencySymbol : null;

    private static bool TryRegion(string name, out RegionInfo region)
    {
        try
        {
            region = new RegionInfo(name);
            return true;
        }
        catch (ArgumentException)
        {
            region = null!;
            return false;
        }
    }
}
