using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Sourcing.ServiceDefaults.Validation;

/// <summary>
/// Collects validation failures keyed by the field's JSON name (camelCase, dotted or indexed for
/// nested values: <c>riskWeights.quality</c>, <c>rows[3].value</c>), each message naming the rule.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string rule)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            list = [];
            _errors[field] = list;
        }

        list.Add(rule);
    }

    /// <summary>Adds "is required" when the value is null or blank; returns whether it was present.</summary>
    public bool Required(string field, string? value, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required.");
            return false;
        }

        if (value.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters.");
            return false;
        }

        return true;
    }

    public bool Required<T>(string field, T? value)
        where T : struct
    {
        if (value is null)
        {
            Add(field, "is required.");
            return false;
        }

        return true;
    }

    public void Country(string field, string? value)
    {
        if (Required(field, value, 2) && !IsoCodes.IsCountry(value!))
        {
            Add(field, $"'{value}' is not an ISO 3166-1 alpha-2 country code.");
        }
    }

    public void Currency(string field, string? value)
    {
        if (Required(field, value, 3) && !IsoCodes.IsCurrency(value!))
        {
            Add(field, $"'{value}' is not an ISO 4217 currency code.");
        }
    }

    public void TimeZone(string field, string? value)
    {
        if (Required(field, value, 64) && !IsoCodes.IsTimeZone(value!))
        {
            Add(field, $"'{value}' is not an IANA time-zone id.");
        }
    }

    public void Email(string field, string? value)
    {
        if (Required(field, value, 254) && !IsoCodes.IsEmail(value!))
        {
            Add(field, "is not a valid e-mail address.");
        }
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public ValidationProblem ToProblem() =>
        TypedResults.ValidationProblem(
            ToDictionary(),
            title: "The request is not valid.",
            detail: string.Join(" ", _errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
}
