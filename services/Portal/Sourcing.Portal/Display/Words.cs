using System.Globalization;

namespace Sourcing.Portal.Display;

/// <summary>
/// The words people read for the APIs' codes: "vendor manager", not "vendor-manager"; country names,
/// not ISO codes. Presentation only; what the codes mean is the APIs' business.
/// </summary>
public static class Words
{
    private static readonly Dictionary<string, string> Special = new(StringComparer.Ordinal)
    {
        ["hr-payroll"] = "HR and payroll",
        ["it-services"] = "IT services",
        ["per-fte"] = "per FTE",
        ["confidential-ip"] = "confidential IP",
        ["sla-breach"] = "SLA breach",
        ["platform-admin"] = "platform administrator",
        ["admin"] = "administrator",
        ["none"] = "not scored",
    };

    /// <summary>A kebab-case code in words ("vendor-manager" → "vendor manager").</summary>
    public static string Of(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return "";
        }

        if (Special.TryGetValue(code, out var special))
        {
            return special;
        }

        if (code.StartsWith("policy-", StringComparison.Ordinal))
        {
            return "policy: " + Of(code["policy-".Length..]);
        }

        return code.Replace('-', ' ');
    }

    /// <summary>An API's camelCase field name in words ("hqCountry" → "HQ country", "legalName" → "legal name").</summary>
    public static string OfField(string? field)
    {
        if (string.IsNullOrWhiteSpace(field))
        {
            return "";
        }

        if (FieldNames.TryGetValue(field, out var special))
        {
            return special;
        }

        var words = new System.Text.StringBuilder();
        foreach (var c in field)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(c));
        }

        return words.ToString();
    }

    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.Ordinal)
    {
        ["hqCountry"] = "HQ country",
        ["lei"] = "LEI",
        ["contactEmail"] = "contact e-mail",
        ["ownershipPercent"] = "ownership share (%)",
    };

    /// <summary>The same words with a capital first letter, for a heading or the start of a cell.</summary>
    public static string Capitalised(string? code)
    {
        var words = Of(code);
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>A country's English name from its ISO 3166-1 alpha-2 code (the code itself when the runtime does not know it).</summary>
    public static string Country(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return "";
        }

        try
        {
            return new RegionInfo(code).EnglishName;
        }
        catch (ArgumentException)
        {
            return code;
        }
    }

    /// <summary>Every country the runtime knows, by name, for pickers.</summary>
    public static IReadOnlyList<(string Code, string Name)> Countries { get; } = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c =>
        {
            try
            {
                return new RegionInfo(c.Name);
            }
            catch (ArgumentException)
            {
                return null;
            }
        })
        .Where(r => r is not null && r.TwoLetterISORegionName.Length == 2 && r.TwoLetterISORegionName.All(char.IsAsciiLetterUpper))
        .Select(r => (r!.TwoLetterISORegionName, r.EnglishName))
        .DistinctBy(r => r.TwoLetterISORegionName)
        .OrderBy(r => r.EnglishName, StringComparer.CurrentCulture)
        .ToList();

    /// <summary>Country names from codes, joined ("Philippines, India"); "none" for none.</summary>
    public static string CountryNames(IEnumerable<string>? codes) =>
        codes?.Any() == true ? string.Join(", ", codes.Select(Country)) : "none";

    /// <summary>A country's code from its name or code as someone typed it ("philippines" or "ph" → "PH"); the text itself when it is neither.</summary>
    public static string CountryCode(string typed)
    {
        var text = typed.Trim();
        foreach (var (code, name) in Countries)
        {
            if (string.Equals(code, text, StringComparison.OrdinalIgnoreCase) || string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                return code;
            }
        }

        return text;
    }

    public static string Percent(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture) + " %";

    public static string Number(int? value) => value?.ToString("#,0", CultureInfo.InvariantCulture) ?? "not recorded";

    /// <summary>What an API answered instead of a list: its words, with the parameters it named ("Country: 'XX' is not ...").</summary>
    public static string Problem<T>(Api.ApiResult<T> result) =>
        result.FieldErrors.Count == 0
            ? result.Problem ?? ""
            : string.Join(" ", result.FieldErrors.Select(e => $"{Capitalised(OfField(e.Key))}: {string.Join(" ", e.Value)}"));

    /// <summary>"1 engagement", "3 engagements".</summary>
    public static string Count(int count, string thing) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? thing : thing + "s");

    public static string Score(decimal? value) =>
        value is null ? "not scored" : value.Value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A decimal as people write it ("99.5", "1200").</summary>
    public static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>
    /// A number typed in a form (blank is none); one that is not a number gets a message under
    /// <paramref name="field"/> (the API's field name), so that it is shown there like the API's own.
    /// </summary>
    public static decimal? ParseNumber(string field, string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors[field] = [$"'{text.Trim()}' is not a number (such as 99.5)."];
        return null;
    }

    public static string Points(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "";

    /// <summary>A moment in the given IANA zone's local time, named by the zone ("Mon 7 Dec 2026 08:00 (Europe/Berlin)").</summary>
    public static string InZone(DateTimeOffset moment, string zoneId)
    {
        try
        {
            var local = TimeZoneInfo.ConvertTime(moment, TimeZoneInfo.FindSystemTimeZoneById(zoneId));
            return local.ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + $" ({zoneId})";
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return Date(moment);
        }
    }

    /// <summary>The IANA time-zone ids the runtime knows, for a picker's suggestions.</summary>
    public static IReadOnlyList<string> TimeZones { get; } =
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    public static string Date(DateTimeOffset? moment) => moment?.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "";

    public static string Money(decimal? amount, string? currency) =>
        amount is null ? "" : $"{amount.Value.ToString("#,0.##", CultureInfo.InvariantCulture)} {currency}".Trim();

    /// <summary>The CSS class of a band's chip.</summary>
    public static string BandClass(string? band) => band switch
    {
        "critical" => "band band-critical",
        "high" => "band band-high",
        "medium" => "band band-medium",
        "low" => "band band-low",
        _ => "band band-none",
    };
}
