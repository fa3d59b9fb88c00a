using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Sourcing.ServiceDefaults.Validation;

/// <summary>
/// The bounds every JSON request body and query string obeys, whatever the endpoint: a field with a
/// tighter rule of its own says so in its validator and in the OpenAPI document (maxLength, maxItems,
/// minimum, maximum). These are what the documents state for every other field, and what is enforced
/// at the edge: a longer string, a longer array or a longer query value answers 400 naming the field.
/// </summary>
public static class InputLimits
{
    /// <summary>Longest JSON string (value or property name) in a request body, in UTF-16 code units.</summary>
    public const int MaxStringLength = 10_000;

    /// <summary>Most items of a JSON array in a request body (a page of a list answer holds at most 500).</summary>
    public const int MaxArrayItems = 1_000;

    /// <summary>Longest query-string value.</summary>
    public const int MaxQueryValueLength = 2_000;

    public static readonly string StringRule = $"must be at most {MaxStringLength} characters.";

    public static readonly string ArrayRule = $"must hold at most {MaxArrayItems} items.";

    public static readonly string QueryValueRule = $"must be at most {MaxQueryValueLength} characters.";

    /// <summary>
    /// A <see cref="JsonTypeInfo"/> modifier: after an object is read, refuses one whose array
    /// properties hold more than <see cref="MaxArrayItems"/> items (the body limit bounds the memory
    /// that reading took). Arrays that are not properties of an object are bounded by their readers.
    /// </summary>
    public static void LimitArrays(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var arrays = typeInfo.Properties
            .Where(p => p.Get is not null && p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType)
                && !IsDictionary(p.PropertyType))
            .ToArray();
        if (arrays.Length == 0)
        {
            return;
        }

        var previous = typeInfo.OnDeserialized;
        typeInfo.OnDeserialized = value =>
        {
            foreach (var property in arrays)
            {
                if (property.Get!(value) is ICollection { Count: > MaxArrayItems })
                {
                    throw new InputRuleException(ArrayRule, property.Name);
                }
            }

            previous?.Invoke(value);
        };
    }

    private static bool IsDictionary(Type type) =>
        typeof(IDictionary).IsAssignableFrom(type)
        || type.GetInterfaces().Append(type).Any(i => i.IsGenericType
            && (i.GetGenericTypeDefinition() == typeof(IDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)));
}

/// <summary>
/// Thrown while reading JSON when a value breaks an edge rule (<see cref="InputLimits"/>, U+0000);
/// the serializer adds the JSON path, and the ProblemDetails names the field and the rule.
/// </summary>
public class InputRuleException(string rule, string? property = null) : JsonException(rule)
{
    public string Rule { get; } = rule;

    /// <summary>The property under the reported path that broke the rule, when the path stops at its object.</summary>
    public string? Property { get; } = property;
}
