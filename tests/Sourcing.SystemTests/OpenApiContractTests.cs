using System.Text.Json.Nodes;

namespace Sourcing.SystemTests;

/// <summary>
/// Each service's OpenAPI document states what the API enforces: every string, integer and array
/// bounded and typed, the rate-limit and CORS headers on every answer, and every write either
/// secured or explicitly anonymous (the OWASP API ruleset's errors, checked here without Spectral).
/// The documents are saved under .data/&lt;env&gt;/openapi/ for infra/lint-openapi.sh --from.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class OpenApiContractTests(SystemFixture system)
{
    public static TheoryData<string> Services => [.. SystemFixture.ServiceNames];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task The_document_bounds_and_types_every_value_and_documents_every_answer_header(string service)
    {
        using var http = new HttpClient { BaseAddress = system.Service(service).Url };
        var text = await http.GetStringAsync("openapi/v1.json");
        var directory = Path.Combine(TestEnvironment.DataDirectory, "openapi");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, service.ToLowerInvariant() + ".json"), text);

        var document = JsonNode.Parse(text)!.AsObject();
        var violations = OpenApiContract.Violations(document);
        Assert.True(violations.Count == 0, $"{service}: {violations.Count} violations:\n" + string.Join('\n', violations.Take(40)));
        Assert.NotEmpty(document["paths"]!.AsObject());
    }
}

/// <summary>The checks of <see cref="OpenApiContractTests"/>, over a parsed document.</summary>
internal static class OpenApiContract
{
    private static readonly string[] WriteMethods = ["post", "put", "patch", "delete"];

    public static List<string> Violations(JsonObject document)
    {
        var violations = new List<string>();
        Walk(document, "$", violations);
        var documentSecurity = document["security"] as JsonArray;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (WriteMethods.Contains(method) && (operation!["security"] as JsonArray ?? documentSecurity) is not { Count: > 0 })
                {
                    violations.Add($"{method.ToUpperInvariant()} {path}: no security requirement (not even an explicit anonymous one)");
                }

                foreach (var (status, response) in operation!["responses"]?.AsObject() ?? [])
                {
                    if ((status.StartsWith('2') || status.StartsWith('4')) && response!["headers"]?["X-RateLimit-Limit"] is null)
                    {
                        violations.Add($"{method.ToUpperInvariant()} {path} {status}: no X-RateLimit-Limit header");
                    }

                    if (status == "429" && response!["headers"]?["Retry-After"] is null)
                    {
                        violations.Add($"{method.ToUpperInvariant()} {path} 429: no Retry-After header");
                    }
                }
            }
        }

        return violations;
    }

    private static void Walk(JsonNode? node, string at, List<string> violations)
    {
        switch (node)
        {
            case JsonObject obj:
                Check(obj, at, violations);
                foreach (var (name, child) in obj)
                {
                    Walk(child, $"{at}.{name}", violations);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{at}[{i}]", violations);
                }

                break;
        }
    }

    private static void Check(JsonObject obj, string at, List<string> violations)
    {
        if (at.EndsWith(".headers", StringComparison.Ordinal) && !obj.ContainsKey("Access-Control-Allow-Origin"))
        {
            violations.Add($"{at}: no Access-Control-Allow-Origin");
        }

        if (at.EndsWith(".properties", StringComparison.Ordinal) || at.EndsWith(".schemas", StringComparison.Ordinal))
        {
            foreach (var (name, schema) in obj)
            {
                if (schema is JsonObject { Count: 0 })
                {
                    violations.Add($"{at}.{name}: an empty schema (no type)");
                }
            }
        }

        if (at.EndsWith(".schema", StringComparison.Ordinal) && obj.Count == 0)
        {
            violations.Add($"{at}: an empty schema (no type)");
        }

        var types = obj["type"] switch
        {
            JsonValue v when v.TryGetValue<string>(out var one) => [one],
            JsonArray many => many.Select(t => t!.GetValue<string>()).ToArray(),
            _ => Array.Empty<string>(),
        };
        if (types.Contains("string") && !(obj.ContainsKey("maxLength") || obj.ContainsKey("enum") || obj.ContainsKey("const")))
        {
            violations.Add($"{at}: a string with no maxLength, enum or const");
        }

        var bounded = (obj.ContainsKey("minimum") || obj.ContainsKey("exclusiveMinimum")) && (obj.ContainsKey("maximum") || obj.ContainsKey("exclusiveMaximum"));
        if (types.Contains("integer") && !(bounded && obj.ContainsKey("format")))
        {
            violations.Add($"{at}: an integer without minimum, maximum and format");
        }

        if (types.Contains("number") && !bounded)
        {
            violations.Add($"{at}: a number without minimum and maximum");
        }

        if (types.Contains("array") && !(obj.ContainsKey("maxItems") && obj.ContainsKey("items")))
        {
            violations.Add($"{at}: an array without maxItems and items");
        }
    }
}
