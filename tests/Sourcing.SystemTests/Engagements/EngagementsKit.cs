using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Sourcing.Testing;

namespace Sourcing.SystemTests.Engagements;

/// <summary>A signed-up tenant whose settings the engagements service has received, with a client for its API.</summary>
public sealed record EngagementsTenant(SignedUpTenant Tenant, HttpClient Api) : IDisposable
{
    public Guid TenantId => Tenant.TenantId;

    public void Dispose() => Api.Dispose();
}

/// <summary>Helpers of the engagements system tests: tenants, valid bodies, the outbox.</summary>
public static class EngagementsKit
{
    public const string Database = "sourcing_engagements";

    public static Uri Url(SystemFixture system) => system.Service("Engagements").Url;

    public static async Task<EngagementsTenant> NewTenantAsync(
        SystemFixture system, string company = "Acme Outsourcing Ltd", string country = "US", string currency = "USD", string timeZone = "America/New_York")
    {
        var tenant = await system.NewTenantAsync(company, country, currency, timeZone);
        var api = SourcingClient.Api(Url(system), tenant.AccessToken);
        await Eventually.WaitAsync(
            async () =>
            {
                using var response = await api.GetAsync("api/engagement-settings");
                return response.StatusCode == HttpStatusCode.OK;
            },
            TimeSpan.FromSeconds(30),
            "the engagements service to receive the tenant's settings");
        return new EngagementsTenant(tenant, api);
    }

    public static HttpClient ApiWithToken(SystemFixture system, string token) => SourcingClient.Api(Url(system), token);

    public static Dictionary<string, object?> Provider(string legalName = "Manila Contact BPO Inc", string hqCountry = "PH", bool certified = true) => new()
    {
        ["legalName"] = legalName,
        ["hqCountry"] = hqCountry,
        ["deliveryCountries"] = new[] { hqCountry },
        ["certifications"] = certified ? new object[] { new { name = "ISO 27001", validUntil = "2099-12-31" } } : Array.Empty<object>(),
        ["website"] = "https://provider.example.com",
        ["contactName"] = "Pat Provider",
        ["contactEmail"] = "pat@provider.example.com",
        ["lei"] = null,
    };

    public static Dictionary<string, object?> CaptiveCentre(string legalEntity = "Acme Poland Sp. z o.o.", string country = "PL", decimal share = 100m, bool sharedControl = false) => new()
    {
        ["legalEntity"] = legalEntity,
        ["country"] = country,
        ["ownershipPercent"] = share,
        ["sharedControl"] = sharedControl,
        ["headcount"] = 120,
        ["functions"] = new[] { "finance", "IT support" },
        ["annualOperatingCost"] = 4_500_000m,
        ["currency"] = "PLN",
    };

    public static Dictionary<string, object?> Contract(string start = "2026-01-01", string? end = "2028-12-31", int notice = 90) => new()
    {
        ["start"] = start,
        ["end"] = end,
        ["noticePeriodDays"] = notice,
        ["autoRenewal"] = false,
        ["pricingModel"] = "per-fte",
        ["annualValue"] = 1_200_000m,
        ["currency"] = "USD",
        ["serviceCreditTerms"] = "5 % of the monthly fee per missed SLA",
    };

    public static Dictionary<string, object?> Engagement(Guid? providerId = null, Guid? captiveCentreId = null, string name = "Customer service", string country = "PH") => new()
    {
        ["name"] = name,
        ["providerId"] = providerId,
        ["captiveCentreId"] = captiveCentreId,
        ["scope"] = "whole-process",
        ["businessProcess"] = "customer-service",
        ["deliveryCountry"] = country,
        ["deliverySite"] = "Manila, Ortigas Center",
        ["placeOfWork"] = "provider-premises",
        ["headcount"] = 80,
        ["core"] = false,
        ["dataSensitivity"] = new[] { "personal" },
        ["criticality"] = "important",
        ["status"] = "active",
        ["contract"] = Contract(),
    };

    public static async Task<JsonElement> CreateAsync(HttpClient api, string url, object body)
    {
        using var response = await api.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {url} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<Guid> CreateIdAsync(HttpClient api, string url, object body) =>
        (await CreateAsync(api, url, body)).GetProperty("id").GetGuid();

    public static async Task<(JsonElement Body, string ETag)> GetAsync(HttpClient api, string url)
    {
        using var response = await api.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {text}");
        return (JsonDocument.Parse(text).RootElement.Clone(), response.Headers.ETag?.Tag ?? "");
    }

    public static Task<HttpResponseMessage> PutAsync(HttpClient api, string url, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return api.SendAsync(request);
    }

    /// <summary>Outbox rows of a tenant (the outbox is exempt from row-level security: the dispatcher reads across tenants).</summary>
    public static async Task<List<OutboxRow>> OutboxAsync(Guid tenantId, string? type = null)
    {
        await using var connection = await SystemFixture.OpenAsync(Database, "sourcing_owner");
        await using var command = new NpgsqlCommand(
            "SELECT message_type, payload::text, sent_at IS NOT NULL FROM outbox_messages WHERE tenant_id = @t AND (@type::text IS NULL OR message_type = @type) ORDER BY sequence",
            connection);
        command.Parameters.AddWithValue("t", tenantId);
        command.Parameters.AddWithValue("type", (object?)(type is null ? null : "Sourcing.Contracts." + type) ?? DBNull.Value);
        var rows = new List<OutboxRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new OutboxRow(reader.GetString(0).Replace("Sourcing.Contracts.", "", StringComparison.Ordinal), JsonDocument.Parse(reader.GetString(1)).RootElement.Clone(), reader.GetBoolean(2)));
        }

        return rows;
    }

    /// <summary>Counts rows of a business table for a tenant as the run-time role with the tenant set (as the service does).</summary>
    public static Task<long> CountAsync(string table, Guid tenantId) =>
        SystemFixture.CountAsTenantAsync(Database, tenantId, $"SELECT count(*) FROM {table}");

    public static IEnumerable<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray();
}

public sealed record OutboxRow(string Type, JsonElement Payload, bool Sent);
