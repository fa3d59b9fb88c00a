using System.Globalization;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Identity.Pages;

/// <summary>
/// The countries and currencies the forms offer in pickers, with their English names, from the
/// runtime's region data and limited to the codes the API accepts (<see cref="IsoCodes"/>).
/// </summary>
internal static class IsoChoices
{
    private static readonly Lazy<IReadOnlyList<RegionInfo>> Regions = new(() =>
        CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Select(c => TryRegion(c.Name))
            .OfType<RegionInfo>()
            .Where(r => IsoCodes.IsCountry(r.TwoLetterISORegionName))
            .DistinctBy(r => r.TwoLetterISORegionName)
            .ToList());

    private static readonly Lazy<IReadOnlyList<(string Code, string Name)>> CountryList = new(() =>
        Regions.Value
            .Select(r => (r.TwoLetterISORegionName, r.EnglishName))
            .OrderBy(c => c.EnglishName, StringComparer.InvariantCulture)
            .ToList());

    private static readonly Lazy<IReadOnlyList<(string Code, string Name)>> CurrencyList = new(() =>
        Regions.Value
            .Where(r => IsoCodes.IsCurrency(r.ISOCurrencySymbol))
            .DistinctBy(r => r.ISOCurrencySymbol)
            .Select(r => (r.ISOCurrencySymbol, r.CurrencyEnglishName))
            .OrderBy(c => c.ISOCurrencySymbol, StringComparer.Ordinal)
            .ToList());

    /// <summary>ISO 3166 alpha-2 codes with the country's English name, sorted by name.</summary>
    public static IReadOnlyList<(string Code, string Name)> Countries => CountryList.Value;

    /// <summary>ISO 4217 codes with the currency's English name, sorted by code.</summary>
    public static IReadOnlyList<(string Code, string Name)> Currencies => CurrencyList.Value;

    private static RegionInfo? TryRegion(string name)
    {
        try
        {
            return new RegionInfo(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
