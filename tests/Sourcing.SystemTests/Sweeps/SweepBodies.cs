using System.Text.Json;
using System.Text.Json.Nodes;
using Sourcing.SystemTests.Engagements;
using Sourcing.SystemTests.Registers;

namespace Sourcing.SystemTests.Sweeps;

/// <summary>
/// The valid request each malformed one starts from, so that a mutation is the one thing wrong with
/// it: the tests' own valid bodies where they have one, else a value built from the schema (the
/// first enum value, a plausible code for a field named after a country, currency or time zone, the
/// tenant's real ids for id fields). Path parameters get the real row they name, except where a
/// valid call would take the tenant apart (see <see cref="PathValue"/>).
/// </summary>
public sealed class SweepBodies(SweepTargets targets, Func<Guid> newGuid)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public JsonNode? For(ApiOperation operation, JsonObject schema) => (operation.Service, operation.Key) switch
    {
        ("Identity", "POST /api/signup") => Node(new
        {
            companyName = "Sweep Signup Ltd",
            hqCountry = "US",
            reportingCurrency = "USD",
            timeZone = "America/Chicago",
            adminName = "Sam Sweep",
            // One address per run: the first valid sign-up takes it, so the sweep makes one tenant, not hundreds.
            adminEmail = $"sweep-signup-{targets.TenantId:N}@example.com",
            adminPassword = SystemFixture.StrongPassword,
        }),
        ("Tenants", "PUT /api/tenant/settings") => Node(Settings.Valid(name: "Sweep Outsourcing Ltd")),
        ("Tenants", "PATCH /api/tenant/settings") => Node(new { name = "Sweep Outsourcing Ltd", countryConcentrationThresholdPercent = 50 }),
        ("Tenants", "PATCH /api/members/{userId}") => Node(new { role = "viewer" }),
        ("Tenants", "POST /api/invitations") => Node(new { email = $"sweep-invitee-{targets.TenantId:N}@example.com", role = "viewer" }),
        ("Tenants", "POST /api/api-clients") => Node(new { name = "Sweep client", scopes = new[] { "engagements:read" } }),
        ("Engagements", "POST /api/providers" or "PUT /api/providers/{id}") => Node(EngagementsKit.Provider("Sweep Provider Inc")),
        ("Engagements", "POST /api/captive-centres" or "PUT /api/captive-centres/{id}") => Node(EngagementsKit.CaptiveCentre()),
        ("Engagements", "POST /api/engagements" or "PUT /api/engagements/{id}") => Node(EngagementsKit.Engagement(targets.ProviderId)),
        ("Engagements", "PUT /api/registers/settings") => Node(new { reportingEntityLei = RegistersKit.BankLei, competentAuthority = "DE_BAFIN", consolidation = "CON" }),
        ("Engagements", "PUT /api/registers/entities/{lei}") => Node(RegistersKit.Entity("Acme Holding AG", "eba_RP:x53", RegistersKit.ParentLei)),
        ("Engagements", "PUT /api/registers/branches/{code}") => Node(new { headOfficeLei = RegistersKit.BankLei, name = "Sweep branch", country = "FR" }),
        ("Sla", "POST /api/engagements/{engagementId}/slas" or "PUT /api/slas/{id}") => Node(new
        {
            metric = "Availability",
            unit = "%",
            target = 99.5m,
            direction = "at-least",
            period = "daily",
            weight = 1m,
            serviceCreditPercent = 10m,
        }),
        ("Sla", "POST /api/slas/{id}/measurements") => Node(new { period = "2026-03-02", value = 99.9m }),
        ("Sla", "POST /api/engagements/{engagementId}/measurements") => Node(new[] { new { slaId = targets.SlaId, period = "2026-03-03", value = 99.1m } }),
        // Paused: a subscription the sweep leaves behind sends no digest during the run.
        ("Risk", "PUT /api/risk/digests/subscription") => Node(new
        {
            frequency = "weekly",
            dayOfWeek = 1,
            localTime = "09:00",
            timeZone = "Europe/Berlin",
            minBand = "high",
            scope = "all",
            paused = true,
            sendEmpty = false,
        }),
        _ => Example(operation.Document, "", schema, 0),
    };

    /// <summary>
    /// The value of a path parameter in the valid request: the real row it names, but for calls whose
    /// success would damage the sweep tenant (removing or demoting the admin signs the sweep out;
    /// deleting, retiring or terminating its rows changes every later answer), which get an id nobody has.
    /// </summary>
    public string PathValue(ApiOperation operation, ApiParameter parameter)
    {
        var destructive = operation.Method == "DELETE" || operation.Path.EndsWith("/retire", StringComparison.Ordinal)
            || operation.Path.EndsWith("/terminate", StringComparison.Ordinal) || operation.Path.EndsWith("/resend", StringComparison.Ordinal);
        return (parameter.Name, destructive) switch
        {
            ("lei", true) => RegistersKit.HostLei,
            ("lei", false) => RegistersKit.ParentLei,
            ("code", _) when operation.Path.Contains("/branches/", StringComparison.Ordinal) => destructive ? "NO-SUCH-BRANCH" : "BR-SWEEP",
            ("code", _) => "FR",
            (_, true) or ("userId" or "alertId", _) => newGuid().ToString(),
            ("engagementId", _) => targets.EngagementId.ToString(),
            ("providerId", _) => targets.ProviderId.ToString(),
            ("captiveCentreId", _) => targets.CaptiveCentreId.ToString(),
            ("id", _) when operation.Service == "Sla" && operation.Path.StartsWith("/api/slas/", StringComparison.Ordinal) => targets.SlaId.ToString(),
            ("id", _) when operation.Path.StartsWith("/api/providers/", StringComparison.Ordinal) => targets.ProviderId.ToString(),
            ("id", _) when operation.Path.StartsWith("/api/captive-centres/", StringComparison.Ordinal) => targets.CaptiveCentreId.ToString(),
            ("id", _) when operation.Path.StartsWith("/api/engagements/", StringComparison.Ordinal) => targets.EngagementId.ToString(),
            _ => newGuid().ToString(),
        };
    }

    /// <summary>A valid-looking value for a schema: every property filled, the first enum value, codes by the field's name.</summary>
    public JsonNode? Example(ApiDocument document, string name, JsonObject schema, int depth)
    {
        if (depth > 8)
        {
            return null;
        }

        if (ApiSchema.Enum(schema).FirstOrDefault(v => v is not null) is { } first)
        {
            return first;
        }

        switch (ApiSchema.Type(schema))
        {
            case "object":
                var obj = new JsonObject();
                foreach (var (property, propertySchema) in ApiSchema.Properties(document, schema))
                {
                    obj[property] = Example(document, property, propertySchema, depth + 1);
                }

                return obj;
            case "array":
                return new JsonArray(Example(document, name, document.Resolve(schema["items"]), depth + 1));
            case "integer":
            case "number":
                return Math.Clamp(1, ApiSchema.Minimum(schema) ?? double.MinValue, ApiSchema.Maximum(schema) ?? double.MaxValue);
            case "boolean":
                return false;
            case "string":
                var text = Text(name, schema);
                return ApiSchema.MaxLength(schema) is { } max && text.Length > max ? text[..max] : text;
            default:
                return null;
        }
    }

    private string Text(string name, JsonObject schema)
    {
        var lower = name.ToLowerInvariant();
        return ApiSchema.Format(schema) switch
        {
            "uuid" => lower switch
            {
                "providerid" or "recipientproviderid" => targets.ProviderId.ToString(),
                "engagementid" => targets.EngagementId.ToString(),
                "captivecentreid" => targets.CaptiveCentreId.ToString(),
                "slaid" => targets.SlaId.ToString(),
                _ when lower.EndsWith("userid", StringComparison.Ordinal) => targets.AdminUserId.ToString(),
                _ => newGuid().ToString(),
            },
            "date" => "2026-03-01",
            "date-time" => "2026-03-01T00:00:00Z",
            _ when schema["pattern"]?.GetValue<string>() == "^[0-9]{2}:[0-9]{2}$" => "09:00",
            _ when lower.Contains("country", StringComparison.Ordinal) => "DE",
            _ when lower.Contains("currency", StringComparison.Ordinal) => "EUR",
            _ when lower.Contains("timezone", StringComparison.Ordinal) => "Europe/Berlin",
            _ when lower.Contains("email", StringComparison.Ordinal) => "sweep@example.com",
            _ when lower.Contains("lei", StringComparison.Ordinal) => RegistersKit.BankLei,
            _ => "Sweep",
        };
    }

    private static JsonNode? Node(object value) => JsonSerializer.SerializeToNode(value, Json);
}
