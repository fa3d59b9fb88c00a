using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Sourcing.SystemTests.Sweeps;

/// <summary>
/// Generates the malformed requests of one operation from its OpenAPI description: every path
/// parameter with values that are no id, every query parameter with values of the wrong type, size
/// or shape, every body property with the wrong JSON type, missing, too large or full of hostile text,
/// and the body as a whole broken (invalid JSON, wrong content type, empty, too large). Deterministic
/// for a seed: the same seed makes the same requests in the same order.
/// </summary>
public sealed class MalformedRequestGenerator
{
    /// <summary>The general body limit (LimitsOptions.MaxRequestBodyBytes, 1 MiB; the SLA upload's is set to the same by the fixture).</summary>
    public const int BodyLimitBytes = 1024 * 1024;

    /// <summary>How many of <see cref="HostileValues.QueryValues"/> each query parameter gets (a seeded sample: the sweep's time is bounded).</summary>
    private const int QueryValuesPerParameter = 28;

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Random _random;
    private readonly SweepBodies _bodies;

    public MalformedRequestGenerator(SweepTargets targets, int seed)
    {
        _random = new Random(seed);
        _bodies = new SweepBodies(targets, NewGuid);
    }

    public IReadOnlyList<MalformedRequest> For(ApiOperation operation)
    {
        var requests = new List<MalformedRequest>();
        var pathValues = operation.Parameters.Where(p => p.In == "path").ToDictionary(p => p.Name, p => _bodies.PathValue(operation, p));
        var bodySchema = operation.Bodies.Count > 0 ? operation.Bodies[0].Schema : null;
        var contentType = operation.Bodies.Count > 0 ? operation.Bodies[0].ContentType : null;
        var baseBody = bodySchema is null ? null : _bodies.For(operation, bodySchema);
        var baseQuery = operation.Parameters.Any(p => p is { In: "query", Name: "tenantId" }) ? $"tenantId={NewGuid()}" : null;

        string Url(IReadOnlyDictionary<string, string>? pathOverride = null, string? query = null)
        {
            var path = operation.Path;
            foreach (var (name, value) in pathValues)
            {
                path = path.Replace("{" + name + "}", pathOverride?.GetValueOrDefault(name) ?? value, StringComparison.Ordinal);
            }

            var parts = new[] { baseQuery, query }.Where(q => !string.IsNullOrEmpty(q)).ToList();
            return path.TrimStart('/') + (parts.Count > 0 ? "?" + string.Join('&', parts) : "");
        }

        MalformedRequest With(string mutation, bool mustBeRefused, string? url = null) =>
            new(operation, url ?? Url(), mutation, baseBody is null ? null : Bytes(baseBody), contentType, mustBeRefused);

        // Path parameters: no id at all, ids of the wrong shape, ids nobody has (all refused where an id is a GUID).
        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
        {
            var isGuid = ApiSchema.Format(parameter.Schema) == "uuid";
            foreach (var (name, segment, reaches) in HostileValues.PathSegments)
            {
                requests.Add(With($"path {parameter.Name}: {name}", isGuid && reaches, Url(new Dictionary<string, string> { [parameter.Name] = segment })));
            }
        }

        // Query parameters: a seeded sample of the hostile values in each, each given twice; parameters the endpoint does not take.
        foreach (var parameter in operation.Parameters.Where(p => p.In == "query"))
        {
            foreach (var (name, encoded) in HostileValues.Sample(HostileValues.QueryValues, QueryValuesPerParameter, _random))
            {
                requests.Add(With($"query {parameter.Name}: {name}", QueryValueIsInvalid(parameter.Schema, encoded), Url(query: $"{parameter.Name}={encoded}")));
            }

            requests.Add(With($"query {parameter.Name} twice", false, Url(query: $"{parameter.Name}=1&{parameter.Name}=2")));
        }

        // Not refused everywhere: QueryStringCheckMiddleware leaves the query of a handler that takes the raw
        // request (HttpContext) to the handler, and most such handlers ignore what they do not read.
        requests.Add(With("unknown query parameter", false, Url(query: "sweepUnknown=1")));
        requests.Add(With("unknown query parameters with hostile names", false, Url(query: Uri.EscapeDataString("<script>") + "=1&" + Uri.EscapeDataString("' OR 1=1 --") + "=2")));

        // Headers the operation documents: a stale or malformed If-Match, an Import-Id that is no GUID.
        foreach (var parameter in operation.Parameters.Where(p => p.In == "header"))
        {
            var values = parameter.Name == "If-Match"
                ? new[] { ("stale ETag", "\"sweep-stale\""), ("weak ETag", "W/\"0\""), ("5000-char ETag", "\"" + new string('e', 5000) + "\"") }
                : [("not a GUID", "x"), ("SQL injection", "' OR 1=1 --"), ("5000 chars", new string('g', 5000))];
            foreach (var (name, value) in values)
            {
                requests.Add(With($"header {parameter.Name}: {name}", true) with { Headers = new Dictionary<string, string> { [parameter.Name] = value } });
            }
        }

        if (baseBody is not null && bodySchema is not null && contentType is not null)
        {
            requests.AddRange(new BodyMutations(operation, baseBody, bodySchema, JsonMergePatchBody(contentType), _random).All()
                .Select(m => new MalformedRequest(operation, Url(), "body " + m.Mutation, Bytes(m.Body), contentType, m.MustBeRefused)));
            var required = operation.Node["requestBody"]?["required"]?.GetValue<bool>() ?? false;
            requests.AddRange(WholeBody(operation, Url(), Bytes(baseBody), contentType, ApiSchema.Type(bodySchema), required));
        }
        else if (operation.Method is "POST" or "PUT" or "PATCH")
        {
            requests.AddRange(UndocumentedBodies(operation, Url()));
        }

        return requests;
    }

