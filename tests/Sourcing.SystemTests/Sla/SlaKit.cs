using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using Sourcing.Contracts;
using Sourcing.Testing;

namespace Sourcing.SystemTests.Sla;

/// <summary>
/// What the SLA tests share: the SLA API, engagements made known the way the engagements service
/// will make them known (an EngagementCreated/Changed/Terminated event, written into the tenants
/// service's outbox so that its dispatcher publishes it for real), and checks on the SLA database.
/// </summary>
public static class SlaKit
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static HttpClient Sla(this SystemFixture system, string? token) => SourcingClient.Api(system.Service("Sla").Url, token);

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static EngagementState Engagement(
        Guid id, DateOnly contractStart, decimal? annualValue = 365_000m, string status = "active", DateOnly? terminatedOn = null, int version = 1) => new()
        {
            Id = id,
            Name = $"Contact centre {id.ToString()[..8]}",
            SourceKind = SourceKinds.Provider,
            ProviderId = Guid.NewGuid(),
            Scope = EngagementScopes.WholeProcess,
            BusinessProcess = BusinessProcesses.CustomerService,
            DeliveryCountry = "PH",
            DeliveryTimeZone = "Asia/Manila",
            DeliveryLanguages = ["en", "tl"],
            PlaceOfWork = "provider-premises",
            Core = false,
            DataSensitivity = [],
            Criticality = "important",
            Status = status,
            Contract = new ContractTerms
            {
                Start = contractStart,
                NoticePeriodDays = 90,
                AutoRenewal = false,
                PricingModel = "per-fte",
                AnnualValue = annualValue,
                Currency = "USD",
            },
            Classification = new EngagementClassification("offshore-bpo", "offshore BPO outsourcing", "offshore", "test"),
            TerminatedOn = terminatedOn,
            Version = version,
        };

    /// <summary>Publishes an engagement event through the tenants service's outbox and waits until the SLA service has its version.</summary>
    public static async Task<Guid> KnowEngagementAsync(this SystemFixture system, SignedUpTenant tenant, EngagementState state, string eventType = nameof(EngagementCreated))
    {
        IntegrationEvent message = eventType switch
        {
            nameof(EngagementCreated) => new EngagementCreated { TenantId = tenant.TenantId, Engagement = state },
            nameof(EngagementChanged) => new EngagementChanged { TenantId = tenant.TenantId, Engagement = state, ChangedFields = ["status"] },
            _ => new EngagementTerminated { TenantId = tenant.TenantId, Engagement = state },
        };
        await using (var connection = await SystemFixture.OpenAsync("sourcing_tenants", "sourcing_owner"))
        {
            await using var insert = new NpgsqlCommand(
                """
                INSERT INTO outbox_messages (id, tenant_id, message_type, payload, occurred_at, attempts)
                VALUES (@id, @tenant, @type, @payload::jsonb, now(), 0)
                """,
                connection);
            insert.Parameters.AddWithValue("id", message.EventId);
            insert.Parameters.AddWithValue("tenant", tenant.TenantId);
            insert.Parameters.AddWithValue("type", message.GetType().FullName!);
            insert.Parameters.AddWithValue("payload", JsonSerializer.Serialize(message, message.GetType(), Json));
            await insert.ExecuteNonQueryAsync();
        }

        using var api = system.Sla(tenant.AccessToken);
        await Eventually.WaitAsync(
            async () =>
            {
                using var response = await api.GetAsync($"api/engagements/{state.Id}");
                return response.StatusCode == HttpStatusCode.OK
                    && (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32() == state.Version;
            },
            TimeSpan.FromSeconds(30),
            $"the SLA service to know engagement {state.Id} at version {state.Version}");
        return state.Id;
    }

    public static async Task<Guid> DefineAsync(
        this HttpClient api, Guid engagementId, string metric = "Availability", decimal target = 99.5m, string direction = "at-least",
        string period = "daily", decimal? creditPercent = 10m, decimal weight = 1m)
    {
        using var response = await api.PostAsJsonAsync(
            $"api/engagements/{engagementId}/slas",
            new { metric, unit = "%", target, direction, period, weight, serviceCreditPercent = creditPercent });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> PostCsvAsync(this HttpClient api, Guid engagementId, string csv) =>
        api.PostAsync($"api/engagements/{engagementId}/measurements", new StringContent(csv, Encoding.UTF8, "text/csv"));

    public static Task<HttpResponseMessage> PostRowsAsync(this HttpClient api, Guid engagementId, object rows) =>
        api.PostAsJsonAsync($"api/engagements/{engagementId}/measurements", rows);

    public static string Csv(params (Guid Sla, DateOnly Period, decimal Value)[] rows) =>
        "slaId,period,value\n" + string.Concat(rows.Select(r => $"{r.Sla},{r.Period:yyyy-MM-dd},{r.Value.ToString(CultureInfo.InvariantCulture)}\n"));

    /// <summary>A scalar from the SLA database as the run-time role with the tenant set, as the service sees it.</summary>
    public static Task<long> CountAsync(Guid tenantId, string sql, params (string Name, object Value)[] parameters) =>
        SystemFixture.CountAsTenantAsync("sourcing_sla", tenantId, sql, [("tenant", tenantId), .. parameters]);

    public static Task<long> MeasurementsAsync(Guid tenantId) => CountAsync(tenantId, "SELECT count(*) FROM measurements");

    /// <summary>The payloads of the tenant's outbox rows of one event type, oldest first (the outbox has no RLS: filtered by tenant).</summary>
    public static async Task<List<(JsonElement Payload, DateTimeOffset? SentAt)>> OutboxAsync(Guid tenantId, string type)
    {
        await using var connection = await SystemFixture.OpenAsync("sourcing_sla");
        await using var command = new NpgsqlCommand(
            "SELECT payload::text, sent_at FROM outbox_messages WHERE tenant_id = @t AND message_type = @type ORDER BY sequence", connection);
        command.Parameters.AddWithValue("t", tenantId);
        command.Parameters.AddWithValue("type", "Sourcing.Contracts." + type);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(JsonElement, DateTimeOffset?)>();
        while (await reader.ReadAsync())
        {
            rows.Add((JsonDocument.Parse(reader.GetString(0)).RootElement.Clone(), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1)));
        }

        return rows;
    }

    /// <summary>An API client of the tenant with the given scopes, and a client-credentials token for it.</summary>
    public static async Task<string> ClientTokenAsync(this SystemFixture system, SignedUpTenant tenant, params string[] scopes)
    {
        using var api = system.Api(tenant.AccessToken);
        using var created = await api.PostAsJsonAsync("api/api-clients", new { name = "Provider SLA feed", scopes });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var client = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = client.GetProperty("clientId").GetString()!;
        var secret = client.GetProperty("clientSecret").GetString()!;
        var token = await Eventually.WaitAsync(
            async () =>
            {
                var response = await system.Client.Oidc.ClientCredentialsAsync(id, secret);
                return response.Succeeded ? response : null;
            },
            TimeSpan.FromSeconds(20),
            "the identity service to know the new client");
        return token.AccessToken!;
    }
}
