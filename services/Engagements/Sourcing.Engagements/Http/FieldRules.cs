using Sourcing.Engagements.Data;
using Sourcing.ServiceDefaults.Validation;

namespace Sourcing.Engagements.Http;

/// <summary>Validation rules this service's requests share, on top of <see cref="ValidationErrors"/>.</summary>
public static class FieldRules
{
    /// <summary>An optional string: null or blank is fine; too long is not. Returns the trimmed value or null.</summary>
    public static string? Optional(this ValidationErrors errors, string field, string? value, int maxLength = Limits.Name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Length > maxLength)
        {
            errors.Add(field, $"must be at most {maxLength} characters.");
            return null;
        }

        return value.Trim();
    }

    public static bool OneOf(this ValidationErrors errors, string field, string? value, IReadOnlyList<string> allowed)
    {
        if (!errors.Required(field, value, 64))
        {
            return false;
        }

        if (!allowed.Contains(value!, StringComparer.Ordinal))
        {
            errors.Add(field, $"'{value}' is not one of: {string.Join(", ", allowed)}.");
            return false;
        }

        return true;
    }

    public static List<string> Countries(this ValidationErrors errors, string field, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return [];
        }

        if (values.Count > Limits.MaxListItems)
        {
            errors.Add(field, $"must list at most {Limits.MaxListItems} countries.");
            return [];
        }

        for (var i = 0; i < values.Count; i++)
        {
            errors.Country($"{field}[{i}]", values[i]);
        }

        return [.. values.Distinct(StringComparer.Ordinal)];
    }

    public static List<string> Texts(this ValidationErrors errors, string field, IReadOnlyList<string>? values, int maxLength = Limits.ShortText)
    {
        if (values is null)
        {
            return [];
        }

        if (values.Count > Limits.MaxListItems)
        {
            errors.Add(field, $"must list at most {Limits.MaxListItems} items.");
            return [];
        }

        for (var i = 0; i < values.Count; i++)
        {
            errors.Required($"{field}[{i}]", values[i], maxLength);
        }

        return [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>ISO 17442: 18 alphanumerics and 2 check digits (ISO 7064 MOD 97-10).</summary>
    public static string? Lei(this ValidationErrors errors, string field, string? value)
    {
        var lei = errors.Optional(field, value?.ToUpperInvariant(), 20);
        if (lei is null)
        {
            return null;
        }

        if (lei.Length != 20 || !lei.All(char.IsAsciiLetterOrDigit) || !char.IsAsciiDigit(lei[18]) || !char.IsAsciiDigit(lei[19]) || Mod97(lei) != 1)
        {
            errors.Add(field, $"'{value}' is not an ISO 17442 legal-entity identifier (20 characters with valid check digits).");
            return null;
        }

        return lei;
    }

    private static int Mod97(string lei)
    {
        var remainder = 0;
        foreach (var c in lei)
        {
            var digits = char.IsAsciiDigit(c) ? (c - '0').ToString(System.Globalization.CultureInfo.InvariantCulture) : (c - 'A' + 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var d in digits)
            {
                remainder = ((remainder * 10) + (d - '0')) % 97;
            }
        }

        return remainder;
    }
}