    /// <summary>The body as a whole: not JSON, not a JSON of the right shape, not declared as JSON, too large.</summary>
    private IEnumerable<MalformedRequest> WholeBody(ApiOperation operation, string url, byte[] valid, string contentType, string? rootType, bool required)
    {
        var text = Encoding.UTF8.GetString(valid);
        MalformedRequest Raw(string mutation, bool refused, byte[]? body, string? type = null) =>
            new(operation, url, "whole body: " + mutation, body, type ?? contentType, refused);
        byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

        yield return Raw("truncated", true, Utf8(text[..(text.Length / 2)]));
        yield return Raw("trailing comma", true, Utf8(rootType == "array" ? text[..^1] + ",]" : text[..^1] + ",}"));
        yield return Raw("single quotes", true, Utf8(text.Replace('"', '\'')));
        yield return Raw("a comment", true, Utf8("/* sweep */" + text));
        yield return Raw("NaN literal", true, Utf8(rootType == "array" ? "[NaN]" : "{\"sweep\": NaN}"));
        yield return Raw("garbage after the JSON", true, Utf8(text + " garbage"));
        yield return Raw("two JSON documents", true, Utf8(text + text));
        yield return Raw("10k nested arrays", true, Utf8(new string('[', 10_000) + new string(']', 10_000)));
        yield return Raw("10k nested objects", true, Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000)));
        yield return Raw("byte order mark", false, [0xEF, 0xBB, 0xBF, .. valid]);
        yield return Raw("UTF-16", false, Encoding.Unicode.GetBytes(text), contentType + "; charset=utf-16");
        yield return Raw("empty", required, []);
        yield return Raw("null", required, Utf8("null"));
        yield return Raw("whitespace only", required, Utf8("   \n  "));
        foreach (var (name, json, type) in new[] { ("an array", "[]", "array"), ("an object", "{}", "object"), ("a number", "1", "number"), ("a string", "\"sweep\"", "string"), ("true", "true", "boolean") })
        {
            if (type != rootType)
            {
                yield return Raw($"{name} instead of {rootType}", true, Utf8(json));
            }
        }

        var accepted = operation.Bodies.Select(b => b.ContentType).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (type, body) in new[]
        {
            ("text/plain", valid),
            ("text/csv", Utf8("a,b\n1,2\n")),
            ("application/xml", Utf8("<?xml version=\"1.0\"?><request><name>sweep</name></request>")),
            ("application/x-www-form-urlencoded", Utf8("name=sweep&value=1")),
            ("application/octet-stream", valid),
            ("application/json-patch+json", Utf8("[{\"op\":\"remove\",\"path\":\"/name\"}]")),
        })
        {
            yield return Raw($"content type {type}", !accepted.Contains(type), body, type);
        }

        const string boundary = "sweep-boundary";
        yield return Raw("multipart with a JSON part", true,
            Utf8($"--{boundary}\r\nContent-Disposition: form-data; name=\"body\"\r\nContent-Type: application/json\r\n\r\n{text}\r\n--{boundary}--\r\n"),
            $"multipart/form-data; boundary={boundary}");
        yield return Raw("no content type", true, valid, "");
        yield return Raw("JSON with a charset", false, valid, "application/json; charset=utf-8");

        var oversized = Oversized(rootType);
        yield return Raw("one byte over the body limit", true, oversized) with { ExpectContinue = true };
        yield return Raw("one byte over the body limit, chunked", true, oversized) with { Chunked = true };
    }

    /// <summary>Operations that take a body the document does not describe (CSV imports) or none: CSV of every wrong kind, binary, junk JSON.</summary>
    private IEnumerable<MalformedRequest> UndocumentedBodies(ApiOperation operation, string url)
    {
        MalformedRequest Raw(string mutation, string type, byte[] body) => new(operation, url, "undocumented body: " + mutation, body, type, false);
        byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
        var binary = new byte[2048];
        _random.NextBytes(binary);

        yield return Raw("junk JSON", "application/json", Utf8("{\"sweep\":"));
        yield return Raw("binary", "application/octet-stream", binary);
        yield return Raw("binary as CSV", "text/csv", binary);
        yield return Raw("empty CSV", "text/csv", []);
        yield return Raw("CSV header only", "text/csv", Utf8("legalName,hqCountry\n"));
        yield return Raw("CSV with unknown columns", "text/csv", Utf8("sweep,unknown\n1,2\n"));
        yield return Raw("CSV with an unterminated quote", "text/csv", Utf8("legalName,hqCountry\n\"Sweep,PH\n"));
        yield return Raw("CSV with NUL", "text/csv", Utf8("legalName,hqCountry\nSwe\0ep,PH\n"));
        yield return Raw("CSV with 1000 columns", "text/csv", Utf8(string.Join(',', Enumerable.Range(0, 1000).Select(i => $"c{i}")) + "\n"));
        yield return Raw("CSV with formulas and injections", "text/csv", Utf8("legalName,hqCountry\n=cmd|' /C calc'!A0,XX\n' OR 1=1 --,<script>\n"));
        yield return Raw("CSV with invalid UTF-8", "text/csv", [.. Utf8("legalName,hqCountry\n"), 0xFF, 0xFE, .. Utf8(",PH\n")]);
        yield return Raw("a ZIP that is not one", "application/zip", [0x50, 0x4B, 0x03, 0x04, .. binary]);
        yield return Raw("XML", "application/xml", Utf8("<?xml version=\"1.0\"?><sweep/>"));
    }

    private static byte[] Oversized(string? rootType)
    {
        // A valid JSON document of exactly the limit plus one byte.
        var shell = rootType == "array" ? "[\"\"]" : "{\"sweep\":\"\"}";
        var padding = new string('x', BodyLimitBytes + 1 - shell.Length);
        return Encoding.UTF8.GetBytes(rootType == "array" ? $"[\"{padding}\"]" : $"{{\"sweep\":\"{padding}\"}}");
    }

    /// <summary>A query value no reading of the parameter's schema accepts (an empty value is "not given").</summary>
    private static bool QueryValueIsInvalid(JsonObject schema, string encoded)
    {
        var value = Uri.UnescapeDataString(encoded);
        if (value.Length == 0)
        {
            return false;
        }

        if (value.Contains('\0', StringComparison.Ordinal) || value.Length > Sourcing.ServiceDefaults.Validation.InputLimits.MaxQueryValueLength
            || (ApiSchema.MaxLength(schema) is { } max && value.Length > max))
        {
            return true;
        }

        var invariant = CultureInfo.InvariantCulture;
        return ApiSchema.Type(schema) switch
        {
            "integer" => !long.TryParse(value, NumberStyles.Integer, invariant, out var n) || n < (ApiSchema.Minimum(schema) ?? long.MinValue) || n > (ApiSchema.Maximum(schema) ?? long.MaxValue),
            "number" => !double.TryParse(value, NumberStyles.Float, invariant, out var d) || !double.IsFinite(d)
                || d < (ApiSchema.Minimum(schema) ?? double.MinValue) || d > (ApiSchema.Maximum(schema) ?? double.MaxValue),
            "boolean" => !bool.TryParse(value, out _),
            "string" when ApiSchema.Format(schema) == "uuid" => !Guid.TryParse(value, out _),
            "string" when schema["pattern"]?.GetValue<string>() is { } pattern => !Regex.IsMatch(value, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)),
            _ => false,
        };
    }

    public static byte[] Bytes(JsonNode? body)
    {
        var text = body?.ToJsonString(Compact) ?? "null";
        // A .NET JSON writer writes neither a lone surrogate nor bytes that are not UTF-8: their placeholders become them here.
        text = text.Replace(Escaped(HostileValues.LoneSurrogate), HostileValues.LoneSurrogateEscape, StringComparison.Ordinal);
        var parts = text.Split(Escaped(HostileValues.InvalidUtf8));
        return [.. parts.SelectMany((part, i) => i == 0 ? Encoding.UTF8.GetBytes(part) : [0xFF, 0xFE, .. Encoding.UTF8.GetBytes(part)])];
    }

    private static string Escaped(string placeholder) => JsonSerializer.Serialize(placeholder, Compact)[1..^1];

    private static bool JsonMergePatchBody(string contentType) => contentType.StartsWith("application/merge-patch+json", StringComparison.OrdinalIgnoreCase);

    private Guid NewGuid()
    {
        var bytes = new byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
