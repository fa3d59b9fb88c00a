using System.Text.Json.Nodes;

namespace Sourcing.SystemTests.Sweeps;

/// <summary>A parameter of a documented operation (path, query or header), its schema resolved.</summary>
public sealed record ApiParameter(string Name, string In, bool Required, JsonObject Schema);

/// <summary>One operation of a service's OpenAPI document: the METHOD and path template the document lists.</summary>
public sealed record ApiOperation(string Service, string Method, string Path, JsonObject Node, ApiDocument Document)
{
    public string Key => $"{Method} {Path}";

    /// <summary>The document says it takes no token: an empty security requirement.</summary>
    public bool DocumentedAnonymous => Node["security"] is JsonArray { Count: 1 } security && security[0] is JsonObject { Count: 0 };

    public IReadOnlyList<ApiParameter> Parameters =>
    [
        .. (Node["parameters"] as JsonArray ?? []).OfType<JsonObject>().Select(p => new ApiParameter(
            p["name"]!.GetValue<string>(),
            p["in"]!.GetValue<string>(),
            p["required"]?.GetValue<bool>() ?? false,
            Document.Resolve(p["schema"]))),
    ];

    /// <summary>The request body's content types, in document order, each with its schema resolved; empty without a body.</summary>
    public IReadOnlyList<(string ContentType, JsonObject Schema)> Bodies =>
    [
        .. (Node["requestBody"]?["content"] as JsonObject ?? []).Select(c => (c.Key, Document.Resolve(c.Value?["schema"]))),
    ];
}

/// <summary>
/// A service's OpenAPI document (GET /openapi/v1.json), read for its operations. Schemas are resolved
/// on the way out: a <c>$ref</c> is followed and a nullable reference (<c>oneOf: [null, $ref]</c>, as
/// ASP.NET Core writes it) becomes the referenced schema with <c>"null"</c> added to its types.
/// </summary>
public sealed class ApiDocument(string service, JsonObject root)
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    public string Service { get; } = service;

    public IReadOnlyList<ApiOperation> Operations =>
    [
        .. root["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(o => Methods.Contains(o.Key))
            .Select(o => new ApiOperation(Service, o.Key.ToUpperInvariant(), path.Key, o.Value!.AsObject(), this))),
    ];

    public static async Task<ApiDocument> ReadAsync(SystemFixture system, string service)
    {
        using var http = new HttpClient { BaseAddress = system.Service(service).Url };
        return new ApiDocument(service, JsonNode.Parse(await http.GetStringAsync("openapi/v1.json"))!.AsObject());
    }

    public static async Task<IReadOnlyList<ApiDocument>> ReadAllAsync(SystemFixture system) =>
        await Task.WhenAll(SystemFixture.ServiceNames.Select(s => ReadAsync(system, s)));

    /// <summary>A copy of the schema with references followed (a missing schema is the empty one).</summary>
    public JsonObject Resolve(JsonNode? schema, int depth = 0)
    {
        if (schema is not JsonObject obj || depth > 20)
        {
            return [];
        }

        if (obj["$ref"]?.GetValue<string>() is { } reference)
        {
            var name = reference[(reference.LastIndexOf('/') + 1)..];
            return Resolve(root["components"]!["schemas"]![name], depth + 1);
        }

        if (obj["oneOf"] is JsonArray oneOf && oneOf.OfType<JsonObject>().ToList() is var choices
            && choices.Count == 2 && choices.Any(IsNullType))
        {
            var resolved = Resolve(choices.Single(c => !IsNullType(c)), depth + 1);
            var types = ApiSchema.Types(resolved);
            resolved["type"] = new JsonArray([.. new[] { "null" }.Concat(types).Select(t => JsonValue.Create(t))]);
            return resolved;
        }

        return (JsonObject)obj.DeepClone();
    }

    private static bool IsNullType(JsonObject schema) => schema["type"] is JsonValue v && v.GetValue<string>() == "null";
}

/// <summary>Reading a resolved schema.</summary>
public static class ApiSchema
{
    /// <summary>The schema's types but "null" (an object with properties and no type counts as "object").</summary>
    public static IReadOnlyList<string> Types(JsonObject schema)
    {
        var types = schema["type"] switch
        {
            JsonValue v => [v.GetValue<string>()],
            JsonArray many => [.. many.Select(t => t!.GetValue<string>())],
            _ => schema.ContainsKey("properties") ? ["object"] : new List<string>(),
        };
        return [.. types.Where(t => t != "null")];
    }

    public static string? Type(JsonObject schema) => Types(schema) is [var first, ..] ? first : null;

    public static bool Nullable(JsonObject schema) =>
        schema["type"] is JsonArray many && many.Any(t => t!.GetValue<string>() == "null");

    public static string? Format(JsonObject schema) => schema["format"]?.GetValue<string>();

    public static IReadOnlyList<string?> Enum(JsonObject schema) =>
        schema["enum"] is JsonArray values ? [.. values.Select(v => v?.GetValue<string>())] : [];

    public static int? MaxLength(JsonObject schema) => schema["maxLength"]?.GetValue<int>();

    public static int? MaxItems(JsonObject schema) => schema["maxItems"]?.GetValue<int>();

    public static double? Minimum(JsonObject schema) => Number(schema["minimum"]);

    public static double? Maximum(JsonObject schema) => Number(schema["maximum"]);

    public static IReadOnlyList<string> Required(JsonObject schema) =>
        schema["required"] is JsonArray required ? [.. required.Select(r => r!.GetValue<string>())] : [];

    public static IEnumerable<(string Name, JsonObject Schema)> Properties(ApiDocument document, JsonObject schema) =>
        (schema["properties"] as JsonObject ?? []).Select(p => (p.Key, document.Resolve(p.Value)));

    private static double? Number(JsonNode? node) => node is JsonValue v ? v.GetValue<double>() : null;
}
