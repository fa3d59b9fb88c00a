using System.Collections.Concurrent;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Engagements.Http;

/// <summary>
/// Memoised <see cref="IsoCodes.LanguagesOf"/> and <see cref="IsoCodes.IsLanguage"/>: both walk the
/// runtime's culture list on every call, which a CSV import of thousands of rows cannot afford.
/// </summary>
public static class CountryLanguages
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<string>> ByCountry = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, bool> Known = new(StringComparer.Ordinal);

    public static IReadOnlyList<string> Of(string country) => ByCountry.GetOrAdd(country, IsoCodes.LanguagesOf);

    public static bool IsLanguage(string code) => Known.GetOrAdd(code, IsoCodes.IsLanguage);
}
