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

    /// <summary>
    /// Like <see cref="Arrange"/>, for forms with a field per member of a nested object: "riskWeights.quality" stays
    /// the field it names (a rule about the whole object, "riskWeights", goes to the object's group), and an item's
    /// error ("notToOffshoreProcesses[2]") goes to the list.
    /// </summary>
    public static (IReadOnlyDictionary<string, string[]> ByField, string? Others) ArrangeByPath(
        IReadOnlyDictionary<string, string[]> errors, IReadOnlyDictionary<string, string> labels)
    {
        var byPath = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, messages) in errors)
        {
            var bracket = key.IndexOf('[', StringComparison.Ordinal);
            var path = bracket < 0 ? key : key[..bracket];
            byPath[path] = [.. byPath.GetValueOrDefault(path, []), .. messages];
        }

        var arranged = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var others = new List<string>();
        foreach (var (path, messages) in byPath)
        {
            if (labels.TryGetValue(path, out var label))
            {
                arranged[path] = [.. messages.Select(m => m.Length > 0 && char.IsLower(m[0]) ? $"{label} {m}" : m)];
            }
            else
            {
                others.AddRange(messages.Select(m => $"{path}: {m}"));
            }
        }

        return (arranged, others.Count == 0 ? null : string.Join(" ", others));
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
