using System.Globalization;

namespace Sourcing.Engagements.Classification;

/// <summary>Country names for sentences ("in the Philippines", "in India").</summary>
public static class CountryNames
{
    private static readonly string[] WithArticle =
    [
        "United", "Philippines", "Netherlands", "Czech", "Dominican", "Bahamas", "Maldives", "Gambia",
        "Central African", "Congo", "Comoros", "Marshall", "Solomon", "Seychelles", "Cayman", "Falkland",
    ];

    public static string Name(string code)
    {
        try
        {
            return new RegionInfo(code).EnglishName;
        }
        catch (ArgumentException)
        {
            return code;
        }
    }

    /// <summary>"the United States", "the Philippines", "India".</summary>
    public static string InSentence(string code)
    {
        var name = Name(code);
        return WithArticle.Any(w => name.StartsWith(w, StringComparison.Ordinal)) ? "the " + name : name;
    }
}
