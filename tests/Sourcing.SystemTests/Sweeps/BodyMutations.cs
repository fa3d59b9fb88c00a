using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Sourcing.SystemTests.Sweeps;

/// <summary>One change to a valid JSON body, and whether every reading of the schema refuses the result.</summary>
public sealed record BodyMutation(string Mutation, JsonNode? Body, bool MustBeRefused);

/// <summary>
/// The property-level mutations of a valid body, walking it beside its schema (nested objects and
/// the first item of each array too): each property with every JSON type it does not have, left out
/// where it is required, too large (100k characters or items, 1e308, -1, long.MaxValue + 1), full of
/// hostile text; and properties nobody asked for.
/// </summary>
/// <remarks>
/// "Missing" is refused only where the property is required and not nullable: ASP.NET Core's documents
/// list every record constructor parameter as required, also the nullable ones a client may leave
/// out; and a merge patch (RFC 7396) leaves out what it does not change.
/// </remarks>
public sealed class BodyMutations(ApiOperation operation, JsonNode valid, JsonObject schema, bool mergePatch, Random random)
{
    private const int Huge = 100_000;

    private const int BenignStringsPerProperty = 12;

    private sealed record Target(IReadOnlyList<object> At, JsonObject Schema, bool Required, bool IsArrayItem)
    {
        public string Name => At.Count == 0 ? "(root)" : string.Join('.', At.Select(a => a is int i ? $"[{i}]" : (string)a)).Replace(".[", "[", StringComparison.Ordinal);
    }

    public IEnumerable<BodyMutation> All()
    {
        var targets = new List<Target>();
        Walk(valid, schema, [], targets);
        foreach (var target in targets)
        {
            foreach (var mutation in Of(target))
            {
                yield return mutation;
            }
        }

        foreach (var obj in targets.Where(t => ApiSchema.Type(t.Schema) == "object").Select(t => t.At).Prepend([]))
        {
            if (Get(valid, obj) is JsonObject)
            {
                var at = obj.Count == 0 ? "(root)" : new Target(obj, [], false, false).Name;
                yield return Changed($"{at}: an unknown property", [.. obj, "sweepUnknown"], "sweep", false);
                yield return Changed($"{at}: __proto__", [.. obj, "__proto__"], new JsonObject { ["admin"] = true }, false);
            }
        }
    }

    private void Walk(JsonNode? node, JsonObject nodeSchema, List<object> at, List<Target> targets)
    {
        switch (ApiSchema.Type(nodeSchema))
        {
            case "object":
                var required = ApiSchema.Required(nodeSchema);
                foreach (var (name, propertySchema) in ApiSchema.Properties(operation.Document, nodeSchema))
                {
                    List<object> child = [.. at, name];
                    targets.Add(new Target(child, propertySchema, required.Contains(name), false));
                    if (node is JsonObject obj && obj[name] is { } value)
                    {
                        Walk(value, propertySchema, child, targets);
                    }
                }

                break;
            case "array" when node is JsonArray { Count: > 0 } array:
                var items = operation.Document.Resolve(nodeSchema["items"]);
                List<object> first = [.. at, 0];
                targets.Add(new Target(first, items, true, true));
                Walk(array[0], items, first, targets);
                break;
        }
    }

