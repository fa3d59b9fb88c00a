namespace Sourcing.Portal.Display;

/// <summary>
/// The API's field errors arranged for a form: an item's error ("deliveryCountries[0]", "certifications[1].name")
/// goes to the field that holds the list, and a bare rule ("is required.") is given the field's label, so that
/// each message reads on its own next to its field. The words stay the API's.
/// </summary>
public static class FormErrors
{
    /// <summary>The errors per form field, and the messages about fields the form does not show (for the page's general message).</summary>
    public static (IReadOnlyDictionary<string, string[]> ByField, string? Others) Arrange(
        IReadOnlyDictionary<string, string[]> errors, IReadOnlyDictionary<string, string> labels)
    {
        var byField = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var others = new List<string>();
        foreach (var (key, messages) in errors)
        {
            var field = FieldOf(key);
            var label = labels.GetValueOrDefault(field);
            if (label is null)
            {
                others.AddRange(messages.Select(m => $"{key}: {m}"));
                continue;
            }

            if (!byField.TryGetValue(field, out var list))
            {
                byField[field] = list = [];
            }

            list.AddRange(messages.Select(m => m.Length > 0 && char.IsLower(m[0]) ? $"{label} {m}" : m));
        }

        return (byField.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal), others.Count == 0 ? null : string.Join(" ", others));
    }

    /// <summary>"deliveryCountries[0]" and "certifications[1].name" belong to "deliveryCountries" and "certifications".</summary>
    public static string FieldOf(string key)
    {
        var end = key.IndexOfAny(['[', '.']);
        return end < 0 ? key : key[..end];
    }

    /// <summary>A list typed as text (commas or new lines between items), trimmed, blanks left out.</summary>
    public static IReadOnlyList<string> Items(string? text) =>
        text is null ? [] : [.. text.Split([',', '\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