    private IEnumerable<BodyMutation> Of(Target target)
    {
        var s = target.Schema;
        var types = ApiSchema.Types(s);
        var type = ApiSchema.Type(s);
        var name = target.Name;

        foreach (var (kind, value) in new (string, Func<JsonNode?>)[]
        {
            ("string", () => "sweep"), ("number", () => 12345), ("boolean", () => true),
            ("object", () => new JsonObject()), ("array", () => new JsonArray()), ("null", () => null),
        })
        {
            if (types.Contains(kind) || (kind == "number" && types.Contains("integer")) || types.Count == 0)
            {
                continue;
            }

            // Null where the schema does not allow it is refused only if the property must be there (an absent optional one is null too).
            var refused = kind != "null" || (!ApiSchema.Nullable(s) && (target.Required || target.IsArrayItem));
            yield return Changed($"{name}: {kind} instead of {type}", target.At, value(), refused);
        }

        if (target.Required && !target.IsArrayItem)
        {
            yield return Removed($"{name}: missing (required)", target.At, !ApiSchema.Nullable(s) && !mergePatch);
        }

        switch (type)
        {
            case "string":
                var max = ApiSchema.MaxLength(s);
                yield return Changed($"{name}: {Huge:N0} characters", target.At, RandomText(Huge), max is < Huge);
                if (max is { } limit and < Huge && ApiSchema.Enum(s).Count == 0)
                {
                    yield return Changed($"{name}: {limit + 1} characters (one over maxLength)", target.At, RandomText(limit + 1), true);
                }

                // Every value no field may hold, and a seeded sample of the odd but legal ones (the sweep's time is bounded).
                var benign = HostileValues.Strings.Where(v => !v.NeverValid).ToList();
                foreach (var (hostile, value, neverValid) in HostileValues.Strings.Where(v => v.NeverValid).Concat(HostileValues.Sample(benign, BenignStringsPerProperty, random)))
                {
                    yield return Changed($"{name}: {hostile}", target.At, value, neverValid || StringIsInvalid(s, value));
                }

                break;
            case "integer":
            case "number":
                foreach (var (label, raw, number) in new[]
                {
                    ("1e308", "1e308", 1e308), ("-1e308", "-1e308", -1e308), ("-1", "-1", -1d),
                    ("long.MaxValue + 1", "9223372036854775808", 9223372036854775808d), ("0.5", "0.5", 0.5),
                })
                {
                    yield return Changed($"{name}: {label}", target.At, JsonNode.Parse(raw), NumberIsInvalid(s, type, number));
                }

                break;
            case "array":
                var items = operation.Document.Resolve(s["items"]);
                JsonNode? item = ApiSchema.Type(items) switch
                {
                    "object" => new JsonObject(),
                    "integer" or "number" => 1,
                    "boolean" => true,
                    _ => "a",
                };
                var huge = new JsonArray();
                for (var i = 0; i < Huge; i++)
                {
                    huge.Add(item?.DeepClone());
                }

                yield return Changed($"{name}: {Huge:N0} items", target.At, huge, ApiSchema.MaxItems(s) is < Huge);
                break;
        }
    }

    private static bool StringIsInvalid(JsonObject schema, string value)
    {
        var length = value is HostileValues.LoneSurrogate or HostileValues.InvalidUtf8 ? 1 : value.Length;
        var enumValues = ApiSchema.Enum(schema);
        if ((enumValues.Count > 0 && !enumValues.Contains(value)) || length > ApiSchema.MaxLength(schema)
            || length < (schema["minLength"]?.GetValue<int>() ?? 0))
        {
            return true;
        }

        if (schema["pattern"]?.GetValue<string>() is { } pattern && !Regex.IsMatch(value, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            return true;
        }

        return ApiSchema.Format(schema) switch
        {
            "uuid" => !Guid.TryParse(value, out _),
            "date" => !DateOnly.TryParseExact(value, "yyyy-MM-dd", out _),
            "date-time" => !DateTimeOffset.TryParse(value, out _),
            _ => false,
        };
    }

    private static bool NumberIsInvalid(JsonObject schema, string? type, double value) =>
        value < (ApiSchema.Minimum(schema) ?? double.MinValue) || value > (ApiSchema.Maximum(schema) ?? double.MaxValue)
        || (type == "integer" && (value != Math.Floor(value) || ApiSchema.Format(schema) switch
        {
            "int32" => value is < int.MinValue or > int.MaxValue,
            _ => value is < long.MinValue or >= 9223372036854775807d,
        }));

    private string RandomText(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = (char)('a' + random.Next(26));
        }

        return new string(chars);
    }

    private BodyMutation Changed(string mutation, IReadOnlyList<object> at, JsonNode? value, bool refused)
    {
        var body = valid.DeepClone();
        if (at.Count == 0)
        {
            return new BodyMutation(mutation, value, refused);
        }

        switch (Get(body, at.Take(at.Count - 1).ToList()), at[^1])
        {
            case (JsonObject parent, string property):
                parent[property] = value;
                break;
            case (JsonArray parent, int index):
                parent[index] = value;
                break;
        }

        return new BodyMutation(mutation, body, refused);
    }

    private BodyMutation Removed(string mutation, IReadOnlyList<object> at, bool refused)
    {
        var body = valid.DeepClone();
        if (Get(body, at.Take(at.Count - 1).ToList()) is JsonObject parent)
        {
            parent.Remove((string)at[^1]);
        }

        return new BodyMutation(mutation, body, refused);
    }

    private static JsonNode? Get(JsonNode? node, IReadOnlyList<object> at)
    {
        foreach (var step in at)
        {
            node = step switch
            {
                string property => (node as JsonObject)?[property],
                int index => node is JsonArray array && index < array.Count ? array[index] : null,
                _ => null,
            };
        }

        return node;
    }
}
